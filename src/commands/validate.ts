import { loadContract } from "../read/contract.js";
import { contractPath } from "../read/data-dir.js";
import { readWorkbook } from "../read/workbook.js";
import { finding } from "../findings/catalogue.js";
import { hasErrors, type Finding } from "../findings/finding.js";
import { validateReturn } from "../validate/validate-return.js";
import { findingsJson, findingsText } from "../render/findings-text.js";
import type { CommandResult, Io } from "./io.js";
import { parseOptions, ValidateOptionsSchema } from "./options.js";

/** `kpi-report validate FILE`: every problem in one pass, each with its sheet and cell. */
export async function validateCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(ValidateOptionsSchema, raw);
  const { contract, findings: contractFindings } = await loadContract(options.contract ?? contractPath(options.data));
  const workbook = await readWorkbook(options.file);
  const result = validateReturn(workbook, contract, options.month ? { month: options.month } : {});
  const all = [...contractFindings, ...result.findings];
  const { shown, omitted } = capFindings(all, options.maxErrors);
  const report = { file: options.file, findings: shown, omitted };
  io.out(options.format === "json" ? findingsJson([report]) : findingsText(report));
  return { failed: hasErrors(all) };
}

/** --max-errors caps the list, not the verdict: an omitted error still fails the run. */
export function capFindings(findings: readonly Finding[], max: number): { shown: Finding[]; omitted: number } {
  if (findings.length <= max) return { shown: [...findings], omitted: 0 };
  const shown = findings.slice(0, max);
  shown.push(finding("limit-findings", `Only the first ${max} findings are listed.`, { found: `${findings.length} findings`, expected: `at most ${max} (--max-errors)` }));
  return { shown, omitted: findings.length - max };
}
