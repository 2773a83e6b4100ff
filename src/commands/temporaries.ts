import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * The name of a temporary file beside `path`: hidden, naming the process that writes it (so a later
 * run can tell one a killed run left from one a live run is writing) and unique within it.
 */
export function temporaryName(path: string): string {
  ownFolders.add(dirname(path));
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}${TEMPORARY_SUFFIX}`,
  );
}

export const TEMPORARY_SUFFIX = ".kpi-tmp";

/** A probe's name in `dir` (folders.ts): a folder or empty file made and removed at once. */
export function probeName(dir: string): string {
  ownFolders.add(dir);
  return join(dir, `.kpi-report-probe-${process.pid}-${randomBytes(4).toString("hex")}`);
}

/** The folders this run has made temporary files or probes in, for removeOwnTemporaries. */
const ownFolders = new Set<string>();
/** Files this run holds only while it runs: lock files, a name claimed before it is filled. */
const held = new Set<string>();

/** Marks `path` as this run's until the returned function is called; removed if the run is stopped first. */
export function holdWhileRunning(path: string): () => void {
  held.add(path);
  return () => held.delete(path);
}

/**
 * Removes, at once and synchronously, every temporary file and probe this run made and the locks it
 * holds: what a run stopped by Ctrl-C or SIGTERM does before it exits (cli.ts), so it leaves nothing
 * of its own behind. A rename done is done; a temporary file not yet renamed is only a temporary file.
 */
export function removeOwnTemporaries(): void {
  for (const dir of ownFolders) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMPORARY.exec(name) ?? PROBE.exec(name);
      if (match && Number(match[1]) === process.pid)
        rmSync(join(dir, name), { force: true, recursive: true, maxRetries: 0 });
    }
  }
  for (const path of held) rmSync(path, { force: true });
}

/** `.NAME.PID-HEX.kpi-tmp` as temporaryName makes them, and `.NAME.PID.tmp` as earlier versions did. */
const TEMPORARY = /^\..+\.(\d+)(?:-[0-9a-f]{8}\.kpi-tmp|\.tmp)$/;
/** The empty file or folder a writability check makes and removes at once: left only by a kill. */
const PROBE = /^\.kpi-report-probe-(\d+)(?:-[0-9a-f]{8})?$/;

/**
 * The temporary files and probes that runs killed partway (Ctrl-C, SIGTERM, a crash) left in `dir`:
 * those whose process no longer runs. A live run's are not among them.
 */
export async function staleTemporaries(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.sort().filter((name) => {
    const match = TEMPORARY.exec(name) ?? PROBE.exec(name);
    return match !== null && Number(match[1]) !== process.pid && !processRuns(Number(match[1]));
  });
}

/** Removes the temporary files that killed runs left in `dir` (staleTemporaries). Returns the names removed. */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await staleTemporaries(dir)) {
    await rm(join(dir, name), { force: true, recursive: name.startsWith(".kpi-report-probe-") }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/** Whether a process of this id runs on this machine (one of another user's counts: it cannot be signalled, but runs). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
