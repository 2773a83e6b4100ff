import type { JobSummaryView } from "../../model/job-summary.js";

/**
 * Text as markdown shows it, never as markdown or HTML it might hold: a council's override reason
 * or a supplier's words reach the CI job's summary, and must not become raw HTML, a link (a
 * `javascript:` one least of all) or a remote image that reports who looked. HTML's three specials
 * become entities; every mark that can start an inline construct (emphasis, code, a link or image,
 * strikethrough, a table's pipe) is backslashed, as GFM lets any ASCII punctuation be; "://" and
 * "www." lose their autolinks by an escaped colon or dot. On one line, so a table row stays one row.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]!|~]/g, "\\$&")
    .replace(/:\/\//g, "\\://")
    .replace(/\b(www)\./gi, "$1\\.");
}

const cell = markdownText;

/** The job summary as GitHub-flavoured markdown: a heading, the verdict in bold, a table of shortfalls, the files. */
export function renderMarkdown(view: JobSummaryView): string {
  const parts: string[] = [];
  for (const report of view.reports) {
    parts.push(
      `### ${cell(report.heading)}`,
      "",
      `**${cell(report.verdict)}**`,
      "",
      cell(report.directions),
      "",
    );
    if (report.shortfalls) {
      parts.push(
        `| ${report.shortfalls.columns.map(cell).join(" | ")} |`,
        `|${report.shortfalls.columns.map(() => "---").join("|")}|`,
      );
      for (const row of report.shortfalls.rows) parts.push(`| ${row.cells.map(cell).join(" | ")} |`);
      parts.push("");
    }
    if (report.noShortfall) parts.push(report.noShortfall, "");
    parts.push(`${report.filesLabel}: ${report.files.map((f) => `\`${f}\``).join(", ")}`, "");
  }
  return parts.join("\n");
}
