import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { hasErrors, type Finding } from "../findings/finding.js";
import { findingsText } from "../render/findings-text.js";
import type { Month } from "../schema/return.js";
import { OutputError } from "../errors.js";
import { planBuild, type BuildTarget } from "./build-plan.js";
import { renderReport, reportDocument, type ReportRequest } from "./build-report.js";
import { checkOutputFolder, makeFolder, prepareOutputFolder } from "./folders.js";
import { Renderers } from "./renderers.js";
import type { ReviewState } from "../schema/review.js";
import { REVIEW_DETAIL_FIELDS } from "../schema/workbook-layout.js";
import { NOT_REVIEWED } from "../words/review.js";
import { summaryLine } from "../words/index.js";
import { DataSource, type CheckedFile } from "./data-source.js";
import { writeManifests, type ReportRecord } from "./manifest.js";
import { disagreementLine, folderDisagreements } from "./folder-check.js";
import { writeJobSummaries } from "./job-summary.js";
import { judgeSchedule, readSchedule, type MonthSchedule } from "./month-schedule.js";
import type { CommandResult, Io } from "./io.js";
import { BuildOptionsSchema, OPTION_WORDING, parseOptions, type BuildOptions } from "./options.js";

/** One report to build: its month's schedule (the same steps as `status`), from which data folder, to which folder. */
interface PlannedReport extends MonthSchedule {
  target: BuildTarget;
  source: DataSource;
}

/**
 * `kpi-report build`: for each month asked for, Appendix 1 and 2 as PDF and DOCX and the results
 * as JSON, plus a manifest. Every return any report needs is validated before anything is drawn.
 */
export async function buildCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(BuildOptionsSchema, raw, OPTION_WORDING.build);
  // Started first, so the second thread loads its renderer while the returns are read.
  const renderers = options.check ? undefined : new Renderers(options.formats);
  try {
    return await build(options, io, renderers);
  } finally {
    await renderers?.close();
  }
}

async function build(
  options: BuildOptions,
  io: Io,
  renderers: Renderers | undefined,
): Promise<CommandResult> {
  const say = (text: string) => options.quiet || io.out(text);
  const detail = (text: string) => options.verbose && io.err(text);
  const planned: PlannedReport[] = [];
  const targets = await planBuild(options);
  // Where the files go is checked first, before a return is read: a build that cannot write stops at once.
  const folders = [...new Set(targets.map((t) => t.out))];
  for (const folder of folders) await checkOutputFolder(folder);
  if (options.summary) await checkSummaryFile(options.summary);
  for (const target of targets) {
    const source = await DataSource.open(target);
    detail(
      `Contract ${source.contractFile}: ${source.contract.kpis.length} KPIs, ${source.contract.msrs.length} MSRs; returns for ${[...source.available.keys()].join(", ") || "no month"}.`,
    );
    for (const month of target.months) {
      const schedule = await readSchedule(source, month, target.from);
      planned.push({ target, source, ...schedule });
      detail(
        `${month}: Appendix 1 shows ${schedule.shown[0]} to ${month}; ${schedule.checked.length} returns and ${schedule.reviews.length} council reviews read.`,
      );
    }
  }
  const verdict = reportFindings(planned, options, io);
  if (!options.quiet)
    for (const plan of planned)
      for (const note of plan.source.notes(plan.shown.filter((m) => plan.source.available.has(m))))
        io.err(note);
  if (verdict !== "ok") {
    io.err(
      `kpi-report: nothing was written; ${verdict === "errors" ? "fix the errors above" : "--strict: fix the warnings above"} first.`,
    );
    return { failed: true };
  }
  const warn = (text: string) => io.err(`kpi-report: warning: ${text}`);
  const requests = planned.map((plan) => request(plan, options, warn));
  const unsigned = requests.flatMap((r) => unsignedNote(r.month, r.results.get(r.month)!.review));
  if (!options.quiet) for (const note of unsigned) warn(note);
  // What a build stopped partway left in a folder is named before anything is written (a build removes
  // the temporary files and mends the months it writes again); writeManifests then drops, without a
  // second word, the entries named here that this build does not write.
  const named = new Map<string, Set<string>>();
  for (const folder of folders) {
    const found = await folderDisagreements(folder);
    if (!found.length) continue;
    const here = planned.filter((p) => p.target.out === folder);
    warn(
      disagreementLine(
        folder,
        found,
        options.check ? undefined : here.map((p) => p.month),
        here[0]?.source.dataFlag,
      ),
    );
    named.set(folder, new Set(found.flatMap((d) => (d.month ? [d.month] : []))));
  }
  if (options.check || !renderers) {
    // Every template is filled as the build would fill it, so a broken one fails the check too.
    for (const r of requests) await reportDocument(r);
    const files = distinctFiles(planned);
    const reviews = new Set(planned.flatMap((p) => p.reviews.map((r) => r.file)));
    const returns = files.length - files.filter((f) => reviews.has(f.file)).length;
    say(
      `Checked ${returns} returns, ${reviews.size} council review${reviews.size === 1 ? "" : "s"} and the summary template for ${planned.length} report${planned.length === 1 ? "" : "s"}: ready to build${unsigned.length ? `, but ${unsigned.length === 1 ? "a month is" : `${unsigned.length} months are`} not reviewed (see the warning)` : ""}.`,
    );
    return { failed: false };
  }
  for (const folder of folders) await prepareOutputFolder(folder);
  if (options.summary) await makeFolder(dirname(options.summary));
  if (renderers.threaded) detail("Drawing each PDF on a second thread, the other formats on this one.");
  const records: ReportRecord[] = [];
  for (const [i, plan] of planned.entries()) {
    const r = requests[i]!;
    const written = await renderReport(r, renderers);
    for (const file of written) say(`Wrote ${file.path}`);
    records.push({
      source: plan.source,
      out: plan.target.out,
      results: r.results.get(plan.month)!,
      inputs: plan.checked,
      reviews: plan.reviews,
      outputs: written,
    });
    // The verdict is what the officer ran the build for: said by default, as the files are.
    say(`${plan.month}: ${summaryLine(r.results.get(plan.month)!.summary)}`);
  }
  for (const path of await writeManifests(records, warn, named)) say(`Wrote ${path}`);
  for (const path of await writeJobSummaries(records, options.summary))
    detail(`Job summary written to ${path}.`);
  return { failed: false };
}

