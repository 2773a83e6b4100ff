import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs.js";
import type { Contract } from "../schema/contract.js";
import { KPI_STATUSES, type Month, type MonthlyReturn, type ReturnKpi } from "../schema/return.js";
import { figuresNeeded } from "../schema/figures-needed.js";
import { targetInForce, targetList } from "../schema/target.js";
import { DETAIL_FIELDS, KPI_COLUMNS, SHEETS, type KpiColumnKey } from "../schema/workbook-layout.js";
import { instructionLines } from "./template-instructions.js";
import { addContractCopy } from "./contract-copy.js";
import {
  addInstructionSheet,
  fitRowHeight,
  list,
  ONE_PAGE_WIDE,
  PRINT_SETUP,
  PROTECTION,
  styleHeader,
  unlock,
  validateColumn,
} from "./workbook-style.js";
import { stableZip } from "../zip/stable-zip.js";

/**
 * The supplier's monthly return as an .xlsx: a blank one for `template`, or one filled with
 * `values` (used to make the bundled data and test fixtures through the same code path). It
 * holds only what the supplier says: the council's word goes in its review (review-template.ts).
 */
export async function buildReturnWorkbook(
  contract: Contract,
  month: Month,
  values?: MonthlyReturn,
  created = new Date(Date.UTC(2000, 0, 1)),
  /** For `template`: the SHA-256 of contract.json, and a copy of the contract goes in, for validate anywhere. */
  carry?: { contractSha256: string },
): Promise<Buffer> {
  const workbook = new Workbook();
  // Fixed dates keep the file byte-for-byte the same for the same inputs.
  workbook.created = created;
  workbook.modified = created;
  workbook.creator = "kpi-report";
  workbook.title = `${contract.supplier} KPI return ${month}`;

  addInstructionSheet(workbook, SHEETS.instructions, instructionLines(contract, month, carry !== undefined));
  await addDetails(workbook, contract, month, values);
  await addKpis(workbook, contract, month, values);
  if (carry) addContractCopy(workbook, contract, carry.contractSha256);
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return Buffer.from(await stableZip(new Uint8Array(await workbook.xlsx.writeBuffer()), created));
}

async function addDetails(
  workbook: ExcelJS.Workbook,
  contract: Contract,
  month: Month,
  values?: MonthlyReturn,
): Promise<void> {
  const sheet = workbook.addWorksheet(SHEETS.details, { pageSetup: ONE_PAGE_WIDE });
  sheet.columns = [{ width: 16 }, { width: 52 }];
  const rows: [string, string | undefined, boolean][] = [
    [DETAIL_FIELDS.contract, contract.id, false],
    [DETAIL_FIELDS.month, month, false],
    [DETAIL_FIELDS.supplier, values?.supplier ?? contract.supplier, false],
    [DETAIL_FIELDS.preparedBy, values?.preparedBy, true],
    [DETAIL_FIELDS.compliments, values?.compliments, true],
  ];
  rows.forEach(([label, value, input], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    cell.numFmt = "@"; // keeps "2022-09" as text instead of Excel's date guess
    if (value !== undefined) cell.value = value;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (input) unlock(cell);
  });
  await sheet.protect("", PROTECTION);
}

async function addKpis(
  workbook: ExcelJS.Workbook,
  contract: Contract,
  month: Month,
  values?: MonthlyReturn,
): Promise<void> {
  const sheet = workbook.addWorksheet(SHEETS.kpis, {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
    pageSetup: PRINT_SETUP,
  });
  sheet.columns = KPI_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet.getRow(1));
  const byNumber = new Map(values?.kpis.map((row) => [row.kpi, row]));
  contract.kpis.forEach((kpi, i) => {
    const row = sheet.getRow(i + 2);
    const cellValues: Record<KpiColumnKey, ExcelJS.CellValue> = {
      kpi: kpi.number,
      serviceCriteria: kpi.serviceCriteria,
      description: kpi.description,
      target: kpi.targetText,
      figuresNeeded: figuresNeeded(targetInForce(kpi.target, month) ?? targetList(kpi.target).at(-1)!),
      ...rowInputs(byNumber.get(kpi.number)),
    };
    KPI_COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const value = cellValues[column.key];
      if (value !== undefined && value !== null) cell.value = value;
      cell.alignment = { wrapText: true, vertical: "top" };
      if (column.input) unlock(cell);
    });
    fitRowHeight(
      row,
      KPI_COLUMNS.map((c) => c.width),
    );
  });
  // A value or an average (1.8 days) takes decimals in Count; every other figure is a whole number.
  const decimal = contract.kpis.map((kpi) =>
    targetList(kpi.target).some((t) => t.kind === "value" || t.kind === "average"),
  );
  addValidations(sheet, { first: 2, last: contract.kpis.length + 1 }, decimal);
  await sheet.protect("", { ...PROTECTION, autoFilter: true });
}

function rowInputs(
  row: ReturnKpi | undefined,
): Record<
  Exclude<KpiColumnKey, "kpi" | "serviceCriteria" | "description" | "target" | "figuresNeeded">,
  ExcelJS.CellValue
> {
  return {
    status: row?.status ?? null,
    achieved: row?.achieved ?? null,
    total: row?.total ?? null,
    count: row?.count ?? null,
    percentage: row?.percentage ?? null,
    commentary: row?.commentary || null,
  };
}

/** Runs of consecutive rows alike, as [first, last, alike] (rows counted from `first`). */
function runs(flags: readonly boolean[], first: number): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  flags.forEach((flag, i) => {
    const last = out.at(-1);
    if (last && last[2] === flag) last[1] = first + i;
    else out.push([first + i, first + i, flag]);
  });
  return out;
}

function addValidations(
  sheet: ExcelJS.Worksheet,
  rows: { first: number; last: number },
  decimalCount: readonly boolean[],
): void {
  const column = (key: KpiColumnKey) => KPI_COLUMNS.findIndex((c) => c.key === key) + 1;
  validateColumn(sheet, column("status"), rows, {
    type: "list",
    allowBlank: true,
    formulae: list(KPI_STATUSES),
    showErrorMessage: true,
    errorTitle: "Status",
    error: `Choose one of: ${KPI_STATUSES.join(", ")}.`,
  });
  for (const [first, last, decimal] of runs(decimalCount, rows.first)) {
    if (!decimal) continue;
    validateColumn(
      sheet,
      column("count"),
      { first, last },
      {
        type: "decimal",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: "Figure",
        error: "Type the figure, 0 or more, e.g. 1.8.",
      },
    );
  }
  for (const key of ["achieved", "total", "count"] as const) {
    const ranges =
      key === "count"
        ? runs(decimalCount, rows.first)
            .filter(([, , decimal]) => !decimal)
            .map(([first, last]) => ({ first, last }))
        : [rows];
    for (const range of ranges)
      validateColumn(sheet, column(key), range, {
        type: "whole",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: "Whole number",
        error: "Type a whole number, 0 or more.",
      });
  }
  validateColumn(sheet, column("percentage"), rows, {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [0, 100],
    showErrorMessage: true,
    errorTitle: "Percentage",
    error: "Type a number from 0 to 100, e.g. 95.2 for 95.2%.",
  });
}
