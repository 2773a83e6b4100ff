import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, cellText } from "../read/raw-workbook.js";
import type { MonthlyReturn, ReturnKpi } from "../schema/return.js";
import { REVIEW_KPI_COLUMNS } from "../schema/workbook-layout.js";
import { normaliseHeader } from "../text/closest.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { IdColumn } from "./id-cell.js";
import type { Id } from "../schema/id.js";
import { scanRows } from "./layout-checks.js";

/** The supplier's figures as the review shows them: each with its column's name, nothing recomputed. */
export function supplierFiguresText(row: ReturnKpi): string {
  const parts = [
    row.achieved === undefined ? "" : `Achieved ${row.achieved}`,
    row.total === undefined ? "" : `Out of ${row.total}`,
    row.count === undefined ? "" : `Count ${row.count}`,
    row.percentage === undefined ? "" : `Percentage ${row.percentage}`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "None";
}

const header = (key: string) => normaliseHeader(REVIEW_KPI_COLUMNS.find((c) => c.key === key)!.header);

/**
 * A review shows the return it was made from (status and figures, locked). When the return filed
 * now says otherwise (replaced with `add --replace` after the review was made), the council's
 * verification and overrides may be about figures that are no longer there: one warning, at the
 * first cell that differs, naming every KPI that does.
 */
export function checkAgainstReturn(sheet: RawSheet, supplierReturn: MonthlyReturn): Finding[] {
  const columns = new Map<string, number>();
  for (let c = 1; c <= sheet.columnCount; c++) columns.set(normaliseHeader(cellText(cellAt(sheet, 1, c))), c);
  const [kpi, status, figures] = [
    columns.get(header("kpi")),
    columns.get(header("supplierStatus")),
    columns.get(header("supplierFigures")),
  ];
  if (kpi === undefined || status === undefined || figures === undefined) return [];
  const rows = new Map(supplierReturn.kpis.map((r) => [r.kpi, r]));
  const ids = new IdColumn("KPI", [...rows.keys()]);
  const changed: { kpi: Id; cell: string; shown: string; now: string }[] = [];
  for (let r = 2; r <= scanRows(sheet); r++) {
    const typed = ids.read(cellText(cellAt(sheet, r, kpi)));
    const number = "id" in typed ? typed.id : undefined;
    const row = number === undefined ? undefined : rows.get(number);
    if (number === undefined || !row) continue;
    const shownStatus = cellText(cellAt(sheet, r, status));
    const shownFigures = cellText(cellAt(sheet, r, figures));
    if (shownStatus !== row.status)
      changed.push({ kpi: number, cell: address(r, status), shown: shownStatus, now: row.status });
    else if (shownFigures !== supplierFiguresText(row))
      changed.push({
        kpi: number,
        cell: address(r, figures),
        shown: shownFigures,
        now: supplierFiguresText(row),
      });
  }
  if (changed.length === 0) return [];
  const first = changed[0]!;
  return [
    finding(
      "review-return-changed",
      `The review was made from another version of the return: it shows ${changed.length === 1 ? "KPI" : "KPIs"} ${changed.map((c) => c.kpi).join(", ")} as the return no longer says (KPI ${first.kpi}: ${JSON.stringify(first.shown)}, now ${JSON.stringify(first.now)}).`,
      {
        sheet: sheet.name,
        cell: first.cell,
        found: first.shown,
        expected: first.now,
      },
    ),
  ];
}
