import { rename, rm, writeFile } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { OutputError } from "../errors.js";
import { colourWanted } from "../render/paint.js";
import { fsReason, makeFolder } from "./folders.js";

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

/**
 * Writes a file whole or not at all: a temporary file beside the target, then a rename,
 * so a reader never sees half a PDF and a failed run leaves the old file in place.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await makeFolder(dirname(path));
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputError(`Cannot write ${path}: ${fsReason(error)}.`, path);
  }
}
