import { loadContract } from "../read/contract.js";
import { contractPath } from "../read/data-dir.js";
import { readWorkbook } from "../read/workbook.js";
import { UnreadableFileError } from "../read/read-failures.js";
import { hasErrors } from "../findings/finding.js";
import { validateReturn } from "../validate/validate-return.js";
import { findingsJson, findingsText } from "../render/findings-text.js";
import type { CommandResult, Io } from "./io.js";
import { parseOptions, ValidateOptionsSchema } from "./options.js";

/**
 * `kpi-report validate FILE`: every problem in one pass, each with its sheet and cell.
 * Exit 0 valid (warnings allowed), 1 error findings, 2 unreadable file or misuse (cli.ts sets them).
 */
export async function validateCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(ValidateOptionsSchema, raw);
  const { contract, findings: contractFindings } = await loadContract(options.contract ?? contractPath(options.data));
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
  const result = validateReturn(workbook, contract, {
    ...(options.month ? { month: options.month, monthSource: "given by --month" } : {}),
    fileName: options.file,
  });
  const findings = [...contractFindings, ...result.findings];
  const report = { file: options.file, findings, limit: options.maxErrors };
  io.out(options.format === "json" ? findingsJson([report]) : findingsText(report));
  return { failed: hasErrors(findings) };
}
