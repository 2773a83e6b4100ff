import type { Month } from "../../schema/return.js";
import { NOT_REVIEWED } from "../review.js";
import { plural, stopLine } from "./lines.js";

const s = (count: number) => (count === 1 ? "" : "s");

/** The words of `kpi-report build` (and `status`, which reads a schedule as build does): what --verbose says, why nothing was written, the check's verdict. */
export const BUILD_WORDS = {
  contractRead: (file: string, kpis: number, msrs: number, months: readonly string[]) =>
    // A contract without MSRs says nothing of them, rather than "0 MSRs".
    `Contract ${file}: ${kpis} KPI${s(kpis)}${msrs ? `, ${msrs} MSR${s(msrs)}` : ""}; returns for ${months.join(", ") || "no month"}.`,
  scheduleRead: (month: Month, first: Month, returns: number, reviews: number) =>
    `${month}: Appendix 1 shows ${first} to ${month}; ${returns} returns and ${reviews} council reviews read.`,
  nothingWritten: (verdict: "errors" | "warnings") =>
    stopLine(
      `nothing was written; ${verdict === "errors" ? "fix the errors above" : "--strict: fix the warnings above"} first.`,
    ),
  checked: (returns: number, reviews: number, reports: number, unreviewed: number) =>
    `Checked ${returns} returns, ${reviews} council review${s(reviews)} and the summary template for ${reports} report${s(reports)}: ready to build${unreviewed ? `, but ${unreviewed === 1 ? "a month is" : `${unreviewed} months are`} not reviewed (see the warning)` : ""}.`,
  threaded: "Drawing each PDF on a second thread, the other formats on this one.",
  monthVerdict: (month: Month, summary: string) => `${month}: ${summary}`,
  jobSummaryWritten: (path: string) => `Job summary written to ${path}.`,
  /** A review read but not filled: what it lacks, by the labels of its Review sheet (`fields`, already joined). */
  unsigned: (month: Month, fields: string, missing: number) =>
    `the council's review of ${month} is not filled in: ${fields} ${missing === 1 ? "is" : "are"} empty in its Review sheet, so ${month} is not reviewed and the appendices say "${NOT_REVIEWED}".`,
  fieldsJoin: " and ",
  /** `status` and `build` read a month's schedule alike; a broken file stops the verdict. */
  cannotJudge: (count: number) =>
    stopLine(`${plural(count, "the file")} above must be fixed before the month can be judged.`),
  summaryIsFolder: (path: string) =>
    `Cannot write the summary to ${path}: it is a folder; give a file name, e.g. ${path}/summary.md.`,
} as const;
