import { loadContract } from "../read/contract.js";
import { contractFile, findDataFolder, returnPath, type DataFolder } from "../read/data-dir.js";
import type { RawWorkbook } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import { readWorkbook } from "../read/workbook.js";
import { UnreadableFileError } from "../read/read-failures.js";
import { hasErrors } from "../findings/finding.js";
import { validateReturn, type ValidationOptions } from "../validate/validate-return.js";
import { validateReview, workbookKind } from "../validate/validate-review.js";
import { findingsJson, findingsText } from "../render/findings-text.js";
import type { CommandResult, Io } from "./io.js";
import { parseOptions, ValidateOptionsSchema } from "./options.js";

/**
 * `kpi-report validate FILE`: every problem in one pass, each with its sheet and cell. FILE is a
 * supplier's return or a council review; which one is told by its sheets.
 * Exit 0 valid (warnings allowed), 1 error findings, 2 unreadable file or misuse (cli.ts sets them).
 */
export async function validateCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(ValidateOptionsSchema, raw);
  const folder = findDataFolder(options.data);
  const { contract, findings: contractFindings } = await loadContract(await contractFile(folder, options.contract));
  let workbook;
  try {
    workbook = await readWorkbook(options.file);
  } catch (error) {
    // A script reading --format json still gets a document; the error itself goes on to cli.ts (exit 2).
    if (options.format === "json" && error instanceof UnreadableFileError) {
      const unreadable = { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
      io.out(findingsJson([{ file: options.file, findings: [], unreadable }]));
    }
    throw error;
  }
  const checks = {
    ...(options.month ? { month: options.month, monthSource: "given by --month" } : {}),
    fileName: options.file,
  };
  const result = workbookKind(workbook) === "review" ? await checkReview(workbook, contract, checks, folder) : validateReturn(workbook, contract, checks);
  const findings = [...contractFindings, ...result.findings];
  const report = { file: options.file, findings, limit: options.maxErrors };
  io.out(options.format === "json" ? findingsJson([report]) : findingsText(report));
  return { failed: hasErrors(findings) };
}

/** A review, checked as well against the month's return when the data folder has one that is valid. */
async function checkReview(workbook: RawWorkbook, contract: Contract, checks: ValidationOptions, folder: DataFolder) {
  const result = validateReview(workbook, contract, checks);
  if (!result.month) return result;
  let filed;
  try {
    filed = validateReturn(await readWorkbook(returnPath(folder.dir, result.month)), contract, { month: result.month }).value;
  } catch {
    return result; // no return filed for the month (or not readable): nothing to check against
  }
  return filed ? validateReview(workbook, contract, { ...checks, against: filed }) : result;
}
