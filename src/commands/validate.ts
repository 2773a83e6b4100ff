import { InputError } from "../errors.js";
import { showHiddenControls } from "../text/hidden-controls.js";
import { REVIEW_SHEETS, SHEETS } from "../schema/workbook-layout.js";
import { readDetails } from "../validate/details-sheet.js";
import { sheetNamed } from "../validate/sheets.js";
import { findDataFolder, NO_CONTRACT_FOUND, returnPath, type DataFolder } from "../read/data-dir.js";
import type { RawWorkbook } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import type { MonthlyReturn } from "../schema/return.js";
import { readWorkbook } from "../read/workbook.js";
import { READ_FAILURES, UnreadableFileError } from "../read/read-failures.js";
import { hasErrors } from "../findings/finding.js";
import { validateReturn, type ValidationOptions } from "../validate/validate-return.js";
import { validateReview, workbookKind } from "../validate/validate-review.js";
import { monthBounds } from "../validate/month.js";
import { findingsJson, findingsText, type FindingsReport } from "../render/findings-text.js";
import { findingsGithub } from "./github-annotations.js";
import { loadContractFor } from "./data-source.js";
import { checkContract } from "../read/contract.js";
import { readContractCopy } from "../read/contract-copy.js";
import type { CommandResult, Io } from "./io.js";
import { OPTION_WORDING, parseOptions, ValidateOptionsSchema, type ValidateOptions } from "./options.js";
import { VALIDATE_WORDS } from "../words/commands/validate.js";

/**
 * `kpi-report validate FILE...`: every problem in one pass, each with its sheet and cell, for each
 * file or pattern given. A file is a supplier's return or a council review; which one is told by
 * its sheets. One report; the exit code is the worst of the files': 2 when one could not be read
 * at all, else 1 when one has error findings, else 0 (cli.ts sets them).
 */
export async function validateCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(ValidateOptionsSchema, raw, OPTION_WORDING.validate);
  const {
    folder,
    contract,
    findings: contractFindings,
  } = await loadContractFor(options).catch(async (error: unknown) => {
    const carried = await carriedContract(error, options);
    if (carried) {
      io.err(carried.note);
      return carried.loaded;
    }
    throw await contractNeeded(error, options);
  });
  const reports: FindingsReport[] = [];
  for (const file of await expandPatterns(options.files)) {
    if (typeof file !== "string") {
      reports.push(file);
      continue;
    }
    try {
      const workbook = await readWorkbook(file);
      const checks = {
        ...(options.month ? { month: options.month, monthSource: VALIDATE_WORDS.monthGiven } : {}),
        fileName: file,
        bounds: monthBounds(new Date()),
      };
      const result =
        workbookKind(workbook) === "review"
          ? await checkReview(workbook, contract, checks, folder)
          : validateReturn(workbook, contract, checks);
      reports.push({ file, findings: [...contractFindings, ...result.findings], limit: options.maxErrors });
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      reports.push({
        file,
        findings: [],
        unreadable: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) },
      });
    }
  }
  print(reports, options, io);
  return {
    failed: reports.some((r) => hasErrors(r.findings)),
    unreadable: reports.some((r) => r.unreadable),
  };
}

/**
 * Outside any data folder (no contract.json, no --data or --contract), a return `template` made
 * carries a copy of the contract (read/contract-copy.ts): the supplier's check uses it, and says so
 * in one line. Undefined when the file carries none, or a changed one (contractNeeded then says what
 * is needed, and why the copy is not used).
 */
async function carriedContract(error: unknown, options: ValidateOptions) {
  if (!noContractHere(error, options)) return undefined;
  const file = await firstFile(options);
  let copy: ReturnType<typeof readContractCopy>;
  try {
    copy = readContractCopy(await readWorkbook(file));
  } catch {
    return undefined;
  }
  if (!copy || "problem" in copy) return undefined;
  let loaded: ReturnType<typeof checkContract>;
  try {
    loaded = checkContract(copy.json, VALIDATE_WORDS.copyPlace(file));
  } catch {
    return undefined; // not a contract this version can read: contractNeeded says what is needed
  }
  const folder = findDataFolder(undefined);
  return {
    loaded: { folder, contract: loaded.contract, findings: loaded.findings },
    note: VALIDATE_WORDS.checkedAgainstCopy(
      showHiddenControls(loaded.contract.id),
      file,
      copy.contractSha256,
    ),
  };
}

const noContractHere = (error: unknown, options: ValidateOptions) =>
  error instanceof InputError &&
  options.data === undefined &&
  options.contract === undefined &&
  error.message.startsWith(NO_CONTRACT_FOUND);

