import { comparedMonths, defaultSchedule, evaluateMonths, withComparisons } from "../evaluate/index.js";
import { hasErrors } from "../findings/finding.js";
import { findingsText } from "../render/findings-text.js";
import { statusJson, statusText } from "../render/status-text.js";
import { DataSource, returnsByMonth } from "./data-source.js";
import type { CommandResult, Io } from "./io.js";
import { parseOptions, StatusOptionsSchema } from "./options.js";
import { monthsToRead } from "./look-back.js";

/** `kpi-report status --month YYYY-MM`: the month's verdict in the terminal. */
export async function statusCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(StatusOptionsSchema, raw);
  const source = await DataSource.open(options);
  source.require(options.month);
  // The months build's default schedule shows (for the outcome counts), and the same month a year before (for its trend).
  const shown = defaultSchedule(options.month, [...source.available.keys()][0]!);
  const { yearAgo } = comparedMonths(options.month);
  const wanted = [...monthsToRead(source.contract, shown), ...(source.available.has(yearAgo) ? monthsToRead(source.contract, [yearAgo]) : [])];
  const checked = await source.readAll([...new Set(wanted)].sort());
  const broken = checked.filter((c) => hasErrors(c.findings));
  if (broken.length) {
    for (const file of broken) io.err(findingsText({ file: file.file, findings: file.findings }));
    io.err(`kpi-report: the return${broken.length > 1 ? "s" : ""} above must be fixed before the month can be judged.`);
    return { failed: true };
  }
  const evaluated = evaluateMonths(source.contract, [yearAgo, ...shown], returnsByMonth(checked));
  const results = withComparisons(source.contract, evaluated.get(options.month)!, evaluated, shown);
  io.out(options.format === "json" ? statusJson(results) : statusText(results, source.contract, io.colour));
  return { failed: false };
}
