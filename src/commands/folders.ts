import { constants, type Stats } from "node:fs";
import { access, mkdir, open, rm, rmdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { OutputError } from "../errors.js";
import { probeName, removeStaleTemporaries } from "./temporaries.js";
import { fsReasonWords, OUTPUT_WORDS } from "../words/commands/output.js";

/** Why the file system refused, in words (words/commands/output.ts). */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  return fsReasonWords(code);
}

/** The path's nearest part that exists, and the names below it that do not. */
async function nearestExisting(path: string): Promise<{ existing: string; stats: Stats; missing: string[] }> {
  const missing: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      return { existing: p, stats: await stat(p), missing };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== "ENOENT" && code !== "ENOTDIR") || dirname(p) === p) {
        throw new OutputError(OUTPUT_WORDS.cannotUse(path, fsReason(error), p), path);
      }
      missing.unshift(basename(p));
    }
  }
}

/**
 * Whether `path` can be the output folder, without making anything (so --check writes nothing):
 * it is a folder, or it can be made in the nearest folder that exists. Run before any return is
 * read, so a build that cannot write stops at once.
 */
export async function checkOutputFolder(path: string): Promise<void> {
  const { existing, stats, missing } = await nearestExisting(path);
  if (!stats.isDirectory()) {
    throw new OutputError(
      missing.length ? OUTPUT_WORDS.fileInTheWay(path, existing) : OUTPUT_WORDS.isAFile(path),
      path,
    );
  }
  try {
    await access(existing, constants.W_OK);
  } catch (error) {
    throw new OutputError(OUTPUT_WORDS.refused(path, missing.length > 0, fsReason(error), existing), path);
  }
  if (!missing.length) return;
  // Permission bits do not tell everything (procfs and sysfs refuse root too): a folder of a name no
  // other run uses is made and removed again. Never the folder itself: another build may be making
  // it this moment, and removing it would pull it from under that build.
  const probe = probeName(existing);
  try {
    await mkdir(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutputError(
      OUTPUT_WORDS.cannotMake(
        path,
        code === "ENOENT"
          ? OUTPUT_WORDS.noFoldersIn(existing)
          : OUTPUT_WORDS.reasonIn(fsReason(error), existing),
      ),
      path,
    );
  }
  await rmdir(probe).catch(() => undefined);
}

/**
 * Makes the folder one level at a time. Node's recursive mkdir retries without end where the
 * system answers "no such folder" to making one (procfs: `--out /proc/x` never returned).
 */
export async function makeFolder(path: string): Promise<void> {
  const { existing, stats, missing } = await nearestExisting(path);
  if (!stats.isDirectory()) throw new OutputError(OUTPUT_WORDS.fileInTheWay(path, existing), path);
  let current = existing;
  for (const name of missing) {
    const parent = current;
    current = join(current, name);
    try {
      await mkdir(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue; // made meanwhile by another run
      const why =
        code === "ENOENT" ? OUTPUT_WORDS.noFoldersIn(parent) : OUTPUT_WORDS.reasonIn(fsReason(error), parent);
      throw new OutputError(OUTPUT_WORDS.cannotMake(path, why), path);
    }
  }
}

/**
 * Makes the output folder and proves a file can be written there, before anything is drawn; and
 * removes the temporary files and probes that earlier runs, killed partway, left in it.
 */
export async function prepareOutputFolder(path: string): Promise<void> {
  await makeFolder(path);
  await removeStaleTemporaries(path);
  const probe = probeName(path);
  try {
    await (await open(probe, "wx")).close();
  } catch (error) {
    throw new OutputError(OUTPUT_WORDS.cannotWriteInto(path, fsReason(error)), path);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}
