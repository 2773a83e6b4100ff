import type { CellValue } from "./raw-workbook.js";
import { address } from "./raw-workbook.js";
import { parseCell } from "./cell-ref.js";
import { LIMITS } from "./limits.js";
import { unreadable } from "./read-failures.js";

/** A merged range, as read from <mergeCell ref="B2:C3">. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B2:C3" (or one cell, "B2") as a range; undefined when it is not one. */
export function parseMerge(ref: string): Range | undefined {
  const [from, to = from] = ref.split(":");
  const a = parseCell(from ?? "");
  const b = parseCell(to ?? "");
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/**
 * Merged ranges are kept (the validator reports those over data) but cut to the scanned area plus
 * one row and column (so a merge running past it still shows as running on), and their number and
 * total size are limited as a return never needs.
 */
export function clampMerges(merges: readonly Range[], part: string, path: string): Range[] {
  const lastRow = LIMITS.maxRows + 1;
  const lastColumn = LIMITS.maxColumns + 1;
  const kept = merges
    .filter((m) => m.top <= lastRow && m.left <= lastColumn)
    .map((m) => ({ ...m, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastColumn) }));
  const area = kept.reduce((sum, m) => sum + (m.bottom - m.top + 1) * (m.right - m.left + 1), 0);
  if (kept.length > LIMITS.maxMerges || area > LIMITS.maxMergedCells) {
    const most = `at most ${LIMITS.maxMerges} ranges over ${LIMITS.maxMergedCells} cells are read`;
    throw unreadable(
      "limit-merges",
      path,
      `${path} has ${kept.length} merged ranges covering ${area} cells in ${part}; a return has none or a few, and ${most}.`,
    );
  }
  return kept;
}

/**
 * A merged range shows only its top-left cell's value, so whatever the others store is not what
 * anyone sees. True when a value was dropped.
 */
export function dropMergedFollowers(merges: readonly Range[], cells: Map<string, CellValue>): boolean {
  let dropped = false;
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, LIMITS.maxRows); r++) {
      for (let c = m.left; c <= Math.min(m.right, LIMITS.maxColumns); c++)
        if ((r !== m.top || c !== m.left) && cells.delete(address(r, c))) dropped = true;
    }
  }
  return dropped;
}

/** The extent of the stored cells and of the data beyond the scanned area. */
export function extentOf(
  cells: ReadonlyMap<string, CellValue>,
  beyond: { row: number; column: number },
): { row: number; column: number } {
  const extent = { ...beyond };
  for (const key of cells.keys()) {
    const at = parseCell(key)!;
    extent.row = Math.max(extent.row, at.row);
    extent.column = Math.max(extent.column, at.column);
  }
  return extent;
}
