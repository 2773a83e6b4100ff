import type { CellValue } from "./raw-workbook.js";
import { LIMITS } from "./limits.js";
import type { NumberFormatKind } from "./styles.js";

/** A cell as the worksheet XML stores it, before it means anything. */
export interface StoredCell {
  /** The t attribute: "s" shared string, "str" formula text, "inlineStr", "b", "e", "d", or "n" (the default). */
  type: string;
  /** The text of <v>, undefined when there is none. */
  stored: string | undefined;
  /** The text of <is>, for inline strings. */
  inline: string | undefined;
  /** The formula's text, "" for a shared formula's follower; undefined when the cell has no formula. */
  formula: string | undefined;
  /** What the cell's number format says a number is. */
  format: NumberFormatKind | undefined;
}

/**
 * A stored cell as plain data, never NaN or "[object Object]". `sharedString` looks up an index in
 * the shared strings; `date1904` is the workbook's date system. Returns undefined when the XML
 * says something no spreadsheet program writes, which the caller reports as damage.
 */
export function toCellValue(
  cell: StoredCell,
  sharedString: (index: number) => string | undefined,
  date1904: boolean,
  sharedCache?: (CellValue | undefined)[],
): CellValue | undefined {
  const { type, stored } = cell;
  if (type === "inlineStr") return text(cell.inline ?? stored ?? "");
  // An empty <v/> stores nothing, except a formula's result that is the empty text.
  if (stored === "" && type === "str") return { type: "empty" };
  if (stored === undefined || stored === "") {
    // A formula that was never calculated (files written by programs that do not calculate).
    return cell.formula !== undefined && cell.formula !== ""
      ? { type: "formula-no-result", formula: cell.formula }
      : { type: "empty" };
  }
  switch (type) {
    case "s": {
      const index = Number(stored);
      // Each shared string is made a value once, however many cells use it.
      const cached = sharedCache && Number.isInteger(index) ? sharedCache[index] : undefined;
      if (cached) return cached;
      const value = Number.isInteger(index) ? sharedString(index) : undefined;
      if (value === undefined) return undefined;
      const made = text(value);
      if (sharedCache) sharedCache[index] = made;
      return made;
    }
    case "str":
      return text(stored);
    case "b":
      return stored === "1" || stored === "true"
        ? { type: "boolean", value: true }
        : stored === "0" || stored === "false"
          ? { type: "boolean", value: false }
          : undefined;
    case "e":
      return { type: "error", value: stored.trim() || "#VALUE!" };
    case "d":
      return isoDate(stored);
    case "n":
    case "":
      return number(stored, cell.format, date1904);
    default:
      return undefined;
  }
}

function text(value: string): CellValue {
  const decoded = decodeEscapes(value);
  if (decoded.length > LIMITS.maxCellText)
    return { type: "string", value: decoded.slice(0, 60), length: decoded.length };
  return decoded === "" ? { type: "empty" } : { type: "string", value: decoded };
}

/**
 * Excel stores a character XML cannot hold (a control character, a vertical tab pasted from Word)
 * as _xHHHH_, and a literal "_x" that would read as one as _x005F_x. Decoded left to right, as
 * Excel reads them; whatever XML 1.0 forbids is then the validator's to name and replace.
 */
export function decodeEscapes(value: string): string {
  if (!value.includes("_x")) return value;
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function number(
  stored: string,
  format: NumberFormatKind | undefined,
  date1904: boolean,
): CellValue | undefined {
  if (!NUMBER.test(stored)) return undefined;
  const value = Number(stored);
  if (!Number.isFinite(value)) return { type: "error", value: "#NUM!" };
  if (format === "date") return serialDate(value, date1904);
  return format === "percent" ? { type: "number", value, format: "percent" } : { type: "number", value };
}

const DAY_MS = 86_400_000;
/** 1 January 1900 is serial 1 (1462 days later in the 1904 system); Excel's fictional 29 February 1900 is 60. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 31 December 9999, the last day Excel shows. */
const LAST_SERIAL = 2_958_465;

/** A serial number shown with a date format: the day it names, as YYYY-MM-DD; a time of day is dropped. */
function serialDate(serial: number, date1904: boolean): CellValue {
  // Excel shows ##### for a serial before day 0 or after 9999: no date, so it is read as the number stored.
  if (serial < 0 || serial > LAST_SERIAL) return { type: "number", value: serial };
  // Serials before 1 March 1900 count from a day later, since Excel counts a 29 February 1900 that never was.
  const days = date1904 ? serial : serial < 61 ? serial + 1 : serial;
  const time = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(days * DAY_MS);
  return { type: "date", value: new Date(time).toISOString().slice(0, 10) };
}

/** t="d": an ISO 8601 date or date-time, as some programs write instead of a serial. */
function isoDate(stored: string): CellValue | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(stored.trim());
  if (!match) return undefined;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== stored.trim().slice(0, 10)
    ? undefined
    : { type: "date", value: stored.trim().slice(0, 10) };
}
