import type { JobSummaryView } from "../../model/job-summary.js";

/** A table cell on one line, with the pipes that would end it escaped. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

/** The job summary as GitHub-flavoured markdown: a heading, the verdict in bold, a table of shortfalls, the files. */
export function renderMarkdown(view: JobSummaryView): string {
  const parts: string[] = [];
  for (const report of view.reports) {
    parts.push(`### ${cell(report.heading)}`, "", `**${cell(report.verdict)}**`, "", cell(report.directions), "");
    if (report.shortfalls) {
      parts.push(`| ${report.shortfalls.columns.map(cell).join(" | ")} |`, `|${report.shortfalls.columns.map(() => "---").join("|")}|`);
      for (const row of report.shortfalls.rows) parts.push(`| ${row.cells.map(cell).join(" | ")} |`);
      parts.push("");
    }
    if (report.noShortfall) parts.push(report.noShortfall, "");
    parts.push(`${report.filesLabel}: ${report.files.map((f) => `\`${f}\``).join(", ")}`, "");
  }
  return parts.join("\n");
}
