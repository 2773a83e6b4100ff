import type ExcelJS from "exceljs";

/** What the return and the review templates share: how they look, lock and print. */
export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3864" } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
// A pale fill marks the cells to fill in; the definitions stay white and locked.
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } };
// Printed, a workbook is read on paper too: A4 landscape with the header row on every page.
export const PRINT_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: "landscape",
  printTitlesRow: "1:1",
};
const LINE_HEIGHT = 15;
export const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
} as const;

/**
 * Spreadsheets do not grow a row to fit wrapped text written by a library, so long descriptions
 * would overlap the next row: give each row the height its longest cell needs.
 */
export function fitRowHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    const text = typeof cell.value === "string" ? cell.value : "";
    const perLine = Math.max(1, (widths[column - 1] ?? 10) * 1.1);
    const needed = text
      .split("\n")
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  row.height = lines * LINE_HEIGHT;
}

export const list = (items: readonly string[]) => [`"${items.join(",")}"`];

export function styleHeader(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.fill = HEADER_FILL;
  row.alignment = { wrapText: true, vertical: "middle" };
  // Two lines: narrow columns' headers ("Council verified", "Figures alone give") wrap, and a row of
  // one line's height cut them in half in LibreOffice.
  row.height = 2 * LINE_HEIGHT;
}

/**
 * Sheets of one or two columns print on A4 portrait; their columns are no wider than its page, since
 * LibreOffice did not honour fit-to-width here and cut the Instructions at the margin.
 */
export const ONE_PAGE_WIDE: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: "portrait" };
/** About as many characters as an A4 portrait page holds at the default font and margins. */
const PAGE_WIDTH = 68;

export function unlock(cell: ExcelJS.Cell): void {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
}

/**
 * One data validation per column range, never one per cell: exceljs merges per-cell rules into
 * ranges itself, and its merging gave overlapping ranges (E2:E28 and E10:E28), which Excel
 * treats as damage. A rule given for a whole range is written as that range alone.
 */
export function validateColumn(
  sheet: ExcelJS.Worksheet,
  column: number,
  rows: { first: number; last: number },
  rule: ExcelJS.DataValidation,
): void {
  if (rows.last < rows.first) return;
  const letter = sheet.getColumn(column).letter;
  // exceljs has Worksheet.dataValidations (lib/doc/data-validations.js) but its typings leave it out.
  const validations = (
    sheet as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add(`${letter}${rows.first}:${letter}${rows.last}`, rule);
}

/** Instruction lines down column A of a sheet of their own. */
export function addInstructionSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  lines: readonly { text: string; heading?: boolean }[],
): void {
  const sheet = workbook.addWorksheet(name, {
    properties: { tabColor: { argb: "FF1F3864" } },
    pageSetup: ONE_PAGE_WIDE,
  });
  sheet.getColumn(1).width = PAGE_WIDTH;
  for (const [i, line] of lines.entries()) {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (line.heading) cell.font = { bold: true, size: i === 0 ? 14 : 12 };
    // Wrapped lines need the row's height, or the next line is drawn over them.
    fitRowHeight(sheet.getRow(i + 1), [PAGE_WIDTH * 0.9]);
  }
}
