import type { Actual } from "../schema/results.js";
import type { Outcome, ReturnKpi } from "../schema/return.js";

/** What one target rule decides. kpi-outcome.ts adds the KPI's identity, commentary and any override. */
export interface Judgement {
  outcome: Outcome;
  reason: string;
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
 * "63%", "95.2%": at most one decimal and no trailing ".0". When the value is below a target,
 * pass the target: a figure that misses must never print as the target itself (97.96 against
 * 98 shows "97.9%", not "98%"), or the committee reads "98%, not met" and rightly asks why.
 */
export function formatPercent(value: number, missedTarget?: number): string {
  let shown = Math.round(value * 10) / 10;
  if (missedTarget !== undefined && value < missedTarget && shown >= missedTarget) {
    shown = Math.floor(value * 10) / 10;
  }
  return `${shown}%`;
}

/** True when the row says nothing happened: a total of 0 and nothing achieved. */
export function isZeroActivity(row: ReturnKpi): boolean {
  return row.total === 0 && (row.achieved ?? 0) === 0;
}

/** The row's numbers as `Actual` fields, leaving out the ones the supplier did not give. */
export function figuresOf(row: ReturnKpi, percentage?: number): Omit<Actual, "text"> {
  const figures: Omit<Actual, "text"> = {};
  if (row.achieved !== undefined) figures.achieved = row.achieved;
  if (row.total !== undefined) figures.total = row.total;
  if (row.count !== undefined) figures.count = row.count;
  const shownPercentage = percentage ?? row.percentage;
  if (shownPercentage !== undefined) figures.percentage = shownPercentage;
  return figures;
}

/**
 * Plain words for whatever figures a row carries, for rows no target rule reads (a status other
 * than "measured") and for figures too incomplete to judge. Members asked for counts, so counts lead.
 */
export function describeFigures(row: ReturnKpi | undefined): Actual {
  if (row === undefined) return { text: "No figures" };
  const parts: string[] = [];
  const { achieved, total } = row;
  let computed: number | undefined;
  if (achieved !== undefined && total !== undefined) {
    if (total > 0) {
      computed = percentOf(achieved, total);
      parts.push(`${achieved} of ${total} (${formatPercent(computed)})`);
    } else {
      parts.push(`${achieved} of ${total}`);
    }
  } else if (row.percentage !== undefined) {
    const counts = achieved === undefined && total === undefined ? "no counts given" : "counts incomplete";
    parts.push(`${formatPercent(row.percentage)} (${counts})`);
  } else if (achieved !== undefined) {
    parts.push(`${achieved} achieved, total not given`);
  } else if (total !== undefined) {
    parts.push(`Total ${total}, achieved not given`);
  }
  if (row.count !== undefined) parts.unshift(`Count ${row.count}`);
  return { ...figuresOf(row, computed), text: parts.length > 0 ? parts.join(", ") : "No figures" };
}
