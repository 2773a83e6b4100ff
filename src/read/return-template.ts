import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs.js";
import type { Contract } from "../schema/contract.js";
import { KPI_STATUSES, outcomeWords, OUTCOMES, type Month, type MonthlyReturn, type ReturnKpi } from "../schema/return.js";
import { DETAIL_FIELDS, KPI_COLUMNS, MSR_COLUMNS, SHEETS, YES_NO, type KpiColumnKey } from "../schema/workbook-layout.js";
import { instructionLines } from "./template-instructions.js";
import { stableZip } from "../zip/stable-zip.js";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3864" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
// A pale fill marks the cells to fill in; the definitions stay white and locked.
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } };
// Printed, a return is read on paper too: A4 landscape with the header row on every page.
const PRINT_SETUP: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: "landscape", printTitlesRow: "1:1" };
const LINE_HEIGHT = 15;

/**
 * Spreadsheets do not grow a row to fit wrapped text written by a library, so long descriptions
 * would overlap the next row: give each row the height its longest cell needs.
 */
function fitRowHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    const text = typeof cell.value === "string" ? cell.value : "";
    const perLine = Math.max(1, (widths[column - 1] ?? 10) * 1.1);
    const needed = text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  row.height = lines * LINE_HEIGHT;
}
const list = (items: readonly string[]) => [`"${items.join(",")}"`];

/**
 * The supplier's monthly return as an .xlsx: a blank one for `template`, or one filled with
 * `values` (used to make the bundled data and test fixtures through the same code path).
 */
export async function buildReturnWorkbook(contract: Contract, month: Month, values?: MonthlyReturn, created = new Date(Date.UTC(2000, 0, 1))): Promise<Buffer> {
  const workbook = new Workbook();
  // Fixed dates keep the file byte-for-byte the same for the same inputs.
  workbook.created = created;
  workbook.modified = created;
  workbook.creator = "kpi-report";
  workbook.title = `${contract.supplier} KPI return ${month}`;

  addInstructions(workbook, contract, month);
  await addDetails(workbook, contract, month, values);
  await addKpis(workbook, contract, values);
  await addMsrComments(workbook, contract, values);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return Buffer.from(stableZip(new Uint8Array(await workbook.xlsx.writeBuffer()), created));
}

function addInstructions(workbook: ExcelJS.Workbook, contract: Contract, month: Month): void {
  const sheet = workbook.addWorksheet(SHEETS.instructions, { properties: { tabColor: { argb: "FF1F3864" } } });
  sheet.getColumn(1).width = 110;
  for (const [i, line] of instructionLines(contract, month).entries()) {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (line.heading) cell.font = { bold: true, size: i === 0 ? 14 : 12 };
  }
}

async function addDetails(workbook: ExcelJS.Workbook, contract: Contract, month: Month, values?: MonthlyReturn): Promise<void> {
  const sheet = workbook.addWorksheet(SHEETS.details);
  sheet.columns = [{ width: 16 }, { width: 90 }];
  const rows: [string, string | undefined, boolean][] = [
    [DETAIL_FIELDS.contract, contract.id, false],
    [DETAIL_FIELDS.month, month, false],
    [DETAIL_FIELDS.supplier, values?.supplier ?? contract.supplier, false],
    [DETAIL_FIELDS.preparedBy, values?.preparedBy, true],
    [DETAIL_FIELDS.compliments, values?.compliments, true],
  ];
  rows.forEach(([label, value, input], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    cell.numFmt = "@"; // keeps "2022-09" as text instead of Excel's date guess
    if (value !== undefined) cell.value = value;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (input) unlock(cell);
  });
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

async function addKpis(workbook: ExcelJS.Workbook, contract: Contract, values?: MonthlyReturn): Promise<void> {
  const sheet = workbook.addWorksheet(SHEETS.kpis, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }], pageSetup: PRINT_SETUP });
  sheet.columns = KPI_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet.getRow(1));
  const byNumber = new Map(values?.kpis.map((row) => [row.kpi, row]));
  contract.kpis.forEach((kpi, i) => {
    const row = sheet.getRow(i + 2);
    const given = byNumber.get(kpi.number);
    const cellValues: Record<KpiColumnKey, ExcelJS.CellValue> = {
      kpi: kpi.number,
      serviceCriteria: kpi.serviceCriteria,
      description: kpi.description,
      target: kpi.targetText,
      ...rowInputs(given),
    };
    KPI_COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const value = cellValues[column.key];
      if (value !== undefined && value !== null) cell.value = value;
      cell.alignment = { wrapText: true, vertical: "top" };
      if (column.input) unlock(cell);
    });
    addValidations(row);
    fitRowHeight(row, KPI_COLUMNS.map((c) => c.width));
  });
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true });
}

