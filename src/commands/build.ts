import { defaultSchedule, monthRange, scheduleResults } from "../evaluate/index.js";
import { hasErrors, type Finding } from "../findings/finding.js";
import { findingsText } from "../render/findings-text.js";
import type { Month } from "../schema/return.js";
import { UsageError } from "../errors.js";
import { planBuild, type BuildTarget } from "./build-plan.js";
import { renderReport } from "./build-report.js";
import { Renderers } from "./renderers.js";
import { DataSource, returnsByMonth, type CheckedReturn } from "./data-source.js";
import { writeManifests, type ReportRecord } from "./manifest.js";
import { writeJobSummaries } from "./job-summary.js";
import { monthsForSchedule } from "./look-back.js";
import type { CommandResult, Io } from "./io.js";
import { BuildOptionsSchema, parseOptions, type BuildOptions } from "./options.js";

interface PlannedReport {
  target: BuildTarget;
  source: DataSource;
  month: Month;
  shown: Month[];
  checked: CheckedReturn[];
}

/**
 * `kpi-report build`: for each month asked for, Appendix 1 and 2 as PDF and DOCX and the results
 * as JSON, plus a manifest. Every return any report needs is validated before anything is drawn.
 */
export async function buildCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(BuildOptionsSchema, raw);
  // Started first, so the second thread loads its renderer while the returns are read.
  const renderers = options.check ? undefined : new Renderers(options.formats);
  try {
    return await build(options, io, renderers);
  } finally {
    await renderers?.close();
  }
}

async function build(options: BuildOptions, io: Io, renderers: Renderers | undefined): Promise<CommandResult> {
  const say = (text: string) => options.quiet || io.out(text);
  const detail = (text: string) => options.verbose && io.err(text);
  const planned: PlannedReport[] = [];
  for (const target of await planBuild(options)) {
    const source = await DataSource.open(target);
    detail(`Contract ${source.contractFile}: ${source.contract.kpis.length} KPIs, ${source.contract.msrs.length} MSRs; returns for ${[...source.available.keys()].join(", ") || "no month"}.`);
    for (const month of target.months) {
      source.require(month);
      const shown = shownMonths(target, month, source);
      const checked = await source.readAll(monthsForSchedule(source.contract, shown, source.available));
      planned.push({ target, source, month, shown, checked });
      detail(`${month}: Appendix 1 shows ${shown[0]} to ${month}; ${checked.length} returns read.`);
    }
  }
  const verdict = reportFindings(planned, options, io);
  if (verdict !== "ok") {
    io.err(`kpi-report: nothing was written; ${verdict === "errors" ? "fix the errors above" : "--strict: fix the warnings above"} first.`);
    return { failed: true };
  }
  if (options.check || !renderers) {
    say(`Checked ${distinctFiles(planned).length} returns for ${planned.length} report${planned.length === 1 ? "" : "s"}: ready to build.`);
    return { failed: false };
  }
  if (renderers.threaded) detail("Drawing each PDF on a second thread, the other formats on this one.");
  const records: ReportRecord[] = [];
  for (const plan of planned) {
    const returns = returnsByMonth(plan.checked);
    const results = scheduleResults(plan.source.contract, plan.shown, returns);
    const written = await renderReport({ contract: plan.source.contract, month: plan.month, shown: plan.shown, results, data: plan.target.data, out: plan.target.out, options, warn: (text) => io.err(`kpi-report: warning: ${text}`) }, renderers);
    for (const file of written) say(`Wrote ${file.path}`);
    records.push({ source: plan.source, out: plan.target.out, results: results.get(plan.month)!, inputs: plan.checked, outputs: written });
    detail(`${plan.month}: ${results.get(plan.month)!.summary.line}`);
  }
  for (const path of await writeManifests(records)) say(`Wrote ${path}`);
  for (const path of await writeJobSummaries(records, options.summary)) detail(`Job summary written to ${path}.`);
  return { failed: false };
}

function shownMonths(target: BuildTarget, month: Month, source: DataSource): Month[] {
  if (target.from && target.from > month) throw new UsageError(`--from ${target.from} is after the month ${month}.`);
  if (target.from) return monthRange(target.from, month);
  // Without --from the schedule starts where the data does, rather than with columns of "No return".
  return defaultSchedule(month, [...source.available.keys()][0]!);
}

function distinctFiles(planned: readonly PlannedReport[]): CheckedReturn[] {
  return [...new Map(planned.flatMap((p) => p.checked).map((c) => [c.file, c])).values()];
}

/** Prints what the inputs' findings say; errors always, warnings when asked to care about them. */
function reportFindings(planned: readonly PlannedReport[], options: BuildOptions, io: Io): "ok" | "errors" | "warnings" {
  const sources = [...new Set(planned.map((p) => p.source))];
  const files: { file: string; findings: Finding[] }[] = [
    ...sources.filter((s) => s.contractFindings.length).map((s) => ({ file: s.contractFile, findings: s.contractFindings })),
    ...distinctFiles(planned),
  ];
  const showWarnings = options.check || options.strict || options.verbose;
  let verdict: "ok" | "errors" | "warnings" = "ok";
  for (const file of files) {
    const errors = hasErrors(file.findings);
    if (errors) verdict = "errors";
    else if (file.findings.length && options.strict && verdict === "ok") verdict = "warnings";
    if (errors || (showWarnings && file.findings.length)) io.err(findingsText({ file: file.file, findings: file.findings }));
  }
  return verdict;
}
