import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs.js";
import type { Contract } from "../schema/contract.js";
import { OUTCOME_CHOICES, OUTCOMES, type Month } from "../schema/return.js";
import type { MonthlyReview, ReviewKpi } from "../schema/review.js";
import {
  MSR_COLUMNS,
  REVIEW_DETAIL_FIELDS,
  REVIEW_KPI_COLUMNS,
  REVIEW_SHEETS,
  YES_NO,
  type ReviewKpiColumnKey,
} from "../schema/workbook-layout.js";
import { reviewInstructionLines } from "./template-instructions.js";
import {
  addInstructionSheet,
  fitRowHeight,
  list,
  ONE_PAGE_WIDE,
  PRINT_SETUP,
  PROTECTION,
  styleHeader,
  unlock,
  validateColumn,
} from "./workbook-style.js";
import { stableZip } from "../zip/stable-zip.js";
import type { Id } from "../schema/id.js";

/** What the review shows, locked, beside the council's columns: the supplier's side and the figures' verdict. */
export interface ReviewReference {
  kpis: ReadonlyMap<Id, { status: string; figures: string; commentary: string; figuresGive: string }>;
  /** Per MSR, what its linked KPIs' outcomes give without the council ("Not met: KPI 5, 26 and 27"). */
  msrs: ReadonlyMap<Id, string>;
}

// Grey marks what is there to read, not to fill: the supplier's side and the figures' verdict.
const REFERENCE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };

/**
 * The council's review of a month as an .xlsx: what the supplier returned and what its figures
 * alone give, locked, for reference, and the council's columns to fill (verification, derived
 * figures, override and reason; a comment per MSR). `values` fills the council's columns (the
 * bundled data and test fixtures are made through the same code path).
 */
export async function buildReviewWorkbook(
  contract: Contract,
  month: Month,
  reference: ReviewReference,
  values?: MonthlyReview,
  created = new Date(Date.UTC(2000, 0, 1)),
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.created = created;
  workbook.modified = created;
  workbook.creator = "kpi-report";
  workbook.title = `${contract.council} review of the KPI return ${month}`;
  addInstructionSheet(workbook, REVIEW_SHEETS.instructions, reviewInstructionLines(contract, month));
  await addDetails(workbook, contract, month, values);
  await addKpis(workbook, contract, reference, values);
  await addMsrs(workbook, contract, reference, values);
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return Buffer.from(await stableZip(new Uint8Array(await workbook.xlsx.writeBuffer()), created));
}

async function addDetails(
  workbook: ExcelJS.Workbook,
  contract: Contract,
  month: Month,
  values?: MonthlyReview,
): Promise<void> {
  const sheet = workbook.addWorksheet(REVIEW_SHEETS.details, { pageSetup: ONE_PAGE_WIDE });
  sheet.columns = [{ width: 16 }, { width: 52 }];
  const rows: [string, string | undefined, boolean][] = [
    [REVIEW_DETAIL_FIELDS.contract, contract.id, false],
    [REVIEW_DETAIL_FIELDS.month, month, false],
    [REVIEW_DETAIL_FIELDS.reviewedBy, values?.reviewedBy, true],
    [REVIEW_DETAIL_FIELDS.reviewedOn, values?.reviewedOn, true],
  ];
  rows.forEach(([label, value, input], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    // The day is a date cell, so Excel, LibreOffice and Google Sheets store what the officer types as a day.
    const day = label === REVIEW_DETAIL_FIELDS.reviewedOn;
    cell.numFmt = day ? "yyyy-mm-dd" : "@";
    if (value !== undefined) cell.value = day ? new Date(`${value}T00:00:00Z`) : value;
    if (input) unlock(cell);
  });
  await sheet.protect("", PROTECTION);
}

