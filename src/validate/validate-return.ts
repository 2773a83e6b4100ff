import type { RawSheet, RawWorkbook } from "../read/raw-workbook.js";
import { findSheet } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import { MonthSchema, type Month, type MonthlyReturn } from "../schema/return.js";
import { SHEETS } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import { hasErrors, type Finding } from "../findings/finding.js";
import { readDetails } from "./details-sheet.js";
import { readKpiSheet } from "./kpi-sheet.js";
import { readMsrSheet } from "./msr-sheet.js";
import { checkLayout } from "./layout-checks.js";

export interface ValidationOptions {
  /** The month the caller expects; a return for another month is an error. */
  month?: Month;
}

export interface ValidationResult {
  /** Present only when there are no error findings: a return with errors is never judged. */
  value?: MonthlyReturn;
  /** The month the file says it is for, when it could be read, even if other things are wrong. */
  month?: Month;
  findings: Finding[];
}

/** Raw cells in, a typed return and every finding out. Never throws for bad data. */
export function validateReturn(workbook: RawWorkbook, contract: Contract, options: ValidationOptions = {}): ValidationResult {
  const findings: Finding[] = [];
  const sheets: Partial<Record<"details" | "kpis" | "msrComments", RawSheet>> = {};
  for (const key of ["details", "kpis", "msrComments"] as const) {
    const sheet = findSheet(workbook, SHEETS[key]);
    if (sheet) sheets[key] = sheet;
    else {
      findings.push(
        finding("sheet-missing", `The workbook has no ${JSON.stringify(SHEETS[key])} sheet.`, {
          sheet: SHEETS[key], found: workbook.sheets.map((s) => s.name).join(", ") || "no sheets", expected: Object.values(SHEETS).join(", "),
        }),
      );
    }
  }
  const expectedNames = new Set(Object.values(SHEETS).map((n) => n.toLowerCase()));
  for (const sheet of workbook.sheets) {
    if (expectedNames.has(sheet.name.trim().toLowerCase())) continue;
    findings.push(finding("sheet-unexpected", `Sheet ${JSON.stringify(sheet.name)} is not part of the return; it is ignored.`, { sheet: sheet.name, found: sheet.name, expected: Object.values(SHEETS).join(", ") }));
  }
  for (const sheet of Object.values(sheets)) findings.push(...checkLayout(sheet));

  const details = sheets.details ? readDetails(sheets.details) : undefined;
  if (details) findings.push(...details.findings);
  const month = details ? checkMonth(details.values.month, details.cells.month, options.month, findings) : undefined;
  if (details?.values.contract !== undefined && details.values.contract !== contract.id) {
    findings.push(
      finding("contract-mismatch", `The return is for contract ${JSON.stringify(details.values.contract)}, not ${JSON.stringify(contract.id)}.`, {
        sheet: SHEETS.details, cell: details.cells.contract, found: details.values.contract, expected: contract.id,
      }),
    );
  }
  const kpis = sheets.kpis ? readKpiSheet(sheets.kpis, contract) : undefined;
  if (kpis) findings.push(...kpis.findings);
  const msrs = sheets.msrComments ? readMsrSheet(sheets.msrComments, contract) : undefined;
  if (msrs) findings.push(...msrs.findings);

  const result: ValidationResult = { findings };
  if (month) result.month = month;
  if (hasErrors(findings) || !details || !kpis || !msrs || !month) return result;
  const value: MonthlyReturn = { contract: contract.id, month, kpis: kpis.rows, msrComments: msrs.comments };
  if (details.values.supplier !== undefined) value.supplier = details.values.supplier;
  if (details.values.preparedBy !== undefined) value.preparedBy = details.values.preparedBy;
  if (details.values.compliments !== undefined) value.compliments = details.values.compliments;
  result.value = value;
  return result;
}

function checkMonth(text: string | undefined, cell: string | undefined, expected: Month | undefined, findings: Finding[]): Month | undefined {
  if (text === undefined) return undefined;
  // A month typed into Excel often becomes a date; its first day is the month meant.
  const candidate = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text.slice(0, 7) : text;
  const parsed = MonthSchema.safeParse(candidate);
  if (!parsed.success) {
    findings.push(finding("month-invalid", `Month ${JSON.stringify(text)} is not a month.`, { sheet: SHEETS.details, cell, found: text, expected: "YYYY-MM, e.g. 2022-09" }));
    return undefined;
  }
  if (expected !== undefined && parsed.data !== expected) {
    findings.push(finding("month-mismatch", `The return is for ${parsed.data}, not ${expected}.`, { sheet: SHEETS.details, cell, found: parsed.data, expected }));
  }
  return parsed.data;
}
