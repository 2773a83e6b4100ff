import type { Finding, Severity } from "./finding.js";

/**
 * Every finding the tool can report. Codes are stable: scripts match on them.
 * docs/findings.md is generated from this table (npm run docs:findings) and a test fails when they drift.
 */
export const CATALOGUE = {
  // Structure
  "sheet-missing": { severity: "error", title: "A required sheet is missing", group: "structure" },
  "sheet-unexpected": { severity: "warning", title: "A sheet the return format does not have", group: "structure" },
  "column-missing": { severity: "error", title: "A required column is missing", group: "structure" },
  "column-duplicated": { severity: "error", title: "A column appears twice", group: "structure" },
  "column-unexpected": { severity: "warning", title: "A column the return format does not have", group: "structure" },
  "field-missing": { severity: "error", title: "A required field of the Return sheet is empty or absent", group: "structure" },
  "kpi-missing": { severity: "error", title: "A KPI of the contract has no row", group: "structure" },
  "kpi-duplicated": { severity: "error", title: "A KPI has more than one row", group: "structure" },
  "kpi-unknown": { severity: "error", title: "A row names a KPI the contract does not have", group: "structure" },
  "kpi-number-invalid": { severity: "error", title: "The KPI cell does not hold a KPI number", group: "structure" },
  "row-blank": { severity: "warning", title: "A blank row between KPI rows", group: "structure" },
  "month-invalid": { severity: "error", title: "The month is not a month (YYYY-MM)", group: "structure" },
  "month-mismatch": { severity: "error", title: "The return is for another month", group: "structure" },
  "contract-mismatch": { severity: "error", title: "The return is for another contract", group: "structure" },
  // Values
  "status-unknown": { severity: "error", title: "The status is not one of the list", group: "values" },
  "status-missing": { severity: "error", title: "A KPI row has no status", group: "values" },
  "figures-unexpected": { severity: "error", title: "Figures given where the status says there are none", group: "values" },
  "figures-missing": { severity: "error", title: "Status is measured but no figures are given", group: "values" },
  "achieved-exceeds-total": { severity: "error", title: "Achieved is greater than Out of", group: "values" },
  "achieved-without-total": { severity: "error", title: "Achieved or Out of given without the other", group: "values" },
  "total-zero": { severity: "warning", title: "Out of is zero: no activity this month", group: "values" },
  "number-negative": { severity: "error", title: "A count or percentage is negative", group: "values" },
  "number-fractional": { severity: "error", title: "A count is not a whole number", group: "values" },
  "number-invalid": { severity: "error", title: "Text where a number belongs", group: "values" },
  "percentage-out-of-range": { severity: "error", title: "A percentage outside 0 to 100", group: "values" },
  "percentage-contradicts": { severity: "error", title: "The percentage contradicts Achieved and Out of", group: "values" },
  "formula-no-result": { severity: "error", title: "A formula with no saved result", group: "values" },
  "cell-error": { severity: "error", title: "A cell holds a spreadsheet error such as #DIV/0!", group: "values" },
  "merged-cells": { severity: "error", title: "Merged cells over data", group: "values" },
  "hidden-data": { severity: "warning", title: "Data in a hidden row or column", group: "values" },
  "commentary-too-long": { severity: "error", title: "Commentary longer than the limit", group: "values" },
  "msr-unknown": { severity: "error", title: "A comment for an MSR the contract does not have", group: "values" },
  "msr-duplicated": { severity: "error", title: "An MSR has more than one comment row", group: "values" },
  "verified-invalid": { severity: "error", title: "Council verified is not Yes or No", group: "values" },
  "override-invalid": { severity: "error", title: "The outcome override is not an outcome", group: "values" },
  "override-without-reason": { severity: "error", title: "An outcome override without a written reason", group: "values" },
  "reason-without-override": { severity: "warning", title: "An override reason with no override", group: "values" },
  "text-invalid": { severity: "error", title: "A text cell holds something that is not text", group: "values" },
  // The contract file
  "contract-kpi-unlinked": { severity: "warning", title: "A KPI of the contract that no MSR links", group: "contract" },
  // Limits on what is scanned
  "limit-rows": { severity: "error", title: "More rows than a return can have", group: "limits" },
  "limit-columns": { severity: "error", title: "More columns than a return can have", group: "limits" },
  "limit-findings": { severity: "warning", title: "Too many findings: the rest are not listed", group: "limits" },
} as const satisfies Record<string, { severity: Severity; title: string; group: "structure" | "values" | "contract" | "limits" }>;

export type FindingCode = keyof typeof CATALOGUE;

export interface FindingDetails {
  sheet?: string;
  cell?: string;
  file?: string;
  found?: string;
  expected?: string;
}

/** The only way findings are made, so every code comes from the catalogue with its severity. */
export function finding(code: FindingCode, message: string, details: FindingDetails = {}): Finding {
  const entry = CATALOGUE[code];
  const result: Finding = { code, severity: entry.severity, message };
  if (details.file !== undefined) result.file = details.file;
  if (details.sheet !== undefined) result.sheet = details.sheet;
  if (details.cell !== undefined) result.cell = details.cell;
  if (details.found !== undefined) result.found = details.found;
  if (details.expected !== undefined) result.expected = details.expected;
  return result;
}
