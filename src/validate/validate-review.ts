import type { RawSheet, RawWorkbook } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import type { MonthlyReview } from "../schema/review.js";
import {
  REVIEW_DETAIL_FIELDS,
  REVIEW_SHEETS,
  SHEETS,
  type ReviewDetailField,
} from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import { hasErrors, type Finding } from "../findings/finding.js";
import { readDetails, type Details } from "./details-sheet.js";
import { parseDay } from "./review-date.js";
import { checkMonth } from "./month.js";
import { readMsrSheet } from "./msr-sheet.js";
import { checkAgainstReturn } from "./review-against-return.js";
import { readReviewKpis } from "./review-kpi-sheet.js";
import { findSheets, sheetNamed } from "./sheets.js";
import { wrongKind } from "./wrong-kind.js";
import { activeContent, expectedMonth, lookAlikeSuffix, type ValidationOptions } from "./validate-return.js";

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
  return sheetNamed(workbook, REVIEW_SHEETS.details) && !sheetNamed(workbook, SHEETS.details)
    ? "review"
    : "return";
}

/**
 * The council's review of a month: raw cells in, the typed review and every finding out, in the
 * same terms as a return's (sheet, cell, found, expected). Only the council's columns are read;
 * the supplier's side shown beside them is for reference and never read back.
 */
export function validateReview(
  workbook: RawWorkbook,
  contract: Contract,
  options: ReviewOptions = {},
): ReviewValidationResult {
  const other = wrongKind(workbook, "review");
  if (other) return { findings: [other] };
  const { sheets, findings } = findSheets(
    workbook,
    { details: REVIEW_SHEETS.details, kpis: REVIEW_SHEETS.kpis, msrComments: REVIEW_SHEETS.msrComments },
    { known: [REVIEW_SHEETS.instructions] },
  );
  const details = sheets.details ? readDetails(sheets.details, REVIEW_DETAIL_FIELDS) : undefined;
  if (details) findings.push(...details.findings);
  const month = details
    ? checkMonth(
        details.values.month,
        details.cells.month,
        expectedMonth(options),
        findings,
        REVIEW_SHEETS.details,
        options.bounds,
      )
    : undefined;
  if (details?.values.contract !== undefined && details.values.contract !== contract.id) {
    findings.push(
      finding(
        "contract-mismatch",
        `The review is for contract ${JSON.stringify(details.values.contract)}, not ${JSON.stringify(contract.id)}${lookAlikeSuffix(details.values.contract, contract.id)}.`,
        {
          sheet: REVIEW_SHEETS.details,
          cell: details.cells.contract,
          found: details.values.contract,
          expected: contract.id,
        },
      ),
    );
  }
  findings.push(...activeContent(workbook));
  const signed = details && sheets.details ? checkSignature(sheets.details, details) : undefined;
  if (signed) findings.push(...signed.findings);
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
  if (signed?.reviewedOn !== undefined) value.reviewedOn = signed.reviewedOn;
  result.value = value;
  return result;
}

/**
 * Who reviewed the month and when. Either missing is a warning, not an error: a draft review is
 * read (the council's work so far), but the month stays "not reviewed" and the finding names the
 * cells to fill, so `validate`, `status` and `build --check` all say what is missing.
 */
function checkSignature(
  sheet: RawSheet,
  details: Details<ReviewDetailField>,
): { reviewedOn?: string; findings: Finding[] } {
  const findings: Finding[] = [];
  const where = details.cells.reviewedOn;
  const day = where
    ? parseDay(sheet.cells.get(where) ?? { type: "empty" }, {
        sheet: sheet.name,
        cell: where,
        label: REVIEW_DETAIL_FIELDS.reviewedOn,
      })
    : undefined;
  if (day) findings.push(...day.findings);
  const empty = (["reviewedBy", "reviewedOn"] as const).filter(
    (key) =>
      (key === "reviewedOn" ? day?.value : details.values[key]) === undefined &&
      !(key === "reviewedOn" && day?.findings.length),
  );
  if (empty.length) {
    const named = empty.map(
      (key) => `${REVIEW_DETAIL_FIELDS[key]}${details.cells[key] ? ` (${details.cells[key]})` : ""}`,
    );
    findings.push(
      finding(
        "review-not-filled",
        `The review does not say ${empty.length === 2 ? "who reviewed it or when" : empty[0] === "reviewedBy" ? "who reviewed it" : "when it was reviewed"}: ${named.join(" and ")} ${empty.length === 1 ? "is" : "are"} empty, so the month is not reviewed.`,
        {
          sheet: sheet.name,
          ...(details.cells[empty[0]!] ? { cell: details.cells[empty[0]!]! } : {}),
          found: "nothing",
          expected:
            empty.length === 2
              ? "the reviewer's name and the day of the review"
              : empty[0] === "reviewedBy"
                ? "the reviewer's name"
                : "the day of the review",
        },
      ),
    );
  }
  return day?.value === undefined ? { findings } : { reviewedOn: day.value, findings };
}
