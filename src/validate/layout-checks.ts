import type { RawSheet } from "../read/raw-workbook.js";
import { cellAt, columnLetter, isBlank } from "../read/raw-workbook.js";
import { LIMITS } from "../read/limits.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";

/** The rows and columns the validator scans: what the sheet holds, up to the limits. */
export function scanRows(sheet: RawSheet): number {
  return Math.min(sheet.rowCount, LIMITS.maxRows);
}
export function scanColumns(sheet: RawSheet): number {
  return Math.min(sheet.columnCount, LIMITS.maxColumns);
}

/**
 * Whole-sheet problems: data beyond what is scanned, and data a reader of the sheet cannot see.
 * Hidden data is read all the same, so it is a warning: the officer should know the figures
 * include something they did not see. Only data rows count (a hidden column with just its
 * header is nothing to report).
 */
export function checkLayout(sheet: RawSheet, firstDataRow: number): Finding[] {
  const findings: Finding[] = [];
  if (sheet.rowCount > LIMITS.maxRows) {
    findings.push(
      finding(
        "limit-rows",
        `Sheet ${JSON.stringify(sheet.name)} has data down to row ${sheet.rowCount}; only the first ${LIMITS.maxRows} rows are read.`,
        {
          sheet: sheet.name,
          cell: `${LIMITS.maxRows + 1}:${sheet.rowCount}`,
          found: `data in row ${sheet.rowCount}`,
          expected: `nothing below row ${LIMITS.maxRows}`,
        },
      ),
    );
  }
  if (sheet.columnCount > LIMITS.maxColumns) {
    const last = columnLetter(sheet.columnCount);
    findings.push(
      finding(
        "limit-columns",
        `Sheet ${JSON.stringify(sheet.name)} has data as far right as column ${last}; only columns A to ${columnLetter(LIMITS.maxColumns)} are read.`,
        {
          sheet: sheet.name,
          cell: `${columnLetter(LIMITS.maxColumns + 1)}:${last}`,
          found: `data in column ${last}`,
          expected: `nothing right of column ${columnLetter(LIMITS.maxColumns)}`,
        },
      ),
    );
  }
  if (sheet.hidden) {
    findings.push(
      finding("hidden-data", `Sheet ${JSON.stringify(sheet.name)} is hidden; it is read all the same.`, {
        sheet: sheet.name,
        found: "a hidden sheet",
        expected: "the sheet visible",
      }),
    );
  }
  const rows = scanRows(sheet);
  const columns = scanColumns(sheet);
  for (const row of [...sheet.hiddenRows].sort((a, b) => a - b)) {
    if (row < firstDataRow || row > rows) continue;
    const column = firstFilled(columns, (c) => cellAt(sheet, row, c));
    if (column === undefined) continue;
    findings.push(
      finding(
        "hidden-data",
        `Row ${row} is hidden but holds data (e.g. ${columnLetter(column)}${row}); it is read all the same.`,
        {
          sheet: sheet.name,
          cell: `${row}:${row}`,
          found: "a hidden row with data",
          expected: "no hidden rows",
        },
      ),
    );
  }
  for (const column of [...sheet.hiddenColumns].sort((a, b) => a - b)) {
    if (column > columns) continue;
    const row = firstFilled(rows, (r) => (r < firstDataRow ? { type: "empty" } : cellAt(sheet, r, column)));
    if (row === undefined) continue;
    const letter = columnLetter(column);
    findings.push(
      finding(
        "hidden-data",
        `Column ${letter} is hidden but holds data (e.g. ${letter}${row}); it is read all the same.`,
        {
          sheet: sheet.name,
          cell: `${letter}:${letter}`,
          found: "a hidden column with data",
          expected: "no hidden columns",
        },
      ),
    );
  }
  return findings;
}

/** The first index from 1 to `count` whose cell is not blank. */
function firstFilled(count: number, at: (i: number) => ReturnType<typeof cellAt>): number | undefined {
  for (let i = 1; i <= count; i++) if (!isBlank(at(i))) return i;
  return undefined;
}