function rowInputs(row: ReturnKpi | undefined): Record<Exclude<KpiColumnKey, "kpi" | "serviceCriteria" | "description" | "target">, ExcelJS.CellValue> {
  return {
    status: row?.status ?? null,
    achieved: row?.achieved ?? null,
    total: row?.total ?? null,
    count: row?.count ?? null,
    percentage: row?.percentage ?? null,
    commentary: row?.commentary || null,
    verified: row?.verified === undefined ? null : row.verified ? "Yes" : "No",
    verificationNote: row?.verificationNote ?? null,
    overrideOutcome: row?.override ? outcomeWords(row.override.outcome) : null,
    overrideReason: row?.override?.reason ?? null,
  };
}

function addValidations(row: ExcelJS.Row): void {
  const at = (key: KpiColumnKey) => row.getCell(KPI_COLUMNS.findIndex((c) => c.key === key) + 1);
  at("status").dataValidation = { type: "list", allowBlank: true, formulae: list(KPI_STATUSES), showErrorMessage: true, errorTitle: "Status", error: `Choose one of: ${KPI_STATUSES.join(", ")}.` };
  for (const key of ["achieved", "total", "count"] as const) {
    at(key).dataValidation = { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: "Whole number", error: "Type a whole number, 0 or more." };
  }
  at("percentage").dataValidation = { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: "Percentage", error: "Type a number from 0 to 100, e.g. 95.2 for 95.2%." };
  at("verified").dataValidation = { type: "list", allowBlank: true, formulae: list(YES_NO), showErrorMessage: true, errorTitle: "Council verified", error: "Choose Yes or No." };
  at("overrideOutcome").dataValidation = { type: "list", allowBlank: true, formulae: list(OUTCOMES.map(outcomeWords)), showErrorMessage: true, errorTitle: "Outcome override", error: "Choose an outcome, and write the reason beside it." };
}

async function addMsrComments(workbook: ExcelJS.Workbook, contract: Contract, values?: MonthlyReturn): Promise<void> {
  const sheet = workbook.addWorksheet(SHEETS.msrComments, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }], pageSetup: PRINT_SETUP });
  sheet.columns = MSR_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet.getRow(1));
  const comments = new Map(values?.msrComments.map((c) => [c.msr, c.comment]));
  contract.msrs.forEach((msr, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = msr.number;
    row.getCell(2).value = msr.text;
    row.getCell(3).value = msr.linkedKpis.length ? msr.linkedKpis.map((n) => `KPI ${n}`).join(", ") : "None";
    const comment = row.getCell(4);
    const text = comments.get(msr.number);
    if (text !== undefined) comment.value = text;
    unlock(comment);
    for (let c = 1; c <= 4; c++) row.getCell(c).alignment = { wrapText: true, vertical: "top" };
    fitRowHeight(row, MSR_COLUMNS.map((c) => c.width));
  });
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.fill = HEADER_FILL;
  row.alignment = { wrapText: true, vertical: "middle" };
}

function unlock(cell: ExcelJS.Cell): void {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
}
