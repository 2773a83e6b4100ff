/**
 * The workbook as the validator sees it: plain cells with A1 addresses, no XML. Keeping the file
 * format behind this boundary is what lets validation be tested on any cells and lets read/ be
 * the only place that knows the xlsx format.
 */

export type CellValue =
  | { type: "empty" }
  /**
   * A number as stored. `format: "percent"` when the cell's number format shows it as a
   * percentage: the stored 0.995 is what Excel shows as 99.5%. A number with a date format
   * arrives as a date instead, in whichever date system the workbook uses.
   */
  | { type: "number"; value: number; format?: "percent" }
  /**
   * Text. `length` is there only for text longer than a cell can hold (LIMITS.maxCellText): then
   * `value` is just its start, so that no check costs more than a cell's worth, and the validator
   * refuses it by its length.
   */
  | { type: "string"; value: string; length?: number }
  | { type: "boolean"; value: boolean }
  | { type: "date"; value: string }
  | { type: "error"; value: string }
  | { type: "formula-no-result"; formula: string };

export interface RawSheet {
  name: string;
  hidden: boolean;
  /** Last row and column that hold anything, within the scan limits. */
  rowCount: number;
  columnCount: number;
  /** Keyed by A1 address; absent means empty. */
  cells: ReadonlyMap<string, CellValue>;
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<number>;
  /** Merged ranges, e.g. "E3:E4". */
  merges: readonly string[];
}

export interface RawWorkbook {
  sheets: readonly RawSheet[];
  /**
   * What the file carries besides cells that the officer who opens it should know of: a VBA
   * project (macros Excel may offer to run), links to other workbooks (Excel may offer to fetch
   * them). Neither is ever run or followed here; each part is named.
   */
  active?: { macros: string[]; externalLinks: string[] };
}

const EMPTY: CellValue = { type: "empty" };

export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The letters of the scanned columns, worked out once: an address is made for every cell read. */
const LETTERS = Array.from({ length: 101 }, (_, c) => columnLetter(c));

export function address(row: number, column: number): string {
  return `${column <= 100 ? LETTERS[column] : columnLetter(column)}${row}`;
}

export function cellAt(sheet: RawSheet, row: number, column: number): CellValue {
  return sheet.cells.get(address(row, column)) ?? EMPTY;
}

/** Trimmed text of a cell, or "" when empty; numbers and booleans as they would print. */
export function cellText(value: CellValue): string {
  switch (value.type) {
    case "empty":
      return "";
    case "string":
      return value.value.trim();
    case "number":
      return String(value.value);
    case "boolean":
      return value.value ? "TRUE" : "FALSE";
    case "date":
      return value.value;
    case "error":
      return value.value;
    case "formula-no-result":
      return `=${value.formula}`;
  }
}

export function isBlank(value: CellValue): boolean {
  return value.type === "empty" || (value.type === "string" && value.value.trim() === "");
}

export function findSheet(workbook: RawWorkbook, name: string): RawSheet | undefined {
  const wanted = name.trim().toLowerCase();
  return workbook.sheets.find((s) => s.name.trim().toLowerCase() === wanted);
}
