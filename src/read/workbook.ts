import { readFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { InputError } from "../errors.js";
import type { CellValue, RawSheet, RawWorkbook } from "./raw-workbook.js";
import { address } from "./raw-workbook.js";

/** Scan limits: a return has about 30 rows and 14 columns; anything far beyond is not a return. */
export const LIMITS = {
  maxFileBytes: 20 * 1024 * 1024,
  maxRows: 2000,
  maxColumns: 100,
} as const;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads an .xlsx file into plain cells. Throws InputError only when the file cannot be read at all. */
export async function readWorkbook(path: string): Promise<RawWorkbook> {
  const bytes = await readBytes(path);
  return parseWorkbook(bytes, path);
}

async function readBytes(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${path} is a directory, not a workbook.`, path);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`Cannot find ${path}.`, path, "Check the path and the file name.");
  }
  if (size === 0) throw new InputError(`${path} is empty (0 bytes).`, path, "Save the return again from Excel or LibreOffice.");
  if (size > LIMITS.maxFileBytes) {
    throw new InputError(`${path} is ${size} bytes; a return is never larger than ${LIMITS.maxFileBytes} bytes.`, path);
  }
  try {
    return await readFile(path);
  } catch {
    throw new InputError(`Cannot read ${path}: permission denied or the file is locked.`, path);
  }
}

export async function parseWorkbook(bytes: Buffer, path: string): Promise<RawWorkbook> {
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new InputError(
      `${path} is a legacy Excel (.xls) file or a password-protected workbook.`,
      path,
      "Remove any password and save it as an Excel Workbook (.xlsx).",
    );
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new InputError(`${path} is not an .xlsx workbook (it may be a CSV or text file renamed).`, path, "Save it as an Excel Workbook (.xlsx).");
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(`${path} is damaged or is not a spreadsheet: it could not be opened as .xlsx.`, path, "Download or save it again.");
  }
  return { sheets: workbook.worksheets.map(toRawSheet) };
}

function toRawSheet(worksheet: ExcelJS.Worksheet): RawSheet {
  const cells = new Map<string, CellValue>();
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  let rowCount = 0;
  let columnCount = 0;
  const lastRow = Math.min(worksheet.rowCount, LIMITS.maxRows + 1);
  for (let r = 1; r <= lastRow; r++) {
    const row = worksheet.getRow(r);
    if (row.hidden) hiddenRows.add(r);
    const lastColumn = Math.min(row.cellCount, LIMITS.maxColumns + 1);
    for (let c = 1; c <= lastColumn; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      const value = toCellValue(cell.value);
      if (value.type === "empty") continue;
      cells.set(address(r, c), value);
      rowCount = Math.max(rowCount, r);
      columnCount = Math.max(columnCount, c);
    }
  }
  for (let c = 1; c <= Math.min(worksheet.columnCount, LIMITS.maxColumns + 1); c++) {
    if (worksheet.getColumn(c).hidden) hiddenColumns.add(c);
  }
  const merges = Object.keys((worksheet as unknown as { _merges?: Record<string, unknown> })._merges ?? {})
    .map((master) => (worksheet as unknown as { _merges: Record<string, { range: string }> })._merges[master]?.range)
    .filter((range): range is string => typeof range === "string");
  return {
    name: worksheet.name,
    hidden: worksheet.state !== "visible",
    rowCount: Math.max(rowCount, worksheet.rowCount > LIMITS.maxRows ? worksheet.rowCount : 0),
    columnCount: Math.max(columnCount, worksheet.columnCount > LIMITS.maxColumns ? worksheet.columnCount : 0),
    cells,
    hiddenRows,
    hiddenColumns,
    merges,
  };
}

/** exceljs gives a cell as one of many shapes; every one becomes plain data, never "[object Object]". */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return { type: "empty" };
  if (typeof value === "number") return Number.isFinite(value) ? { type: "number", value } : { type: "error", value: "#NUM!" };
  if (typeof value === "string") return value === "" ? { type: "empty" } : { type: "string", value };
  if (typeof value === "boolean") return { type: "boolean", value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { type: "error", value: "#VALUE!" } : { type: "date", value: value.toISOString().slice(0, 10) };
  }
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { type: "error", value: value.error };
    if ("richText" in value && Array.isArray(value.richText)) {
      return toCellValue(value.richText.map((run) => (typeof run?.text === "string" ? run.text : "")).join(""));
    }
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      const formula = String((value as { formula?: unknown; sharedFormula?: unknown }).formula ?? (value as { sharedFormula?: unknown }).sharedFormula ?? "");
      if (result === undefined || result === null) return { type: "formula-no-result", formula };
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ("text" in value) {
      const text = (value as { text?: unknown }).text;
      if (typeof text === "string") return toCellValue(text);
      if (text && typeof text === "object" && "richText" in text) return toCellValue(text as ExcelJS.CellValue);
    }
  }
  return { type: "error", value: "#VALUE!" };
}
