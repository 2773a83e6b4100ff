import { link, open, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { OutputError } from "../errors.js";
import { colourWanted } from "../render/paint.js";
import { fsReason, makeFolder } from "./folders.js";
import { holdWhileRunning, temporaryName } from "./temporaries.js";
import { OUTPUT_WORDS } from "../words/commands/output.js";

/** Where a command prints. The CLI passes the process's streams; tests may pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether what goes to out() may be coloured: a terminal, and no NO_COLOR. */
  colour: boolean;
  /** How many characters a line of out() may take: the terminal's width, or 80 when out() is not a terminal. */
  columns: number;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  colour: colourWanted(process.stdout),
  get columns() {
    return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : 80;
  },
};

/** What a command tells the CLI; only cli.ts turns it into an exit code. */
export interface CommandResult {
  /** True when the inputs had findings of error severity (exit 1). */
  failed: boolean;
  /** True when an input could not be read at all, though the run went on to report the others (exit 2). */
  unreadable?: boolean;
}

async function writeTemporary(path: string, bytes: Uint8Array | string): Promise<string> {
  const temporary = temporaryName(path);
  await makeFolder(dirname(path));
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputError(OUTPUT_WORDS.cannotWrite(path, fsReason(error)), path);
  }
  return temporary;
}

/**
 * Writes a file whole or not at all: a temporary file beside the target, then a rename,
 * so a reader never sees half a PDF and a failed run leaves the old file in place.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = await writeTemporary(path, bytes);
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputError(OUTPUT_WORDS.cannotWrite(path, fsReason(error)), path);
  }
}

/**
 * Writes a file whole, only if there is none: the written temporary file is hard-linked to the
 * target, which fails when the target exists, in one step, so two runs can never both believe they
 * made it and neither file is lost. False when the target was there (nothing is changed). Where the
 * file system has no hard links, an exclusive create claims the name and the rename fills it.
 */
export async function writeFileNew(path: string, bytes: Uint8Array | string): Promise<boolean> {
  const temporary = await writeTemporary(path, bytes);
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (
      code !== "EPERM" &&
      code !== "ENOTSUP" &&
      code !== "EOPNOTSUPP" &&
      code !== "EXDEV" &&
      code !== "EMLINK"
    ) {
      throw new OutputError(OUTPUT_WORDS.cannotWrite(path, fsReason(error)), path);
    }
    return claimThenFill(path, temporary);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

async function claimThenFill(path: string, temporary: string): Promise<boolean> {
  let release: () => void;
  try {
    await (await open(path, "wx")).close();
    // Empty until the rename fills it: a run stopped meanwhile removes its claim.
    release = holdWhileRunning(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new OutputError(OUTPUT_WORDS.cannotWrite(path, fsReason(error)), path);
  }
  try {
    await rename(temporary, path);
    return true;
  } catch (error) {
    await rm(path, { force: true }).catch(() => undefined);
    throw new OutputError(OUTPUT_WORDS.cannotWrite(path, fsReason(error)), path);
  } finally {
    release();
  }
}

/**
 * Writes several files as one set, as near whole as a file system allows: every file is written to
 * its temporary file first (a full disk or a folder in the way fails here, before any target is
 * touched, and the temporaries are removed), then each is renamed into place, which takes
 * milliseconds. Whatever a kill in those milliseconds leaves, the manifest written after tells.
 */
export async function writeFilesAtomic(
  files: readonly { path: string; bytes: Uint8Array | string }[],
): Promise<void> {
  const staged: { temporary: string; path: string }[] = [];
  try {
    for (const file of files)
      staged.push({ temporary: await writeTemporary(file.path, file.bytes), path: file.path });
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.temporary, { force: true }).catch(() => undefined)));
    throw error;
  }
  // A folder in the way of one target would stop the renames partway: looked for before the first.
  for (const { path } of staged) {
    if ((await stat(path).catch(() => undefined))?.isDirectory()) {
      await Promise.all(staged.map((s) => rm(s.temporary, { force: true }).catch(() => undefined)));
      throw new OutputError(
        OUTPUT_WORDS.cannotWriteSet(path, fsReason(Object.assign(new Error(), { code: "EISDIR" }))),
        path,
      );
    }
  }
  for (const [i, { temporary, path }] of staged.entries()) {
    try {
      await rename(temporary, path);
    } catch (error) {
      await Promise.all(staged.slice(i).map((s) => rm(s.temporary, { force: true }).catch(() => undefined)));
      throw new OutputError(OUTPUT_WORDS.cannotWrite(path, fsReason(error)), path);
    }
  }
}
