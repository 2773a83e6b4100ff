import type { RawWorkbook } from "../read/raw-workbook.js";
import { COUNCIL_MSR_SHEET, REVIEW_SHEETS, SHEETS } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { sheetNamed } from "./sheets.js";

/**
 * A workbook of the other kind, where one kind is expected: a supplier's return put among the
 * council's reviews, a review among the returns, or the older single workbook (the return and the
 * council's columns in one, before they were split) among the reviews. Checked cell by cell, it
 * would give dozens of findings about missing sheets and columns; it is one line naming what the
 * file is and where it belongs. (An older workbook among the returns is still read as a return:
 * its council cells are refused one by one, validate/council-fields.ts.)
 */
export function wrongKind(workbook: RawWorkbook, expected: "return" | "review"): Finding | undefined {
  const isReturn = sheetNamed(workbook, SHEETS.details) !== undefined;
  const isReview = !isReturn && sheetNamed(workbook, REVIEW_SHEETS.details) !== undefined;
  if (expected === "return" && isReview) {
    return finding(
      "workbook-wrong-kind",
      `This is the council's review of a month (it has a "${REVIEW_SHEETS.details}" sheet), not a supplier's return: it belongs in reviews/YYYY-MM.xlsx of the data folder.`,
    );
  }
  if (expected === "review" && isReturn) {
    const older = sheetNamed(workbook, COUNCIL_MSR_SHEET) !== undefined;
    const what = older
      ? `a workbook of the older layout, the supplier's return and the council's columns in one (it has "${SHEETS.details}" and "${COUNCIL_MSR_SHEET}" sheets), not a council review: its return belongs in returns/YYYY-MM.xlsx (kpi-report add FILE), and the council's part in a review made by kpi-report review --month YYYY-MM.`
      : `a supplier's return (it has a "${SHEETS.details}" sheet), not the council's review: it belongs in returns/YYYY-MM.xlsx (kpi-report add FILE); kpi-report review --month YYYY-MM makes the review to fill.`;
    return finding("workbook-wrong-kind", `This is ${what}`);
  }
  return undefined;
}
