import { readFile, stat } from "node:fs/promises";
import type ExcelJS from "exceljs";
import { ValueType, Workbook } from "./exceljs.js";
import { isRunStopper } from "../errors.js";
import type { CellValue, RawSheet, RawWorkbook } from "./raw-workbook.js";
import { address } from "./raw-workbook.js";
import { toCellValue } from "./cell-value.js";
import { assertZip } from "./file-kind.js";
import { LIMITS } from "./limits.js";
import { unreadable } from "./read-failures.js";
import { nearbyFiles } from "./nearby-files.js";
import { preparePackage } from "./xlsx-package.js";
import { unzipLimited } from "./zip-reader.js";

export { LIMITS } from "./limits.js";
export { toCellValue } from "./cell-value.js";

/**
 * Reads an .xlsx file into plain cells. Throws an InputError (an UnreadableFileError) only when the
 * file cannot be read at all; anything wrong inside a readable workbook is left to the validator.
 */
export async function readWorkbook(path: string): Promise<RawWorkbook> {
  return parseWorkbook(await readBytes(path), path);
}

async function readBytes(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") throw unreadable("file-no-permission", path, `Cannot open ${path}: permission denied.`);
    const near = await nearbyFiles(path);
    throw unreadable("file-missing", path, `Cannot find ${path}.`, near.length ? `Did you mean ${near.join(" or ")}?` : undefined);
  }
  if (info.isDirectory()) throw unreadable("file-is-directory", path, `${path} is a folder, not a workbook.`);
  if (!info.isFile()) throw unreadable("file-not-regular", path, `${path} is not a regular file.`);
  if (info.size === 0) throw unreadable("file-empty", path, `${path} is empty (0 bytes).`);
  if (info.size > LIMITS.maxFileBytes) {
    throw unreadable("file-too-large", path, `${path} is ${megabytes(info.size)}; a return is never larger than ${megabytes(LIMITS.maxFileBytes)}.`);
  }
  try {
    return await readFile(path);
  } catch {
    throw unreadable("file-no-permission", path, `Cannot read ${path}: permission denied, or another program has it locked.`);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The bytes of an .xlsx to plain cells: checked, unzipped within the limits, then read by exceljs. */
export async function parseWorkbook(bytes: Uint8Array, path: string): Promise<RawWorkbook> {
  try {
    if (bytes.length === 0) throw unreadable("file-empty", path, `${path} is empty (0 bytes).`);
    if (bytes.length > LIMITS.maxFileBytes) throw unreadable("file-too-large", path, `${path} is ${megabytes(bytes.length)}; a return is never larger than ${megabytes(LIMITS.maxFileBytes)}.`);
    assertZip(bytes, path);
    const checked = preparePackage(unzipLimited(bytes, path), path);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) as unknown as ExcelJS.Buffer);
    return { sheets: workbook.worksheets.map(toRawSheet) };
  } catch (error) {
    if (isRunStopper(error)) throw error;
    // No library's exception reaches the user: whatever exceljs or fflate threw, the file is the cause.
    // The original stays attached as `cause`, for whoever debugs a file that should have been read.
    const refusal = unreadable("workbook-damaged", path, `${path} could not be read as a workbook: its contents are damaged or not what Excel writes.`);
    throw Object.assign(refusal, { cause: error });
  }
}

/** A worksheet as plain cells, scanning at most the limits' rows and columns. */
function toRawSheet(worksheet: ExcelJS.Worksheet): RawSheet {
  const cells = new Map<string, CellValue>();
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  // How far data really reaches, beyond the scanned area too, so the validator can say what was not read.
  let rowCount = 0;
  let columnCount = 0;
  // Rows with values only: with includeEmpty, exceljs makes an object for every row up to the last.
  worksheet.eachRow((row, r) => {
    if (row.hidden && r <= LIMITS.maxRows) hiddenRows.add(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return; // a merged range's value lives in its top-left cell
      const value = toCellValue(cell.value, sharedFormula(cell));
      if (value.type === "empty") return;
      rowCount = Math.max(rowCount, r);
      columnCount = Math.max(columnCount, c);
      if (r <= LIMITS.maxRows && c <= LIMITS.maxColumns) cells.set(address(r, c), value);
    });
  });
  for (let c = 1; c <= Math.min(worksheet.columnCount, LIMITS.maxColumns); c++) {
    if (worksheet.getColumn(c).hidden) hiddenColumns.add(c);
  }
  const merges = Object.values((worksheet as unknown as { _merges?: Record<string, { range?: unknown }> })._merges ?? {})
    .map((merge) => merge.range)
    .filter((range): range is string => typeof range === "string");
  return { name: worksheet.name, hidden: worksheet.state !== "visible", rowCount, columnCount, cells, hiddenRows, hiddenColumns, merges };
}

/** A shared formula's follower cell, as the formula it stands for; exceljs works it out from the leader. */
function sharedFormula(cell: ExcelJS.Cell): string | undefined {
  if (cell.type !== ValueType.Formula) return undefined;
  try {
    const formula = cell.formula;
    return typeof formula === "string" ? formula : undefined;
  } catch {
    return undefined;
  }
}
