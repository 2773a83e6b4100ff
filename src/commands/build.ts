import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { hasErrors, type Finding } from "../findings/finding.js";
import { findingsText } from "../render/findings-text.js";
import type { Month } from "../schema/return.js";
import { OutputError } from "../errors.js";
import { planBuild, type BuildTarget } from "./build-plan.js";
import { drawReport, reportDocument, writeReport, type ReportRequest } from "./build-report.js";
import { checkOutputFolder, makeFolder, prepareOutputFolder } from "./folders.js";
import { Renderers } from "./renderers.js";
import type { ReviewState } from "../schema/review.js";
import { REVIEW_DETAIL_FIELDS } from "../schema/workbook-layout.js";
import { summaryLine } from "../words/index.js";
import { DataSource, type CheckedFile } from "./data-source.js";
import { writeManifests, type ReportRecord } from "./manifest.js";
import { disagreementLine, folderDisagreements } from "./folder-check.js";
import { writeJobSummaries } from "./job-summary.js";
import { judgeSchedule, readSchedule, type MonthSchedule } from "./month-schedule.js";
import type { CommandResult, Io } from "./io.js";
import { BuildOptionsSchema, OPTION_WORDING, parseOptions, type BuildOptions } from "./options.js";
import { BUILD_WORDS } from "../words/commands/build.js";
import { warningLine, wroteLine } from "../words/commands/lines.js";

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
    // The PDF's thread reads some of the returns while this one reads the others.
    if (renderers?.threaded) source.readWith(renderers.read);
    const { kpis, msrs } = source.contract;
    detail(
      BUILD_WORDS.contractRead(source.contractFile, kpis.length, msrs.length, [...source.available.keys()]),
    );
    for (const month of target.months) {
      const schedule = await readSchedule(source, month, target.from);
      planned.push({ target, source, ...schedule });
      detail(
        BUILD_WORDS.scheduleRead(month, schedule.shown[0]!, schedule.checked.length, schedule.reviews.length),
      );
    }
  }
  const verdict = reportFindings(planned, options, io);
  if (!options.quiet)
    for (const plan of planned)
      for (const note of plan.source.notes(plan.shown.filter((m) => plan.source.available.has(m))))
        io.err(note);
  if (verdict !== "ok") {
    io.err(BUILD_WORDS.nothingWritten(verdict));
    return { failed: true };
  }
  const warn = (text: string) => io.err(warningLine(text));
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
    say(BUILD_WORDS.checked(returns, reviews.size, planned.length, unsigned.length));
    return { failed: false };
  }
  for (const folder of folders) await prepareOutputFolder(folder);
  if (options.summary) await makeFolder(dirname(options.summary));
  if (renderers.threaded) detail(BUILD_WORDS.threaded);
  const records: ReportRecord[] = [];
  // One month ahead: the next report's model and DOCX are drawn on this thread while the worker still
  // draws this one's PDF. Files are written in the months' order, each after the month before it.
  let next = requests.length ? drawReport(requests[0]!, renderers) : undefined;
  for (const [i, plan] of planned.entries()) {
    const r = requests[i]!;
    const drawing = next!;
    next = i + 1 < requests.length ? drawReport(requests[i + 1]!, renderers) : undefined;
    // A month after one that failed is never written; its own failure, if any, is not the one said.
    next?.catch(() => undefined);
    const written = await writeReport(r, await drawing);
    for (const file of written) say(wroteLine(file.path));
    records.push({
      source: plan.source,
      out: plan.target.out,
      results: r.results.get(plan.month)!,
      inputs: plan.checked,
      reviews: plan.reviews,
      outputs: written,
    });
    // The verdict is what the officer ran the build for: said by default, as the files are.
    say(BUILD_WORDS.monthVerdict(plan.month, summaryLine(r.results.get(plan.month)!.summary)));
  }
  for (const path of await writeManifests(records, warn, named)) say(wroteLine(path));
  for (const path of await writeJobSummaries(records, options.summary))
    detail(BUILD_WORDS.jobSummaryWritten(path));
  return { failed: false };
}

/** What drawReport needs for one planned report: its months evaluated (pure, and quick). */
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
  const fields = review.missing.map((key) => REVIEW_DETAIL_FIELDS[key]).join(BUILD_WORDS.fieldsJoin);
  return [BUILD_WORDS.unsigned(month, fields, review.missing.length)];
}

/** --summary names a file, in a folder that is there or can be made. */
async function checkSummaryFile(path: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(BUILD_WORDS.summaryIsFolder(path), path);
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
