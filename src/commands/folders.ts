import { constants, type Stats } from "node:fs";
import { access, mkdir, open, rm, rmdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { OutputError } from "../errors.js";
import { probeName, removeStaleTemporaries } from "./temporaries.js";

/** Why the file system refused, in words; the code itself is for KPI_REPORT_DEBUG, not the reader. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "the system does not allow it",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EFBIG: "the file is larger than this system allows a file to be (a file-size limit)",
    ENOTDIR: "a part of the path is a file, not a folder",
    EISDIR: "a folder of that name is in the way",
    EEXIST: "a file of that name is in the way",
    ENOENT: "there is no such file or folder",
    ENAMETOOLONG: "the path is too long",
    ELOOP: "the path goes round in a loop of links",
    EBUSY: "the file is in use by another program",
    EMFILE: "too many files are open",
    ENFILE: "too many files are open",
    EINVAL: "the name is not allowed here",
    EXDEV: "the temporary file and the target are on different disks",
  };
  return reasons[code] ?? "the system refused";
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
        throw new OutputError(`Cannot use ${path} as the output folder: ${fsReason(error)} (at ${p}).`, path);
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
      missing.length
        ? `Cannot make the folder ${path}: ${existing} is a file, not a folder.`
        : `Cannot write into ${path}: it is a file, not a folder.`,
      path,
    );
  }
  try {
    await access(existing, constants.W_OK);
  } catch (error) {
    throw new OutputError(
      `Cannot ${missing.length ? `make the folder ${path}` : `write into ${path}`}: ${fsReason(error)} in ${existing}.`,
      path,
    );
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
      `Cannot make the folder ${path}: ${code === "ENOENT" ? `${existing} does not allow folders to be made in it` : `${fsReason(error)} in ${existing}`}.`,
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
  if (!stats.isDirectory())
    throw new OutputError(`Cannot make the folder ${path}: ${existing} is a file, not a folder.`, path);
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
        code === "ENOENT"
          ? `${parent} does not allow folders to be made in it`
          : `${fsReason(error)} in ${parent}`;
      throw new OutputError(`Cannot make the folder ${path}: ${why}.`, path);
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
    throw new OutputError(`Cannot write into ${path}: ${fsReason(error)}.`, path);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}
