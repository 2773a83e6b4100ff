import type { Finding } from "../findings/finding.js";
import { countBySeverity } from "../findings/finding.js";

export interface FindingsReport {
  file: string;
  findings: readonly Finding[];
  /** How many findings were left out by --max-errors. */
  omitted?: number;
}

function where(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  return f.sheet ?? f.file ?? "";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The findings as a person reads them: where, what, found and expected, then a summary line. */
export function findingsText(report: FindingsReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${where(f).padEnd(14)} ${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
    const detail = [f.found !== undefined ? `found ${f.found}` : "", f.expected !== undefined ? `expected ${f.expected}` : ""].filter(Boolean).join("; ");
    if (detail) lines.push(`${"".padEnd(23)}${detail}`);
  }
  if (report.omitted) lines.push(`... ${plural(report.omitted, "more finding")} not shown (raise --max-errors to see them)`);
  lines.push(summaryLine(report));
  return lines.join("\n");
}

export function summaryLine(report: FindingsReport): string {
  const { errors, warnings } = countBySeverity(report.findings);
  const more = report.omitted ?? 0;
  if (errors === 0 && warnings === 0 && more === 0) return `${report.file}: valid, no problems found.`;
  const counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}${more ? ` (and ${more} not shown)` : ""}`;
  return errors > 0 ? `${report.file}: not valid: ${counts}.` : `${report.file}: valid, with ${counts}.`;
}

/** The documented, versioned JSON shape of `validate --format json` (see docs/findings.md). */
export const FINDINGS_JSON_VERSION = 1;

export function findingsJson(reports: readonly FindingsReport[]): string {
  const files = reports.map((r) => {
    const { errors, warnings } = countBySeverity(r.findings);
    return { file: r.file, valid: errors === 0, errors, warnings, omitted: r.omitted ?? 0, findings: r.findings };
  });
  return JSON.stringify({ version: FINDINGS_JSON_VERSION, valid: files.every((f) => f.valid), files }, null, 2);
}
