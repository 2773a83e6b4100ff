import type { Contract, Kpi } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { monthLabel, shortMonthLabel } from "../evaluate/index.js";
import { cell, para, type Block, type Column, type Table } from "./document.js";
import { kpiMonthCell, NO_RETURN, NOT_APPLICABLE } from "./kpi-cells.js";
import { PAGE } from "./page.js";

/** Beyond this many months a table part would shrink text below 8 pt, so the schedule continues in another part. */
export const MONTHS_PER_PART = 4;

const KEY_COLUMNS: Column[] = [
  { header: "Service Criteria", width: 70 },
  // Wide enough for "Compliments", the row header of the last row, in bold without breaking the word.
  { header: "KPI Number", width: 58 },
  { header: "KPI", width: 128 },
  { header: "Rank", width: 32 },
];
const TARGET_COLUMN: Column = { header: "Service Required", width: 62 };

export interface ScheduleInput {
  contract: Contract;
  /** The months shown, oldest first; the last is the reporting month. */
  months: readonly Month[];
  results: ReadonlyMap<Month, MonthResults>;
}

/** Appendix 1: the KPI schedule, one column a month, split into parts of at most MONTHS_PER_PART months. */
export function scheduleBlocks(input: ScheduleInput): Block[] {
  const parts: Month[][] = [];
  for (let i = 0; i < input.months.length; i += MONTHS_PER_PART) parts.push(input.months.slice(i, i + MONTHS_PER_PART));
  return parts.map((months, i) => ({ type: "table", table: partTable(input, months, i, parts.length) }));
}

function partTable(input: ScheduleInput, months: Month[], index: number, count: number): Table {
  const reporting = input.months[input.months.length - 1];
  const fixed = [...KEY_COLUMNS, TARGET_COLUMN].reduce((sum, c) => sum + c.width, 0);
  // Months share what the key columns leave, as if every part were full, so every part's columns line up.
  const monthWidth = (PAGE.contentWidth - fixed) / Math.min(MONTHS_PER_PART, input.months.length);
  const columns: Column[] = [...KEY_COLUMNS, ...months.map((m) => ({ header: monthLabel(m), width: monthWidth })), TARGET_COLUMN];
  const range = months.length === 1 ? monthLabel(months[0]!) : `${shortMonthLabel(months[0]!)} to ${shortMonthLabel(months[months.length - 1]!)}`;
  const rows = input.contract.kpis.map((kpi) => ({ cells: kpiRow(kpi, months, input, reporting) }));
  rows.push({ cells: complimentsRow(months, input) });
  return {
    caption: `KPI schedule, ${range}${count > 1 ? ` (part ${index + 1} of ${count})` : ""}`,
    columns,
    rows,
  };
}

function kpiRow(kpi: Kpi, months: Month[], input: ScheduleInput, reporting: Month | undefined) {
  return [
    cell([para(kpi.serviceCriteria)]),
    cell([para(String(kpi.number), "strong")], { rowHeader: true }),
    cell([para(kpi.description)]),
    cell([para(String(kpi.rank))]),
    ...months.map((month) => {
      const result = input.results.get(month)?.kpis.find((k) => k.number === kpi.number);
      return kpiMonthCell(result, month === reporting);
    }),
    cell([para(kpi.targetText)]),
  ];
}

function complimentsRow(months: Month[], input: ScheduleInput) {
  return [
    cell([para("Compliments")]),
    cell([para("Compliments", "strong")], { rowHeader: true }),
    cell([para("Compliments received this month")]),
    cell([para("Not ranked", "note")]),
    ...months.map((month) => {
      const results = input.results.get(month);
      if (!results) return cell([para(NO_RETURN, "note")]);
      const text = results.compliments?.trim();
      return cell([para(text ? text : "None recorded", text ? "body" : "note")]);
    }),
    cell([para(NOT_APPLICABLE, "note")]),
  ];
}
