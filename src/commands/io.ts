import { rename, rm, writeFile, mkdir } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { OutputError } from "../errors.js";
import { colourWanted } from "../render/paint.js";

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
}

/**
 * Writes a file whole or not at all: a temporary file beside the target, then a rename,
 * so a reader never sees half a PDF and a failed run leaves the old file in place.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new OutputError(`Cannot write ${path} (${describeWriteError(reason)}).`, path);
  }
}

function describeWriteError(code: string): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "the file system is read-only";
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "EISDIR":
      return "a folder of that name is in the way";
    default:
      return code;
  }
}
