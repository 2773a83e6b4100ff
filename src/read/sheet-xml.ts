import type { CellValue, RawSheet } from "./raw-workbook.js";
import { address } from "./raw-workbook.js";
import { toCellValue, type StoredCell } from "./cell-value.js";
import { parseCell } from "./cell-ref.js";
import { clampMerges, dropMergedFollowers, extentOf, parseMerge, type Range } from "./sheet-merges.js";
import { LIMITS, SHEET_BOUNDS } from "./limits.js";
import { unreadable } from "./read-failures.js";
import { StringItem } from "./shared-strings.js";
import type { NumberFormatKind } from "./styles.js";
import { NS, parseXml } from "./xml.js";

export interface SheetContext {
  path: string;
  sharedStrings: readonly string[];
  /** The shared strings made values, filled as cells use them (shared by every sheet). */
  sharedCache?: (CellValue | undefined)[];
  styles: readonly (NumberFormatKind | undefined)[];
  date1904: boolean;
}

/**
 * One worksheet part, streamed: the cells of the scanned area (LIMITS.maxRows by maxColumns), how
 * far data reaches beyond it, hidden rows and columns, and merged ranges cut to the scanned area.
 * Nothing is expanded from a range, so a short attribute (a merge or a column definition over a
 * million cells) costs no more than its own bytes; data validations and everything else the
 * validator does not read are never looked at.
 */
export function readSheetXml(
  bytes: Uint8Array,
  part: string,
  name: string,
  hidden: boolean,
  context: SheetContext,
): RawSheet {
  const { path } = context;
  const damaged = (what: string) =>
    unreadable("workbook-damaged", path, `${path} is damaged: ${part} ${what}.`);
  const cells = new Map<string, CellValue>();
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  const merges: Range[] = [];
  /** How far data reaches, beyond the scanned area too, so the validator can say what was not read. */
  const extent = { row: 0, column: 0 };
  const beyond = { row: 0, column: 0 };
  const shared = new Map<string, string>();
  let row = 0;
  let column = 0;
  let cell: (StoredCell & { row: number; column: number; style: number }) | undefined;
  let collecting: "v" | "f" | "is" | undefined;
  let buffer = "";
  const inline = new StringItem();
  const sharedString = (index: number) => context.sharedStrings[index];

  parseXml(bytes, part, path, {
    open(e) {
      if (e.uri !== NS.main) {
        if (collecting === "is") inline.open(e);
        return;
      }
      if (collecting === "is") return inline.open(e);
      switch (e.local) {
        case "row": {
          const r = e.get("r");
          row = r === undefined ? row + 1 : /^\d{1,7}$/.test(r) ? Number(r) : 0;
          if (row < 1 || row > SHEET_BOUNDS.rows)
            throw damaged(
              `has a row numbered ${JSON.stringify((r ?? "").slice(0, 40))}, which no spreadsheet has`,
            );
          column = 0;
          if (isTrue(e.get("hidden")) && row <= LIMITS.maxRows) hiddenRows.add(row);
          return;
        }
        case "c": {
          const r = e.get("r");
          const at = r === undefined ? { row: Math.max(row, 1), column: column + 1 } : parseCell(r);
          if (!at || at.column > SHEET_BOUNDS.columns)
            throw damaged(
              `refers to a cell ${JSON.stringify((r ?? "").slice(0, 40))}, which no spreadsheet has`,
            );
          column = at.column;
          const style = Number(e.get("s") ?? 0);
          // Spelled out: an object spread here took four fifths of the reading time (V8 profile, 2022-09.xlsx).
          cell = {
            row: at.row,
            column: at.column,
            style,
            type: e.get("t") ?? "n",
            stored: undefined,
            inline: undefined,
            formula: undefined,
            format: context.styles[style],
          };
          return;
        }
        case "v":
        case "f":
          if (!cell) return;
          if (e.local === "f") cell.formula = sharedFollower(e.get("t"), e.get("si"), cell, shared);
          collecting = e.local;
          buffer = "";
          return;
        case "is":
          if (!cell) return;
          collecting = "is";
          inline.take();
          return;
        case "col":
          markHiddenColumns(e.get("min"), e.get("max"), isTrue(e.get("hidden")), hiddenColumns);
          return;
        case "mergeCell": {
          const ref = e.get("ref") ?? "";
          const range = parseMerge(ref);
          if (!range) throw damaged(`merges ${JSON.stringify(ref.slice(0, 40))}, which is not a range`);
          merges.push(range);
          return;
        }
      }
    },
    close(local, uri) {
      if (collecting === "is") {
        if (local === "is" && uri === NS.main) {
          cell!.inline = inline.take();
          collecting = undefined;
        } else inline.close(local, uri);
        return;
      }
      if (uri !== NS.main) return;
      if ((local === "v" || local === "f") && collecting === local && cell) {
        if (local === "v") cell.stored = buffer;
        else if (buffer !== "") cell.formula = buffer;
        collecting = undefined;
      } else if (local === "c" && cell) {
        const value = toCellValue(cell, sharedString, context.date1904, context.sharedCache);
        if (value === undefined) {
          const what = `${JSON.stringify((cell.stored ?? "").slice(0, 40))} in ${address(cell.row, cell.column)}`;
          throw damaged(
            `stores ${what} as a value of type ${JSON.stringify(cell.type.slice(0, 20))}, which no spreadsheet program writes`,
          );
        }
        if (value.type !== "empty") {
          if (cell.row <= LIMITS.maxRows && cell.column <= LIMITS.maxColumns)
            cells.set(address(cell.row, cell.column), value);
          else {
            beyond.row = Math.max(beyond.row, cell.row);
            beyond.column = Math.max(beyond.column, cell.column);
          }
          extent.row = Math.max(extent.row, cell.row);
          extent.column = Math.max(extent.column, cell.column);
        }
        cell = undefined;
      }
    },
    text(text) {
      if (collecting === "is") inline.text(text);
      else if (collecting !== undefined) buffer += text;
    },
  });
  const kept = clampMerges(merges, part, path);
  // Only a merge that hid a stored value can move the extent; recount then (merges are rare).
  const { row: rowCount, column: columnCount } = dropMergedFollowers(kept, cells)
    ? extentOf(cells, beyond)
    : extent;
  return {
    name,
    hidden,
    rowCount,
    columnCount,
    cells,
    hiddenRows,
    hiddenColumns,
    merges: kept.map((m) => `${address(m.top, m.left)}:${address(m.bottom, m.right)}`),
  };
}

const isTrue = (value: string | undefined) => value === "1" || value === "true";

/** A shared formula's follower has no text of its own; it is named by its leader's cell. */
function sharedFollower(
  type: string | undefined,
  index: string | undefined,
  cell: { row: number; column: number },
  shared: Map<string, string>,
): string {
  if (type !== "shared" || index === undefined) return "";
  const leader = shared.get(index);
  if (leader === undefined) {
    shared.set(index, address(cell.row, cell.column));
    return "";
  }
  return `(shared with ${leader})`;
}

/** <col min max hidden>: the hidden columns within the scanned ones; a definition that makes no sense hides nothing. */
function markHiddenColumns(
  minText: string | undefined,
  maxText: string | undefined,
  hidden: boolean,
  into: Set<number>,
): void {
  if (!hidden) return;
  const min = Number(minText);
  const max = Number(maxText);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) return;
  for (let c = min; c <= Math.min(max, LIMITS.maxColumns); c++) into.add(c);
}
