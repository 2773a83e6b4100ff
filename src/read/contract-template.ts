import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs.js";
import type { Contract } from "../schema/contract.js";
import {
  BAND_WORDS,
  COMPARISON_WORDS,
  CONTRACT_FIELDS,
  CONTRACT_KPI_COLUMNS,
  CONTRACT_MSR_COLUMNS,
  CONTRACT_SHEETS,
  type FieldRow,
  type KpiColumnKey,
  LABEL_FIELDS,
  MONTH_NAMES,
  NONE_WORD,
  YES_NO,
} from "../schema/contract-workbook-layout.js";
import {
  addInstructionSheet,
  list,
  ONE_PAGE_WIDE,
  PRINT_SETUP,
  styleHeader,
  validateColumn,
} from "./workbook-style.js";
import { stableZip } from "../zip/stable-zip.js";

/** Rows given lists and checks in a blank workbook: more than any contract has KPIs. */
const INPUT_ROWS = 200;

/**
 * The contract workbook: blank for `init --contract-workbook`, or filled from a contract (so the
 * round trip contract -> workbook -> contract is tested, and an officer can start from one).
 */
export async function buildContractWorkbook(
  contract?: Contract,
  created = new Date(Date.UTC(2000, 0, 1)),
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.created = created;
  workbook.modified = created;
  workbook.creator = "kpi-report";
  workbook.title = contract ? `${contract.title}: contract` : "kpi-report contract";
  addInstructionSheet(workbook, CONTRACT_SHEETS.instructions, INSTRUCTIONS);

  fieldSheet(workbook, CONTRACT_SHEETS.contract, CONTRACT_FIELDS, contract);
  fieldSheet(workbook, CONTRACT_SHEETS.labels, LABEL_FIELDS, contract);

  const kpis = workbook.addWorksheet(CONTRACT_SHEETS.kpis, {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
    pageSetup: PRINT_SETUP,
  });
  kpis.columns = CONTRACT_KPI_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  headerNotes(kpis.getRow(1), CONTRACT_KPI_COLUMNS);
  let row = 2;
  for (const kpi of contract?.kpis ?? []) {
    const targets = (Array.isArray(kpi.target) ? kpi.target : [kpi.target]) as Record<string, unknown>[];
    targets.forEach((target, i) => {
      const values: Partial<Record<KpiColumnKey, ExcelJS.CellValue>> = {
        number: kpi.number,
        ...targetCells(target),
      };
      if (i > 0 && typeof target.text === "string") values.targetText = target.text;
      if (i === 0)
        Object.assign(values, {
          serviceCriteria: kpi.serviceCriteria,
          description: kpi.description,
          shortName: kpi.shortName,
          rank: kpi.rank,
          frequency: kpi.frequency,
          targetText: kpi.targetText,
          targetSource: kpi.targetSource,
        });
      CONTRACT_KPI_COLUMNS.forEach((column, c) => {
        const value = values[column.key];
        if (value !== undefined) kpis.getRow(row).getCell(c + 1).value = value;
      });
      row++;
    });
  }
  const rows = { first: 2, last: Math.max(row, INPUT_ROWS) };
  const column = (key: KpiColumnKey) => CONTRACT_KPI_COLUMNS.findIndex((c) => c.key === key) + 1;
  const choose = (key: KpiColumnKey, title: string, items: readonly string[]) =>
    validateColumn(kpis, column(key), rows, {
      type: "list",
      allowBlank: true,
      formulae: list(items),
      showErrorMessage: true,
      errorTitle: title,
      error: `Choose one of: ${items.join(", ")}.`,
    });
  choose("frequency", "Frequency", ["monthly", "quarterly", "annual", "cumulative-in-year"]);
  choose("kind", "Kind of target", ["percentage", "count", "value", "average", "report"]);
  choose("comparison", "Comparison", Object.keys(COMPARISON_WORDS));
  choose("bands", "Bands", Object.keys(BAND_WORDS));
  choose("amberIfImproved", "Amber if improved", YES_NO);
  // Text, so Excel keeps a typed 2024-04 as the month it is rather than making it a date.
  for (let r = rows.first; r <= rows.last; r++) kpis.getRow(r).getCell(column("from")).numFmt = "@";

  const msrs = workbook.addWorksheet(CONTRACT_SHEETS.msrs, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: PRINT_SETUP,
  });
  msrs.columns = CONTRACT_MSR_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  headerNotes(msrs.getRow(1), CONTRACT_MSR_COLUMNS);
  (contract?.msrs ?? []).forEach((msr, i) => {
    const r = msrs.getRow(i + 2);
    r.getCell(1).value = msr.number;
    r.getCell(2).value = msr.text;
    r.getCell(2).alignment = { wrapText: true, vertical: "top" };
    if (msr.linkedKpis.length) r.getCell(3).value = msr.linkedKpis.join(", ");
  });
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return Buffer.from(await stableZip(new Uint8Array(await workbook.xlsx.writeBuffer()), created));
}

