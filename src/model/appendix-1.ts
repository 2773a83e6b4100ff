import { notDueUntil, targetTextIn } from "../evaluate/index.js";
import type { Contract, Kpi } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { monthLabel } from "../words/index.js";
import {
  COMPLIMENTS,
  kpiRowLabel,
  partHeading,
  SCHEDULE_HEADERS,
  scheduleCaption,
  scheduleDescription,
} from "../words/appendix-1.js";
import { NOT_RANKED, type ReportLabels, reportLabels } from "../words/labels.js";
import { CONTINUED_CELL, cell, continued, para, type Block, type Column, type Table } from "./document.js";
import { kpiMonthCell, type NotDue } from "./kpi-cells.js";
import { NO_RETURN, NOT_APPLICABLE } from "../words/outcomes.js";
import { PAGE } from "./page.js";

/** Beyond this many months a table part would shrink text below 8 pt, so the schedule continues in another part. */
export const MONTHS_PER_PART = 4;

/**
 * The key columns as narrow as their words allow, so the months, where the commentary is, get the
 * width: the months' lines are most of the schedule's height.
 */
function keyColumns(labels: ReportLabels): Column[] {
  return [
    { header: SCHEDULE_HEADERS.serviceCriteria, width: 60 },
    // Numbers only: the compliments row, which has none, is headed in the first column.
    { header: SCHEDULE_HEADERS.kpiNumber, width: 40 },
    { header: SCHEDULE_HEADERS.kpi, width: 104 },
    ...(labels.rank !== undefined ? [{ header: labels.rank, width: 30 }] : []),
  ];
}
const TARGET_COLUMN: Column = { header: SCHEDULE_HEADERS.target, width: 46 };

export interface ScheduleInput {
  contract: Contract;
  /** The months shown, oldest first; the last is the reporting month. */
  months: readonly Month[];
  results: ReadonlyMap<Month, MonthResults>;
}

/**
 * Appendix 1: the KPI schedule, one column a month, split into parts of at most MONTHS_PER_PART
 * months. The parts are cut back from the reporting month and the newest comes first: the month the
 * committee meets about is on the appendix's first page, beside the month it is compared with and
 * the target, and each later part goes further back. Within a part the months run oldest to newest,
 * so every part reads left to right in time; only the oldest part can be short.
 */
export function scheduleBlocks(input: ScheduleInput): Block[] {
  const parts: Month[][] = [];
  for (let end = input.months.length; end > 0; end -= MONTHS_PER_PART)
    parts.push(input.months.slice(Math.max(0, end - MONTHS_PER_PART), end));
  return parts.flatMap((months, i): Block[] => [
    { type: "heading", level: 2, text: partHeading(months, i, parts.length) },
    { type: "table", table: partTable(input, months, i, parts.length) },
  ]);
}

function partTable(input: ScheduleInput, months: Month[], index: number, count: number): Table {
  const reporting = input.months[input.months.length - 1];
  const labels = reportLabels(input.contract);
  const keys = keyColumns(labels);
  const fixed = [...keys, TARGET_COLUMN].reduce((sum, c) => sum + c.width, 0);
  // Months share what the key columns leave, as if every part were full, so every part's columns line up.
  const monthWidth = (PAGE.contentWidth - fixed) / Math.min(MONTHS_PER_PART, input.months.length);
  const columns: Column[] = [
    ...keys,
    ...months.map((m) => ({ header: monthLabel(m), width: monthWidth })),
    TARGET_COLUMN,
  ];
  const rows = input.contract.kpis.map((kpi) => ({
    cells: kpiRow(kpi, months, input, reporting, labels),
    continued: continued(kpiRowLabel(kpi.number)),
  }));
  if (labels.compliments !== undefined)
    rows.push({
      cells: complimentsRow(months, input, labels, labels.compliments),
      continued: continued(labels.compliments),
    });
  return {
    caption: scheduleCaption(labels, months, index, count),
    description: scheduleDescription(labels, input.contract.kpis.length, months),
    columns,
    continuedCell: CONTINUED_CELL,
    rows,
  };
}

function kpiRow(
  kpi: Kpi,
  months: Month[],
  input: ScheduleInput,
  reporting: Month | undefined,
  labels: ReportLabels,
) {
  return [
    cell([para(kpi.serviceCriteria)]),
    cell([para(String(kpi.number), "strong")], { rowHeader: true }),
    cell([para(kpi.description)]),
    ...(labels.rank !== undefined
      ? [cell([kpi.rank !== undefined ? para(String(kpi.rank)) : para(NOT_RANKED, "note")])]
      : []),
    ...months.map((month) => {
      const result = input.results.get(month)?.kpis.find((k) => k.number === kpi.number);
      return kpiMonthCell(result, month === reporting, notDueIn(kpi, month, input.contract));
    }),
    // The target in force in the last month shown: a target that changed says its own words.
    cell([para(targetTextIn(kpi, reporting ?? months[months.length - 1]!))]),
  ];
}

/** Whether the contract's year makes `kpi` not due in `month`, for a month the schedule has no result for. */
function notDueIn(kpi: Kpi, month: Month, contract: Contract): NotDue | undefined {
  if (kpi.frequency !== "quarterly" && kpi.frequency !== "annual") return undefined;
  const nextDue = notDueUntil(contract.year, kpi.frequency, month);
  return nextDue === undefined ? undefined : { frequency: kpi.frequency, nextDue };
}

function complimentsRow(months: Month[], input: ScheduleInput, labels: ReportLabels, heading: string) {
  return [
    cell([para(heading, "strong")], { rowHeader: true }),
    cell([para(COMPLIMENTS.number, "note")]),
    cell([para(COMPLIMENTS.description(heading))]),
    ...(labels.rank !== undefined ? [cell([para(NOT_RANKED, "note")])] : []),
    ...months.map((month) => {
      const results = input.results.get(month);
      if (!results) return cell([para(NO_RETURN, "note")]);
      const text = results.compliments?.trim();
      return cell([para(text ? text : COMPLIMENTS.none, text ? "body" : "note")]);
    }),
    cell([para(NOT_APPLICABLE, "note")]),
  ];
}