/** What renderReport needs for one planned report: its months evaluated (pure, and quick). */
function request(plan: PlannedReport, options: BuildOptions, warn: (text: string) => void): ReportRequest {
  const results = judgeSchedule(plan.source, plan);
  return {
    contract: plan.source.contract,
    month: plan.month,
    shown: plan.shown,
    results,
    data: plan.source.dataDir,
    out: plan.target.out,
    glance: plan.target.glance,
    options,
    warn,
  };
}

/** A review that was read but not filled: what it lacks, by the labels of the Review sheet. */
function unsignedNote(month: Month, review: ReviewState): string[] {
  if (!review.read || review.filled) return [];
  const fields = review.missing.map((key) => REVIEW_DETAIL_FIELDS[key]).join(" and ");
  return [
    `the council's review of ${month} is not filled in: ${fields} ${review.missing.length === 1 ? "is" : "are"} empty in its Review sheet, so ${month} is not reviewed and the appendices say "${NOT_REVIEWED}".`,
  ];
}

/** --summary names a file, in a folder that is there or can be made. */
async function checkSummaryFile(path: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory())
    throw new OutputError(
      `Cannot write the summary to ${path}: it is a folder; give a file name, e.g. ${path}/summary.md.`,
      path,
    );
  await checkOutputFolder(dirname(path));
}

function distinctFiles(planned: readonly PlannedReport[]): CheckedFile<unknown>[] {
  return [
    ...new Map(
      planned.flatMap((p): CheckedFile<unknown>[] => [...p.checked, ...p.reviews]).map((c) => [c.file, c]),
    ).values(),
  ];
}

/** Prints what the inputs' findings say; errors always, warnings when asked to care about them. */
function reportFindings(
  planned: readonly PlannedReport[],
  options: BuildOptions,
  io: Io,
): "ok" | "errors" | "warnings" {
  const sources = [...new Set(planned.map((p) => p.source))];
  const files: { file: string; findings: Finding[] }[] = [
    ...sources
      .filter((s) => s.contractFindings.length)
      .map((s) => ({ file: s.contractFile, findings: s.contractFindings })),
    ...distinctFiles(planned),
  ];
  const showWarnings = options.check || options.strict || options.verbose;
  let verdict: "ok" | "errors" | "warnings" = "ok";
  for (const file of files) {
    const errors = hasErrors(file.findings);
    if (errors) verdict = "errors";
    else if (file.findings.length && options.strict && verdict === "ok") verdict = "warnings";
    if (errors || (showWarnings && file.findings.length))
      io.err(findingsText({ file: file.file, findings: file.findings }));
  }
  return verdict;
}