async function firstFile(options: ValidateOptions): Promise<string> {
  for (const file of options.files) if (!(await isPattern(file))) return file;
  return options.files[0]!;
}

/**
 * Whether an argument is a pattern, as tinyglobby tells. tinyglobby (with picomatch and fdir) is
 * loaded only for an argument holding a character a pattern needs: one return named plainly, the
 * usual case, is checked without it (10-15 ms of a 0.15 s validate, docs/performance.md).
 */
async function isPattern(arg: string): Promise<boolean> {
  if (!/[*?[\]{}()!]/.test(arg)) return false;
  const { isDynamicPattern } = await import("tinyglobby");
  return isDynamicPattern(arg);
}

/**
 * A supplier checking the return it filled, outside the council's data folder, has no contract to
 * check it against: the message says, in one line, which contract the file names and where
 * validate looks for it, rather than offering to start a data folder.
 */
async function contractNeeded(error: unknown, options: ValidateOptions): Promise<unknown> {
  if (!noContractHere(error, options) || !(error instanceof InputError)) return error;
  const file = await firstFile(options);
  let named: string | undefined;
  let changed = "";
  try {
    const workbook = await readWorkbook(file);
    const copy = readContractCopy(workbook);
    if (copy && "problem" in copy) changed = VALIDATE_WORDS.copyNotUsed(copy.problem);
    const sheet = sheetNamed(
      workbook,
      workbookKind(workbook) === "review" ? REVIEW_SHEETS.details : SHEETS.details,
    );
    named = sheet ? readDetails(sheet).values.contract : undefined;
  } catch {
    named = undefined; // not readable: the run says so once it has a contract
  }
  // The id is the file's, so untrusted: shown with any hidden control as its code point, and cut short.
  const id =
    named === undefined
      ? undefined
      : showHiddenControls(named.length > 80 ? `${named.slice(0, 77)}...` : named);
  return new InputError(
    VALIDATE_WORDS.contractNeeded(file, `${VALIDATE_WORDS.contractNamed(id)}${changed}`, error.message),
    error.path,
    VALIDATE_WORDS.contractNeededHint,
  );
}

/** A review, checked as well against the month's return when the data folder has one that is valid. */
async function checkReview(
  workbook: RawWorkbook,
  contract: Contract,
  checks: ValidationOptions,
  folder: DataFolder,
) {
  const result = validateReview(workbook, contract, checks);
  if (!result.month) return result;
  let filed: MonthlyReturn | undefined;
  try {
    filed = validateReturn(await readWorkbook(returnPath(folder.dir, result.month)), contract, {
      month: result.month,
    }).value;
  } catch {
    return result; // no return filed for the month (or not readable): nothing to check against
  }
  return filed ? validateReview(workbook, contract, { ...checks, against: filed }) : result;
}

function print(reports: readonly FindingsReport[], options: ValidateOptions, io: Io): void {
  if (options.format !== "text") {
    io.out(options.format === "json" ? findingsJson(reports) : findingsGithub(reports));
    return;
  }
  const readable = reports.filter((r) => !r.unreadable);
  if (readable.length) io.out(readable.map((r) => findingsText(r)).join("\n\n"));
  // A file that cannot be read is told on stderr as any run-stopping error is, with its advice.
  for (const r of reports)
    if (r.unreadable) io.err(VALIDATE_WORDS.unreadable(r.unreadable.message, r.unreadable.hint));
  if (reports.length > 1) {
    const valid = readable.filter((r) => !hasErrors(r.findings)).length;
    io.out(
      VALIDATE_WORDS.tally(reports.length, valid, readable.length - valid, reports.length - readable.length),
    );
  }
}

/**
 * The files named, with each pattern (returns/*.xlsx) replaced by the files it matches, sorted; the
 * shell expands patterns in bash, but not in cmd.exe or PowerShell, or when quoted. A pattern that
 * matches nothing is reported as a missing file.
 */
async function expandPatterns(args: readonly string[]): Promise<(string | FindingsReport)[]> {
  const files: (string | FindingsReport)[] = [];
  for (const arg of args) {
    if (!(await isPattern(arg))) {
      files.push(arg);
      continue;
    }
    const { glob } = await import("tinyglobby");
    const matches = (await glob(arg, { onlyFiles: true, expandDirectories: false })).sort();
    if (matches.length) files.push(...matches);
    else
      files.push({
        file: arg,
        findings: [],
        unreadable: {
          code: "file-missing",
          message: VALIDATE_WORDS.noMatch(arg),
          hint: READ_FAILURES["file-missing"].hint,
        },
      });
  }
  return [...new Map(files.map((f) => [typeof f === "string" ? f : f.file, f])).values()];
}
