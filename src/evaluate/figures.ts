import type { Actual, Reason } from "../schema/results.js";
import type { Outcome, ReturnKpi } from "../schema/return.js";

/** What one target rule decides, in codes and numbers. kpi-outcome.ts adds the KPI's identity, commentary and any override. */
export interface Judgement {
  outcome: Outcome;
  reason: Reason;
  actual: Actual;
}

/** achieved/total as a percentage. Multiplying first keeps whole results exact: 57*100/100 is 57, 57/100*100 is not. */
export function percentOf(achieved: number, total: number): number {
  return (achieved * 100) / total;
}

/** Whether achieved/total reaches `atLeast`, compared without dividing so "exactly on target" is never lost to rounding. */
export function reaches(achieved: number, total: number, atLeast: number): boolean {
  return achieved * 100 >= atLeast * total;
}

/**
 * 63, 95.2: the percentage as it is printed, to one decimal. When the value is below a target,
 * pass the target: a figure that misses must never print as the target itself (97.96 against
 * 98 is 97.9, not 98), or the committee reads "98%, not met" and rightly asks why.
 */
export function printedPercent(value: number, missedTarget?: number): number {
  let shown = Math.round(value * 10) / 10;
  if (missedTarget !== undefined && value < missedTarget && shown >= missedTarget) {
    shown = Math.floor(value * 10) / 10;
  }
  return shown;
}

/** True when the row says nothing happened: a total of 0 and nothing achieved. */
export function isZeroActivity(row: ReturnKpi): boolean {
  return row.total === 0 && (row.achieved ?? 0) === 0;
}

type Numbers = Pick<Actual, "achieved" | "total" | "count" | "percentage">;

/** The row's numbers as `Actual` fields, leaving out the ones the supplier did not give. */
export function figuresOf(row: ReturnKpi, percentage?: number): Numbers {
  const figures: Numbers = {};
  if (row.achieved !== undefined) figures.achieved = row.achieved;
  if (row.total !== undefined) figures.total = row.total;
  if (row.count !== undefined) figures.count = row.count;
  const shownPercentage = percentage ?? row.percentage;
  if (shownPercentage !== undefined) figures.percentage = shownPercentage;
  return figures;
}

/**
 * Whatever figures a row carries, for rows no target rule reads (a status other than "measured")
 * and for figures too incomplete to judge: the percentage is computed where the counts allow.
 */
export function describeFigures(row: ReturnKpi | undefined): Actual {
  if (row === undefined) return { form: "figures" };
  const { achieved, total } = row;
  const computed =
    achieved !== undefined && total !== undefined && total > 0 ? percentOf(achieved, total) : undefined;
  return { ...figuresOf(row, computed), form: "figures" };
}
