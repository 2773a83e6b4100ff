import { hostname } from "node:os";
import { open, readFile, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { OutputError } from "../errors.js";
import { fsReason } from "./folders.js";
import { holdWhileRunning, processRuns } from "./temporaries.js";

/**
 * A lock file beside what several runs may change at once (a month's filed return, a folder's
 * manifest): made with an exclusive create, so exactly one run holds it, and naming the process and
 * machine that holds it, so a lock left by a run that was killed is seen to be stale and removed.
 * Runs wait their turn; what they do under the lock takes milliseconds.
 */
const WAIT_MS = 60_000;
/** A lock from another machine (a shared drive) cannot be checked by its process id; trusted this long. */
const FOREIGN_STALE_MS = 10 * 60_000;

export async function withLock<T>(lockPath: string, what: string, work: () => Promise<T>): Promise<T> {
  const owner = `${process.pid} ${hostname()}\n`;
  const deadline = Date.now() + WAIT_MS;
  let release: () => void = () => undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      release = holdWhileRunning(lockPath);
      try {
        await handle.writeFile(owner);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new OutputError(`Cannot lock ${what} (${lockPath}): ${fsReason(error)}.`, lockPath);
    }
    if (await isStale(lockPath)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new OutputError(
        `Another kpi-report run has held ${what} for over a minute (${lockPath}); nothing was changed. If no other run is going, delete that file and try again.`,
        lockPath,
      );
    }
    // A little longer each time, with jitter, so runs waiting together do not wake together.
    await sleep(Math.min(200, 10 + attempt * 5) + Math.random() * 20);
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true }).catch(() => undefined);
    release();
  }
}

/** True when the lock's holder is a process on this machine that no longer runs, or a foreign lock is old. */
async function isStale(lockPath: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(lockPath, "utf8");
  } catch {
    return false; // gone meanwhile: the next attempt takes it
  }
  const [pidText, host] = text.trim().split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || host === undefined) {
    // Being written this instant, or damaged: stale only once old.
    return olderThan(lockPath, 5_000);
  }
  if (host !== hostname()) return olderThan(lockPath, FOREIGN_STALE_MS);
  return !processRuns(pid);
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}
