/**
 * The few things that stop a run. Bad data is never one of them: that is a finding
 * (see findings/catalogue.ts). cli.ts maps each class to an exit code.
 */

/** The input cannot be read at all: missing, a directory, not a workbook, too large. Exit 2. */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    message: string,
    readonly path?: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * An officer's template cannot be used: a name it does not have, a {{ }} not closed. Exit 2. The
 * code that fills the template does not know the file; the command that read it adds its name.
 */
export class TemplateError extends InputError {
  constructor(
    /** "line 2, column 14: ..." */
    readonly problem: string,
    hint: string,
    readonly file?: string,
  ) {
    super(
      file ? `The template ${file} cannot be used: ${problem}` : `The template cannot be used: ${problem}`,
      file,
      hint,
    );
  }

  inFile(file: string): TemplateError {
    return new TemplateError(this.problem, this.hint ?? "", file);
  }
}

/** The command was called wrongly: a bad option, a month with no return. Exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** An output could not be written. Exit 2: nothing partial is left behind. */
export class OutputError extends Error {
  override readonly name = "OutputError";
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/**
 * A file of kpi-report's own is missing (a font, the resvg addon, a chunk of the bundle): the
 * installation is damaged, not the input. Exit 4, one line naming the file and saying to reinstall.
 */
export class InstallError extends Error {
  override readonly name = "InstallError";
  constructor(readonly missing: string) {
    super(
      `the installation is damaged: ${missing} is missing; reinstall kpi-report (npm install kpi-report, or npm ci in its folder).`,
    );
  }
}

/**
 * The InstallError an error means, when it is one: a module or file of the installation not found,
 * as Node words it (the code can be lost on the way back from the PDF thread, so the words are read
 * too), or a native addon that will not load. A file of the user's is never taken for one: only
 * paths inside node_modules or the bundle count.
 */
export function damagedInstall(error: unknown): InstallError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof InstallError) return e;
    const message = e.message;
    const module = /Cannot find (?:module|package) '([^']+)'/.exec(message);
    if (module) return new InstallError(module[1]!);
    if (/Failed to load native binding|Cannot find native binding/.test(message))
      return new InstallError(`the resvg addon for ${process.platform}-${process.arch} (@resvg/resvg-js)`);
    const path =
      (e as NodeJS.ErrnoException).path ??
      /^ENOENT: no such file or directory, \w+ '([^']+)'/.exec(message)?.[1];
    const code = (e as NodeJS.ErrnoException).code ?? (message.startsWith("ENOENT") ? "ENOENT" : undefined);
    if (code === "ENOENT" && path && /[\\/](node_modules|dist[\\/]bundle)[\\/]/.test(path))
      return new InstallError(path);
  }
  return undefined;
}

export type RunStopper = InputError | UsageError | OutputError;

export function isRunStopper(error: unknown): error is RunStopper {
  return error instanceof InputError || error instanceof UsageError || error instanceof OutputError;
}