/** A label-and-value sheet: each field's label, its value from `contract` when it has one, and its help. */
function fieldSheet(
  workbook: InstanceType<typeof Workbook>,
  name: string,
  fields: readonly FieldRow[],
  contract: Contract | undefined,
): void {
  const sheet = workbook.addWorksheet(name, { pageSetup: ONE_PAGE_WIDE });
  sheet.columns = [{ width: 16 }, { width: 46 }, { width: 40 }];
  fields.forEach((field, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = field.label;
    row.getCell(1).font = { bold: true };
    // Text, so Excel keeps a typed 2021-04 as the month it is rather than making it a date.
    if (field.read === "month") row.getCell(2).numFmt = "@";
    const value = cellOf(contract, field);
    if (value !== undefined) row.getCell(2).value = value;
    row.getCell(3).value = field.help;
    row.getCell(3).font = { italic: true, color: { argb: "FF595959" } };
  });
}

/** A field's value in the contract as its cell shows it: the inverse of read/contract-workbook.ts's fieldValue. */
function cellOf(contract: Contract | undefined, field: FieldRow): string | number | undefined {
  const [key, inner] = field.path;
  const outer = (contract as Record<string, unknown> | undefined)?.[key];
  const value = inner === undefined ? outer : (outer as Record<string, unknown> | undefined)?.[inner];
  if (value === undefined) return undefined;
  if (value === false) return NONE_WORD;
  if (field.read === "month-of-year") return MONTH_NAMES[(value as number) - 1];
  if (field.read === "months-of-year") return (value as number[]).map((m) => MONTH_NAMES[m - 1]).join(", ");
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}

function headerNotes(row: ExcelJS.Row, columns: readonly { help: string }[]): void {
  styleHeader(row);
  columns.forEach((c, i) => {
    row.getCell(i + 1).note = c.help;
  });
}

/** A target's keys as the workbook's cells: the inverse of read/contract-workbook.ts. */
function targetCells(target: Record<string, unknown>): Partial<Record<KpiColumnKey, ExcelJS.CellValue>> {
  const cells: Partial<Record<KpiColumnKey, ExcelJS.CellValue>> = { kind: String(target.kind) };
  const words = Object.entries(COMPARISON_WORDS) as [string, string][];
  for (const [word, key] of [...words, ["fewer than", "below"] as [string, string]]) {
    const value = target[key];
    if (value === undefined) continue;
    cells.comparison = word;
    if (Array.isArray(value)) [cells.target, cells.upper] = value as number[];
    else cells.target = value as number;
  }
  for (const key of ["unit", "decimals", "reportedAtLeast", "everyMonths", "from"] as const)
    if (target[key] !== undefined) cells[key] = target[key] as ExcelJS.CellValue;
  const bands = target.bands as
    | { kind: string; tolerance?: { relative?: number; absolute?: number }; amberIfImproved?: boolean }
    | undefined;
  if (bands) {
    cells.bands = Object.entries(BAND_WORDS).find(([, kind]) => kind === bands.kind)?.[0] ?? bands.kind;
    if (bands.tolerance?.relative !== undefined) cells.tolerance = `${bands.tolerance.relative}%`;
    if (bands.tolerance?.absolute !== undefined) cells.tolerance = bands.tolerance.absolute;
    // Only a yes is written: no is the default, which a contract that never said it reads back as.
    if (bands.amberIfImproved) cells.amberIfImproved = "yes";
  }
  return cells;
}

const INSTRUCTIONS = [
  { text: "The contract, for kpi-report", heading: true },
  {
    text: "Fill this workbook instead of writing contract.json by hand; then run: kpi-report contract THIS-FILE.xlsx. It checks every cell and writes contract.json into the data folder, or lists each problem by its sheet and cell.",
  },
  { text: "" },
  { text: "The sheets", heading: true },
  {
    text: `${CONTRACT_SHEETS.contract}: the contract's id, title, council, supplier and committee, one per row; then, if it has them, its first and last months and its year's start and quarter ends.`,
  },
  {
    text: `${CONTRACT_SHEETS.labels}: optional. What the appendices call their parts, where your contract words them otherwise; a blank keeps the default each row names.`,
  },
  {
    text: `${CONTRACT_SHEETS.kpis}: one row per KPI. Each column header has a note saying what goes in it; Frequency, Kind of target, Comparison, Bands and Amber if improved offer lists.`,
  },
  {
    text: `${CONTRACT_SHEETS.msrs}: one row per Minimum Service Requirement, with the KPIs that evidence it. Leave the sheet empty, or delete it, for a contract without MSRs.`,
  },
  { text: "" },
  { text: "Targets", heading: true },
  {
    text: "A percentage: Kind percentage, Comparison at least (higher is better) or at most (lower is better), Target 98 or 98%.",
  },
  {
    text: "A count: Kind count, Comparison fewer than, Target 5. Average days: Kind average, Comparison at most, Target 5, Unit days, Decimals 1.",
  },
  { text: "A report delivered: Kind report, Report every (months) 3." },
  {
    text: "Red, amber, green: Bands red / amber / green and a Tolerance: 5% is within 5% of the target, 0.5 is within 0.5 in its unit.",
  },
  {
    text: "A target that changes: a second row with the same KPI, only the target columns and Target from (YYYY-MM).",
  },
];
