import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, isBlank } from "../read/raw-workbook.js";
import { LIMITS } from "../read/workbook.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";

/** Whole-sheet problems: too big to be a return, merged cells, data a reader cannot see. */
export function checkLayout(sheet: RawSheet): Finding[] {
  const findings: Finding[] = [];
  if (sheet.rowCount > LIMITS.maxRows) {
    findings.push(finding("limit-rows", `Sheet ${JSON.stringify(sheet.name)} has ${sheet.rowCount} rows; only the first ${LIMITS.maxRows} were read.`, { sheet: sheet.name, found: `${sheet.rowCount} rows`, expected: `at most ${LIMITS.maxRows}` }));
  }
  if (sheet.columnCount > LIMITS.maxColumns) {
    findings.push(finding("limit-columns", `Sheet ${JSON.stringify(sheet.name)} has ${sheet.columnCount} columns; only the first ${LIMITS.maxColumns} were read.`, { sheet: sheet.name, found: `${sheet.columnCount} columns`, expected: `at most ${LIMITS.maxColumns}` }));
  }
  for (const range of sheet.merges) {
    findings.push(finding("merged-cells", `Cells ${range} are merged; each KPI needs its own cells.`, { sheet: sheet.name, cell: range, found: `merged ${range}`, expected: "no merged cells: unmerge them and fill each cell" }));
  }
  for (const row of sheet.hiddenRows) {
    if (row > sheet.rowCount) continue;
    const hasData = Array.from({ length: sheet.columnCount }, (_, i) => cellAt(sheet, row, i + 1)).some((v) => !isBlank(v));
    if (hasData) findings.push(finding("hidden-data", `Row ${row} is hidden but holds data; it is read all the same.`, { sheet: sheet.name, cell: `${row}:${row}`, found: "a hidden row with data", expected: "no hidden rows" }));
  }
  for (const column of sheet.hiddenColumns) {
    if (column > sheet.columnCount) continue;
    const hasData = Array.from({ length: sheet.rowCount }, (_, i) => cellAt(sheet, i + 1, column)).some((v) => !isBlank(v));
    const letter = address(1, column).replace(/\d+$/, "");
    if (hasData) findings.push(finding("hidden-data", `Column ${letter} is hidden but holds data; it is read all the same.`, { sheet: sheet.name, cell: `${letter}:${letter}`, found: "a hidden column with data", expected: "no hidden columns" }));
  }
  return findings;
}
