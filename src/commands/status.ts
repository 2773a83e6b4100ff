import { defaultSchedule, scheduleResults } from "../evaluate/index.js";
import { hasErrors } from "../findings/finding.js";
import { findingsText } from "../render/findings-text.js";
import { resultsView } from "../model/results-json.js";
import { statusView } from "../model/status-view.js";
import { viewRenderer } from "../render/registry.js";
import { DataSource, returnsByMonth } from "./data-source.js";
import type { CommandResult, Io } from "./io.js";
import { parseOptions, StatusOptionsSchema } from "./options.js";
import { monthsForSchedule } from "./look-back.js";

/** `kpi-report status --month YYYY-MM`: the month's verdict in the terminal. */
export async function statusCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(StatusOptionsSchema, raw);
  const source = await DataSource.open(options);
  source.require(options.month);
  // The months build's default schedule shows (for the outcome counts), and the same month a year before (for its trend).
  const shown = defaultSchedule(options.month, [...source.available.keys()][0]!);
  const checked = await source.readAll(monthsForSchedule(source.contract, shown, source.available));
  const broken = checked.filter((c) => hasErrors(c.findings));
  if (broken.length) {
    for (const file of broken) io.err(findingsText({ file: file.file, findings: file.findings }));
    io.err(`kpi-report: the return${broken.length > 1 ? "s" : ""} above must be fixed before the month can be judged.`);
    return { failed: true };
  }
  const results = scheduleResults(source.contract, shown, returnsByMonth(checked)).get(options.month)!;
  if (options.format === "json") io.out((await viewRenderer("json"))(resultsView(results)));
  else io.out((await viewRenderer("text"))(statusView(results, source.contract), { colour: io.colour, width: io.columns }));
  return { failed: false };
}
