import type { RawWorkbook } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import type { MonthlyReview } from "../schema/review.js";
import { REVIEW_DETAIL_FIELDS, REVIEW_SHEETS, SHEETS } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import { hasErrors, type Finding } from "../findings/finding.js";
import { readDetails } from "./details-sheet.js";
import { checkMonth } from "./month.js";
import { readMsrSheet } from "./msr-sheet.js";
import { checkAgainstReturn } from "./review-against-return.js";
import { readReviewKpis } from "./review-kpi-sheet.js";
import { findSheets, sheetNamed } from "./sheets.js";
import { expectedMonth, type ValidationOptions } from "./validate-return.js";

export interface ReviewOptions extends ValidationOptions {
  /** The return filed for the month: a review made from another version of it is worth a warning. */
  against?: MonthlyReturn;
}

export interface ReviewValidationResult {
  /** Present only when there are no error findings. */
  value?: MonthlyReview;
  month?: Month;
  findings: Finding[];
}

/** Which of the two monthly workbooks this is: a council review has a "Review" sheet where a return has "Return". */
export function workbookKind(workbook: RawWorkbook): "return" | "review" {
  return sheetNamed(workbook, REVIEW_SHEETS.details) && !sheetNamed(workbook, SHEETS.details) ? "review" : "return";
}

/**
 * The council's review of a month: raw cells in, the typed review and every finding out, in the
 * same terms as a return's (sheet, cell, found, expected). Only the council's columns are read;
 * the supplier's side shown beside them is for reference and never read back.
 */
export function validateReview(workbook: RawWorkbook, contract: Contract, options: ReviewOptions = {}): ReviewValidationResult {
  const { sheets, findings } = findSheets(workbook, { details: REVIEW_SHEETS.details, kpis: REVIEW_SHEETS.kpis, msrComments: REVIEW_SHEETS.msrComments }, { known: [REVIEW_SHEETS.instructions] });
  const details = sheets.details ? readDetails(sheets.details, REVIEW_DETAIL_FIELDS) : undefined;
  if (details) findings.push(...details.findings);
  const month = details ? checkMonth(details.values.month, details.cells.month, expectedMonth(options), findings, REVIEW_SHEETS.details) : undefined;
  if (details?.values.contract !== undefined && details.values.contract !== contract.id) {
    findings.push(
      finding("contract-mismatch", `The review is for contract ${JSON.stringify(details.values.contract)}, not ${JSON.stringify(contract.id)}.`, {
        sheet: REVIEW_SHEETS.details, cell: details.cells.contract, found: details.values.contract, expected: contract.id,
      }),
    );
  }
  const kpis = sheets.kpis ? readReviewKpis(sheets.kpis, contract) : undefined;
  if (kpis) findings.push(...kpis.findings);
  if (sheets.kpis && options.against) findings.push(...checkAgainstReturn(sheets.kpis, options.against));
  const msrs = sheets.msrComments ? readMsrSheet(sheets.msrComments, contract) : undefined;
  if (msrs) findings.push(...msrs.findings);

  const result: ReviewValidationResult = { findings };
  if (month) result.month = month;
  if (hasErrors(findings) || !details || !kpis || !msrs || !month) return result;
  const value: MonthlyReview = { contract: contract.id, month, kpis: kpis.rows, msrComments: msrs.comments };
  if (details.values.reviewedBy !== undefined) value.reviewedBy = details.values.reviewedBy;
  result.value = value;
  return result;
}
