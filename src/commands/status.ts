import { hasErrors } from "../findings/finding.js";
import { findingsJson, findingsText } from "../render/findings-text.js";
import { resultsView } from "../model/results-json.js";
import { statusView } from "../model/status-view.js";
import { viewRenderer } from "../render/registry.js";
import { DataSource } from "./data-source.js";
import type { CommandResult, Io } from "./io.js";
import { parseOptions, StatusOptionsSchema } from "./options.js";
import { judgeSchedule, readSchedule } from "./month-schedule.js";
import { disagreementLine, folderDisagreements } from "./folder-check.js";
import { BUILD_WORDS } from "../words/commands/build.js";
import { warningLine } from "../words/commands/lines.js";

/** `kpi-report status --month YYYY-MM`: the month's verdict in the terminal. */
export async function statusCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(StatusOptionsSchema, raw);
  const source = await DataSource.open(options);
  // The schedule build would show by default (for the outcome counts), read and judged as build does it.
  const schedule = await readSchedule(source, options.month);
  const { checked, reviews } = schedule;
  const review = reviews.find((r) => r.month === options.month);
  const broken = [...checked, ...reviews].filter((c) => hasErrors(c.findings));
  if (broken.length) {
    // With --format json the findings are on stdout too, as `validate --format json` prints them.
    if (options.format === "json")
      io.out(findingsJson(broken.map((c) => ({ file: c.file, findings: c.findings }))));
    for (const file of broken) io.err(findingsText({ file: file.file, findings: file.findings }));
    io.err(BUILD_WORDS.cannotJudge(broken.length));
    return { failed: true };
  }
  for (const note of source.notes([options.month])) io.err(note);
  // A build stopped partway leaves a folder its manifest does not describe: said before the verdict.
  const found = await folderDisagreements(options.out);
  if (found.length) io.err(warningLine(disagreementLine(options.out, found, undefined, source.dataFlag)));
  // The council's review is short and rarely has warnings; one worth reading (made from a replaced return) is shown.
  if (review?.findings.length) io.err(findingsText({ file: review.file, findings: review.findings }));
  const results = judgeSchedule(source, schedule).get(options.month)!;
  if (options.format === "json") io.out((await viewRenderer("json"))(resultsView(results)));
  else
    io.out(
      (await viewRenderer("text"))(statusView(results, source.contract), {
        colour: io.colour,
        width: io.columns,
      }),
    );
  return { failed: false };
}
