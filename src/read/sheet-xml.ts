import { LIMITS, SHEET_BOUNDS } from "./limits.js";
import { unreadable } from "./read-failures.js";

/**
 * Edits to a worksheet's XML before exceljs sees it. exceljs expands some ranges cell by cell
 * while loading (data validations, merges, column definitions), so one short attribute such as
 * sqref="A1:XFD1048576" would make it allocate 17 billion entries. What the validator does not
 * read is removed; what it reads is clamped to the rows and columns it scans.
 */
export function sanitiseSheetXml(xml: string, part: string, path: string): string {
  checkCellReferences(xml, part, path);
  return clampColumns(clampMerges(removeElement(xml, "dataValidations"), part, path));
}

/** Removes <name ...>...</name> and <name .../> wherever they occur. */
export function removeElement(xml: string, name: string): string {
  return xml.replace(new RegExp(`<(\\w+:)?${name}\\b[^>]*?(/>|>[\\s\\S]*?</(\\w+:)?${name}>)`, "g"), "");
}

/** An attribute's value, whichever quotes and spacing the XML uses; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`, "s").exec(attributes)?.[2];
}

/** Every row and cell reference must be one a spreadsheet can have; exceljs trusts them as array indexes. */
function checkCellReferences(xml: string, part: string, path: string): void {
  for (const match of xml.matchAll(/<(?:\w+:)?(c|row)\b([^>]*)>/g)) {
    const ref = attribute(match[2]!, "r");
    if (ref === undefined) continue; // exceljs places such cells and rows by their order
    const ok = match[1] === "row" ? /^\d+$/.test(ref) && inRange(Number(ref), SHEET_BOUNDS.rows) : parseCell(ref) !== undefined;
    if (!ok) {
      throw unreadable("workbook-damaged", path, `${path} is damaged: ${part} refers to a cell ${JSON.stringify(ref.slice(0, 40))}, which no spreadsheet has.`);
    }
  }
}

const inRange = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;

/** "B7" to {row: 7, column: 2}, or undefined when it is not a cell a spreadsheet can have. */
export function parseCell(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  const column = [...match[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const row = Number(match[2]);
  return inRange(row, SHEET_BOUNDS.rows) && inRange(column, SHEET_BOUNDS.columns) ? { row, column } : undefined;
}

function cellName(row: number, column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * Merged ranges are kept (the validator reports those over data) but cut to the scanned area,
 * and their number and total size are limited: exceljs makes a cell object for every merged cell.
 */
function clampMerges(xml: string, part: string, path: string): string {
  const lastRow = LIMITS.maxRows + 1;
  const lastColumn = LIMITS.maxColumns + 1;
  let count = 0;
  let area = 0;
  // Every mergeCell element is rewritten from its parsed range, or removed: nothing passes unexamined.
  const clamped = xml.replace(/<(\w+:)?mergeCell\b([^>]*)>/g, (_, prefix: string | undefined, attributes: string) => {
    const ref = attribute(attributes, "ref") ?? "";
    const [from, to = from] = ref.split(":");
    const a = parseCell(from ?? "");
    const b = parseCell(to ?? "");
    if (!a || !b) throw unreadable("workbook-damaged", path, `${path} is damaged: ${part} merges ${JSON.stringify(ref.slice(0, 40))}, which is not a range.`);
    const top = Math.min(a.row, b.row);
    const left = Math.min(a.column, b.column);
    if (top > lastRow || left > lastColumn) return "";
    const bottom = Math.min(Math.max(a.row, b.row), lastRow);
    const right = Math.min(Math.max(a.column, b.column), lastColumn);
    count++;
    area += (bottom - top + 1) * (right - left + 1);
    const end = attributes.trimEnd().endsWith("/") ? "/>" : ">";
    return `<${prefix ?? ""}mergeCell ref="${cellName(top, left)}:${cellName(bottom, right)}"${end}`;
  });
  if (count > LIMITS.maxMerges || area > LIMITS.maxMergedCells) {
    throw unreadable("limit-merges", path, `${path} has ${count} merged ranges covering ${area} cells in ${part}; a return has none or a few, and at most ${LIMITS.maxMerges} ranges over ${LIMITS.maxMergedCells} cells are read.`);
  }
  return clamped;
}

/** Column definitions (widths, hidden) are expanded one object per column, so they are cut to the scanned columns. */
function clampColumns(xml: string): string {
  const lastColumn = LIMITS.maxColumns + 1;
  return xml.replace(/<(\w+:)?col\b([^>]*)>/g, (_, prefix: string | undefined, attributes: string) => {
    const min = Number(attribute(attributes, "min"));
    const max = Number(attribute(attributes, "max"));
    const end = attributes.trimEnd().endsWith("/") ? "/>" : ">";
    const rest = attributes.replace(/\s(min|max)\s*=\s*(["']).*?\2/gs, "").replace(/\/\s*$/, "");
    // A definition beyond the scanned columns, or one that makes no sense, becomes a harmless one.
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || min > lastColumn) return `<${prefix ?? ""}col min="${lastColumn + 1}" max="${lastColumn + 1}"${end}`;
    return `<${prefix ?? ""}col min="${min}" max="${Math.min(max, lastColumn)}"${rest}${end}`;
  });
}
