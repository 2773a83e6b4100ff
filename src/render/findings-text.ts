import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { countBySeverity } from "../findings/finding.js";

export interface FindingsReport {
  file: string;
  findings: readonly Finding[];
  /** List at most this many (--max-errors). The counts and the verdict always cover every finding. */
  limit?: number;
  /** Set when the file could not be read at all (exit 2); there are no findings then. */
  unreadable?: { code: string; message: string; hint?: string };
}

/** The findings to list: all of them, or the first `limit` with errors first, then a limit-findings note. */
export function listed(report: FindingsReport): { shown: Finding[]; omitted: number } {
  const { findings, limit } = report;
  if (limit === undefined || findings.length <= limit) return { shown: [...findings], omitted: 0 };
  // When the list must be cut, errors come first: a warning never hides an error.
  const ordered = [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity !== "error"),
  ];
  const omitted = findings.length - limit;
  const note = finding(
    "limit-findings",
    `Only ${limit} of ${findings.length} findings are listed; ${omitted} more are not shown (raise --max-errors to see them).`,
    {
      found: `${findings.length} findings`,
      expected: `at most ${limit} listed (--max-errors)`,
    },
  );
  return { shown: [...ordered.slice(0, limit), note], omitted };
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
  const { shown } = listed(report);
  // One column for "where", as wide as the widest (at least 14), so the codes line up.
  const width = Math.max(14, ...shown.map((f) => where(f).length));
  for (const f of shown) {
    lines.push(`${where(f).padEnd(width)} ${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
    const detail = [
      f.found !== undefined ? `found: ${f.found}` : "",
      f.expected !== undefined ? `expected: ${f.expected}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    if (detail) lines.push(`${"".padEnd(width + 9)}${detail}`);
  }
  lines.push(summaryLine(report));
  return lines.join("\n");
}

export function summaryLine(report: FindingsReport): string {
  if (report.unreadable) return `${report.file}: cannot be read: ${report.unreadable.message}`;
  const { errors, warnings } = countBySeverity(report.findings);
  if (errors === 0 && warnings === 0) return `${report.file}: valid, no problems found.`;
  const counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  return errors > 0 ? `${report.file}: not valid: ${counts}.` : `${report.file}: valid, with ${counts}.`;
}

/**
 * The documented, versioned JSON shape of `validate --format json` (see docs/findings.md).
 * Raise the version when a field changes meaning or goes; adding a field does not.
 */
export const FINDINGS_JSON_VERSION = 1;

export function findingsJson(reports: readonly FindingsReport[]): string {
  const files = reports.map((report) => {
    const { errors, warnings } = countBySeverity(report.findings);
    const { shown, omitted } = listed(report);
    const file: Record<string, unknown> = {
      file: report.file,
      readable: !report.unreadable,
      valid: !report.unreadable && errors === 0,
      errors,
      warnings,
      omitted,
      findings: shown,
    };
    if (report.unreadable) file.unreadable = report.unreadable;
    return file;
  });
  return JSON.stringify(
    { version: FINDINGS_JSON_VERSION, valid: files.every((f) => f.valid), files },
    null,
    2,
  );
}
