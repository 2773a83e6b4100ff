import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, cellText, isBlank } from "../read/raw-workbook.js";
import { COUNCIL_KPI_HEADERS } from "../schema/workbook-layout.js";
import { normaliseHeader } from "../text/closest.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { scanColumns, scanRows } from "./layout-checks.js";

const COUNCIL = new Map(COUNCIL_KPI_HEADERS.map((h) => [normaliseHeader(h), h] as const));
const WHERE = "the council records it in its own review of the month (reviews/YYYY-MM.xlsx)";

/** The columns of a return's KPI sheet whose header is one of the council's, by column number. */
export function councilColumns(sheet: RawSheet, headerRow = 1): Map<number, string> {
  const columns = new Map<number, string>();
  for (let c = 1; c <= scanColumns(sheet); c++) {
    const header = COUNCIL.get(normaliseHeader(cellText(cellAt(sheet, headerRow, c))));
    if (header) columns.set(c, header);
  }
  return columns;
}

/**
 * A return speaks only for the supplier. Anything under a council header (an older layout with
 * those columns filled, or a supplier filling one in) is an error naming its cell, and is never
 * read: only the council's review can verify, override or comment. An older layout's council
 * columns left empty are only worth a warning.
 */
export function checkCouncilFields(
  sheet: RawSheet,
  columns: ReadonlyMap<number, string>,
  firstDataRow = 2,
): Finding[] {
  const findings: Finding[] = [];
  for (const [column, header] of columns) {
    let filled = 0;
    for (let r = firstDataRow; r <= scanRows(sheet); r++) {
      const value = cellAt(sheet, r, column);
      if (isBlank(value)) continue;
      filled++;
      const cell = address(r, column);
      const text = cellText(value).slice(0, 60);
      const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
      findings.push(
        finding(
          "council-field-in-return",
          `${header} in ${cell} is filled in (${JSON.stringify(shown)}): only the council's review may say it, so it is not read.`,
          {
            sheet: sheet.name,
            cell,
            found: text,
            expected: `nothing: ${WHERE}`,
          },
        ),
      );
    }
    if (filled === 0) {
      const cell = address(firstDataRow - 1, column);
      findings.push(
        finding(
          "council-column-in-return",
          `Column ${JSON.stringify(header)} in ${cell} is from an older layout: ${header} is the council's, kept in its review; the column is empty and not read.`,
          {
            sheet: sheet.name,
            cell,
            found: header,
            expected: "the return's own columns only (kpi-report template writes them)",
          },
        ),
      );
    }
  }
  return findings;
}

/** An older return's "MSR comments" sheet: every comment in it is the council's, so each is refused. */
export function checkCouncilSheet(sheet: RawSheet): Finding[] {
  const wanted = normaliseHeader(COMMENT_HEADER);
  let column = DEFAULT_COMMENT_COLUMN;
  for (let c = 1; c <= scanColumns(sheet); c++)
    if (normaliseHeader(cellText(cellAt(sheet, 1, c))) === wanted) column = c;
  const findings = checkCouncilFields(sheet, new Map([[column, COMMENT_HEADER]]));
  if (findings.some((f) => f.severity === "error")) return findings;
  return [
    finding(
      "council-column-in-return",
      `Sheet ${JSON.stringify(sheet.name)} is from an older layout: MSR comments are the council's, kept in its review; the sheet holds none and is not read.`,
      {
        sheet: sheet.name,
        found: sheet.name,
        expected: "the return's own sheets only (kpi-report template writes them)",
      },
    ),
  ];
}

const COMMENT_HEADER = "Council comment";
/** Where older returns kept the comment: column D, after MSR, Requirement and Linked KPIs. */
const DEFAULT_COMMENT_COLUMN = 4;
