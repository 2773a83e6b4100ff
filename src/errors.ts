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
    super(file ? `The template ${file} cannot be used: ${problem}` : `The template cannot be used: ${problem}`, file, hint);
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

export type RunStopper = InputError | UsageError | OutputError;

export function isRunStopper(error: unknown): error is RunStopper {
  return error instanceof InputError || error instanceof UsageError || error instanceof OutputError;
}
