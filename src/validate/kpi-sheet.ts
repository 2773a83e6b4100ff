import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, isBlank } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import type { ReturnKpi } from "../schema/return.js";
import { KPI_COLUMNS, type KpiColumnKey } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { parseNumber } from "./cells.js";
import { mapHeaders } from "./header-map.js";
import { checkRow, type RowCells } from "./kpi-row.js";

const INPUT_ONLY: ReadonlySet<KpiColumnKey> = new Set(["serviceCriteria", "description", "target", "verificationNote", "overrideOutcome", "overrideReason", "verified"]);

/** The "KPIs" sheet: one row per KPI, found by its KPI number, whatever the row order. */
export function readKpiSheet(sheet: RawSheet, contract: Contract): { rows: ReturnKpi[]; findings: Finding[] } {
  const headers = mapHeaders(
    sheet,
    KPI_COLUMNS.map((c) => ({ key: c.key, header: c.header, required: !INPUT_ONLY.has(c.key) })),
  );
  const findings = [...headers.findings];
  const kpiColumn = headers.columns.get("kpi");
  if (kpiColumn === undefined) return { rows: [], findings };

  const known = new Set(contract.kpis.map((k) => k.number));
  const seen = new Map<number, string>();
  const rows: ReturnKpi[] = [];
  const blankRows: number[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const rowIsBlank = [...headers.columns.values()].every((c) => isBlank(cellAt(sheet, r, c)));
    if (rowIsBlank) {
      blankRows.push(r);
      continue;
    }
    const cell = address(r, kpiColumn);
    const place = { sheet: sheet.name, cell, label: "KPI" };
    const number = parseNumber(cellAt(sheet, r, kpiColumn), place, { whole: true });
    if (number.findings.length || number.value === undefined) {
      findings.push(
        ...(number.findings.length
          ? number.findings.map((f) => ({ ...f, code: "kpi-number-invalid", severity: "error" as const }))
          : [finding("kpi-number-invalid", `Row ${r} has figures but no KPI number in ${cell}.`, { ...place, found: "nothing", expected: "the KPI number" })]),
      );
      continue;
    }
    if (!known.has(number.value)) {
      findings.push(
        finding("kpi-unknown", `KPI ${number.value} in ${cell} is not in the contract.`, {
          ...place, found: String(number.value), expected: `a KPI from 1 to ${Math.max(...known)}`,
        }),
      );
      continue;
    }
    const first = seen.get(number.value);
    if (first) {
      findings.push(
        finding("kpi-duplicated", `KPI ${number.value} has a second row at ${cell} (first at ${first}).`, {
          ...place, found: `KPI ${number.value} twice`, expected: "one row per KPI",
        }),
      );
      continue;
    }
    seen.set(number.value, cell);
    // Blank rows before this one sat between KPI rows: worth a warning, since data may have been lost.
    for (const blank of blankRows) {
      findings.push(finding("row-blank", `Row ${blank} is blank between KPI rows.`, { sheet: sheet.name, cell: `${blank}:${blank}`, expected: "no gaps between KPI rows" }));
    }
    blankRows.length = 0;
    const cells: RowCells = (key) => {
      const column = headers.columns.get(key);
      return column === undefined ? { value: { type: "empty" }, cell: undefined } : { value: cellAt(sheet, r, column), cell: address(r, column) };
    };
    const checked = checkRow(sheet.name, number.value, cells);
    findings.push(...checked.findings);
    if (checked.row) rows.push(checked.row);
  }
  for (const kpi of contract.kpis) {
    if (seen.has(kpi.number)) continue;
    findings.push(
      finding("kpi-missing", `KPI ${kpi.number} (${kpi.shortName}) has no row.`, {
        sheet: sheet.name, cell: `A:A`, found: "no row", expected: `a row with ${kpi.number} in the KPI column`,
      }),
    );
  }
  return { rows, findings };
}
