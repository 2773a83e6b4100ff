import type { Finding } from "../findings/finding.js";
import { listed, summaryLine, type FindingsReport } from "../render/findings-text.js";

// `validate --format github`: each finding as a GitHub Actions workflow command, which GitHub shows
// as an annotation on the run and on the file in a pull request. (A renderer of findings, so it
// would sit in render/; it is here while another change owns that folder.)

/** The message part of a workflow command: %, CR and LF escaped, as the runner unescapes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (file=..., title=...): also : and , which would end it. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function annotation(level: "error" | "warning", properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(",");
  return `::${level} ${props}::${escapeData(message)}`;
}

function findingLine(file: string, f: Finding): string {
  const where = f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ""}` : "";
  const detail = [
    f.found !== undefined ? `found: ${f.found}` : "",
    f.expected !== undefined ? `expected: ${f.expected}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  const title = `${f.code}${where ? ` at ${where}` : ""}`;
  return annotation(
    f.severity,
    { file: f.file ?? file, title },
    `${where ? `${where}: ` : ""}${f.message}${detail ? `\n${detail}` : ""}`,
  );
}

/** One line per finding (or per unreadable file), then each file's summary line as plain log text. */
export function findingsGithub(reports: readonly FindingsReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.unreadable) {
      const { code, message, hint } = report.unreadable;
      lines.push(
        annotation("error", { file: report.file, title: code }, `${message}${hint ? `\n${hint}` : ""}`),
      );
    } else {
      for (const f of listed(report).shown) lines.push(findingLine(report.file, f));
    }
  }
  for (const report of reports) lines.push(summaryLine(report));
  return lines.join("\n");
}
