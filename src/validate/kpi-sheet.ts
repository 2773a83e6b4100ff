import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, cellText, columnLetter, isBlank } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import type { ReturnKpi } from "../schema/return.js";
import { KPI_COLUMNS, type KpiColumnKey } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { mapHeaders } from "./header-map.js";
import { checkRow, type RowCells } from "./kpi-row.js";
import { checkLayout, scanRows } from "./layout-checks.js";
import { checkMerges } from "./merges.js";
import { checkCouncilFields, councilColumns } from "./council-fields.js";
import { IdColumn } from "./id-cell.js";
import type { Id } from "../schema/id.js";

/** Columns copied from the contract for the reader's benefit: never read back, so they may go. */
const REFERENCE: ReadonlySet<KpiColumnKey> = new Set([
  "serviceCriteria",
  "description",
  "target",
  "figuresNeeded",
]);
const HEADER = new Map<KpiColumnKey, string>(KPI_COLUMNS.map((c) => [c.key, c.header]));

/** The "KPIs" sheet: one row per KPI, found by its KPI number, whatever the row order. */
export function readKpiSheet(
  sheet: RawSheet,
  contract: Contract,
): { rows: ReturnKpi[]; findings: Finding[] } {
  const council = councilColumns(sheet);
  // A council column is reported as the council's (checkCouncilFields), not as a column the return does not know.
  const headers = mapHeaders(
    sheet,
    KPI_COLUMNS.map((c) => ({ key: c.key, header: c.header, required: !REFERENCE.has(c.key) })),
    1,
    new Set(council.keys()),
  );
  const findings = [...checkLayout(sheet, 2), ...headers.findings, ...checkCouncilFields(sheet, council)];
  const read = new Map(
    [...headers.columns].filter(([key]) => !REFERENCE.has(key)).map(([key, c]) => [c, HEADER.get(key)!]),
  );
  findings.push(...checkMerges(sheet, new Set(read.keys()), 2, (c) => read.get(c) ?? columnLetter(c)));
  const kpiColumn = headers.columns.get("kpi");
  if (kpiColumn === undefined) return { rows: [], findings };

  const ids = new IdColumn(
    "KPI",
    contract.kpis.map((k) => k.number),
  );
  const seen = new Map<Id, string>();
  const rows: ReturnKpi[] = [];
  let blankRows: number[] = [];
  for (let r = 2; r <= scanRows(sheet); r++) {
    if ([...read.keys()].every((c) => isBlank(cellAt(sheet, r, c)))) {
      blankRows.push(r);
      continue;
    }
    const cell = address(r, kpiColumn);
    const typed = ids.read(cellText(cellAt(sheet, r, kpiColumn)));
    const place = { sheet: sheet.name, cell };
    if ("invalid" in typed) {
      findings.push(invalidKpiNumber(r, cell, sheet.name, cellText(cellAt(sheet, r, kpiColumn)), ids));
      continue;
    }
    if ("unknown" in typed) {
      findings.push(unknownKpi(typed.unknown, place, ids));
      continue;
    }
    const number = typed.id;
    const first = seen.get(number);
    if (first) {
      findings.push(
        finding(
          "kpi-duplicated",
          `KPI ${number} has a second row at ${cell} (first at ${first}); only the first is read.`,
          { ...place, found: `KPI ${number} twice`, expected: "one row per KPI" },
        ),
      );
      continue;
    }
    seen.set(number, cell);
    // Blank rows before this one sat between KPI rows: worth a warning, since data may have been lost.
    for (const blank of blankRows) {
      findings.push(
        finding("row-blank", `Row ${blank} is blank between KPI rows.`, {
          sheet: sheet.name,
          cell: `${blank}:${blank}`,
          found: "a blank row",
          expected: "no gaps between KPI rows",
        }),
      );
    }
    blankRows = [];
    const cells: RowCells = (key) => {
      const column = headers.columns.get(key);
      return column === undefined
        ? { value: { type: "empty" }, cell: undefined }
        : { value: cellAt(sheet, r, column), cell: address(r, column) };
    };
    const checked = checkRow(
      sheet.name,
      number,
      contract.kpis.find((k) => k.number === number)!.target,
      cells,
    );
    findings.push(...checked.findings);
    if (checked.row) rows.push(checked.row);
  }
  const letter = columnLetter(kpiColumn);
  for (const kpi of contract.kpis) {
    if (seen.has(kpi.number)) continue;
    findings.push(
      finding("kpi-missing", `KPI ${kpi.number} (${kpi.shortName}) has no row.`, {
        sheet: sheet.name,
        cell: `${letter}:${letter}`,
        found: "no row",
        expected: `a row with ${kpi.number} in the KPI column`,
      }),
    );
  }
  return { rows, findings };
}

export function unknownKpi(typed: string, place: { sheet: string; cell: string }, ids: IdColumn): Finding {
  return finding("kpi-unknown", `KPI ${typed} in ${place.cell} is not in the contract.`, {
    ...place,
    found: typed,
    expected: ids.range(),
  });
}

export function invalidKpiNumber(
  row: number,
  cell: string,
  sheet: string,
  text: string,
  ids: IdColumn,
): Finding {
  if (text === "") {
    return finding("kpi-number-invalid", `Row ${row} has figures but no KPI number in ${cell}.`, {
      sheet,
      cell,
      found: "nothing",
      expected: "the KPI number",
    });
  }
  const digits = /\d+/.exec(text)?.[0];
  const meant = digits && text.length <= 20 ? ids.read(digits) : undefined;
  const hint = meant && "id" in meant ? `; did you mean ${meant.id}?` : ".";
  return finding(
    "kpi-number-invalid",
    `${cell} should hold a KPI number but holds ${JSON.stringify(text.slice(0, 60))}${hint}`,
    { sheet, cell, found: text.slice(0, 60), expected: `the KPI number alone, e.g. ${ids.example()}` },
  );
}