async function addKpis(
  workbook: ExcelJS.Workbook,
  contract: Contract,
  reference: ReviewReference,
  values?: MonthlyReview,
): Promise<void> {
  const sheet = workbook.addWorksheet(REVIEW_SHEETS.kpis, {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
    pageSetup: PRINT_SETUP,
  });
  sheet.columns = REVIEW_KPI_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet.getRow(1));
  const council = new Map(values?.kpis.map((k) => [k.kpi, k]));
  contract.kpis.forEach((kpi, i) => {
    const row = sheet.getRow(i + 2);
    const given = reference.kpis.get(kpi.number);
    const cellValues: Record<ReviewKpiColumnKey, ExcelJS.CellValue> = {
      kpi: kpi.number,
      description: kpi.description,
      target: kpi.targetText,
      supplierStatus: given?.status ?? "No row",
      supplierFigures: given?.figures ?? "None",
      supplierCommentary: given?.commentary || "None",
      figuresGive: given?.figuresGive ?? "",
      ...councilInputs(council.get(kpi.number)),
    };
    REVIEW_KPI_COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const value = cellValues[column.key];
      if (value !== undefined && value !== null && value !== "") cell.value = value;
      cell.alignment = { wrapText: true, vertical: "top" };
      if (column.input) unlock(cell);
      else if (c > 2) cell.fill = REFERENCE_FILL;
    });
    fitRowHeight(
      row,
      REVIEW_KPI_COLUMNS.map((c) => c.width),
    );
  });
  const rows = { first: 2, last: contract.kpis.length + 1 };
  const column = (key: ReviewKpiColumnKey) => REVIEW_KPI_COLUMNS.findIndex((c) => c.key === key) + 1;
  const yesNo = (title: string): ExcelJS.DataValidation => ({
    type: "list",
    allowBlank: true,
    formulae: list(YES_NO),
    showErrorMessage: true,
    errorTitle: title,
    error: "Choose Yes or No, or leave it empty.",
  });
  validateColumn(sheet, column("verified"), rows, yesNo("Council verified"));
  validateColumn(sheet, column("derived"), rows, yesNo("Figures derived"));
  validateColumn(sheet, column("overrideOutcome"), rows, {
    type: "list",
    allowBlank: true,
    formulae: list(OUTCOMES.map((o) => OUTCOME_CHOICES[o])),
    showErrorMessage: true,
    errorTitle: "Outcome override",
    error: "Choose an outcome, and write the reason beside it.",
  });
  await sheet.protect("", { ...PROTECTION, autoFilter: true });
}

function councilInputs(
  row: ReviewKpi | undefined,
): Pick<
  Record<ReviewKpiColumnKey, ExcelJS.CellValue>,
  "verified" | "verificationNote" | "derived" | "overrideOutcome" | "overrideReason"
> {
  return {
    verified: row?.verified === undefined ? null : row.verified ? "Yes" : "No",
    verificationNote: row?.verificationNote ?? null,
    derived: row?.derived ? "Yes" : null,
    overrideOutcome: row?.override ? OUTCOME_CHOICES[row.override.outcome] : null,
    overrideReason: row?.override?.reason ?? null,
  };
}

async function addMsrs(
  workbook: ExcelJS.Workbook,
  contract: Contract,
  reference: ReviewReference,
  values?: MonthlyReview,
): Promise<void> {
  const sheet = workbook.addWorksheet(REVIEW_SHEETS.msrComments, {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
    pageSetup: PRINT_SETUP,
  });
  sheet.columns = MSR_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet.getRow(1));
  const comments = new Map(values?.msrComments.map((c) => [c.msr, c.comment]));
  contract.msrs.forEach((msr, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = msr.number;
    row.getCell(2).value = msr.text;
    row.getCell(3).value = msr.linkedKpis.length ? msr.linkedKpis.map((n) => `KPI ${n}`).join(", ") : "None";
    const state = row.getCell(4);
    state.value = reference.msrs.get(msr.number) ?? "";
    state.fill = REFERENCE_FILL;
    const comment = row.getCell(5);
    const text = comments.get(msr.number);
    if (text !== undefined) comment.value = text;
    unlock(comment);
    for (let c = 1; c <= MSR_COLUMNS.length; c++)
      row.getCell(c).alignment = { wrapText: true, vertical: "top" };
    fitRowHeight(
      row,
      MSR_COLUMNS.map((c) => c.width),
    );
  });
  await sheet.protect("", PROTECTION);
}
