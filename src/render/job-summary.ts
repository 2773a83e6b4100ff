import { outcomeWords } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { monthLabel } from "../evaluate/index.js";

export interface JobSummaryReport {
  results: MonthResults;
  /** Output file names, as they appear in the output folder and the job's artifacts. */
  outputs: string[];
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

/** The CI job's summary in markdown: the verdict, what fell short, and the files made. */
export function jobSummaryMarkdown(reports: readonly JobSummaryReport[]): string {
  const parts: string[] = [];
  for (const { results, outputs } of reports) {
    parts.push(`### KPI report: ${monthLabel(results.month)} (${results.contract})`, "", `**${results.summary.line}**`, "");
    const shortfalls = results.kpis.filter((k) => k.outcome === "not-met" || k.outcome === "not-captured");
    if (shortfalls.length) {
      parts.push("| KPI | Outcome | Actual figures | Reason |", "|---|---|---|---|");
      for (const k of shortfalls) {
        parts.push(`| ${k.number} | ${outcomeWords(k.outcome)}${k.override ? " (overridden)" : ""} | ${cell(k.actual.text)} | ${cell(k.reason)} |`);
      }
      parts.push("");
    } else {
      parts.push("Every KPI was met, not applicable or not due.", "");
    }
    parts.push(`Files: ${outputs.map((o) => `\`${o}\``).join(", ")}`, "");
  }
  return parts.join("\n");
}
