import type { Direction, KpiResult, MonthResults, Trend } from "../schema/results.js";
import { comparedMonths } from "../evaluate/index.js";
import { monthLabel, shortMonthLabel } from "./months.js";
import { trendText } from "./trend.js";
import type { Month } from "../schema/return.js";

/**
 * The direction of travel as a reader sees it: a symbol and the word together, so it reads
 * without colour and without the symbol. Every format draws these words and nothing else
 * (Source Sans 3, the PDF's face, has all four symbols).
 */
export const DIRECTION_SYMBOL: Record<Direction, string> = {
  better: "▲",
  same: "=",
  worse: "▼",
  "not comparable": "–",
};

export function directionMark(direction: Direction): string {
  return `${DIRECTION_SYMBOL[direction]} ${direction}`;
}

/**
 * The month every KPI's direction of travel is against: the month before, unless some KPI compares
 * with another like period (a quarterly KPI with the quarter before), when it is undefined.
 */
export function comparedWith(results: Pick<MonthResults, "month" | "kpis">): Month | undefined {
  const previous = comparedMonths(results.month).previous;
  return results.kpis.every((k) => k.trend === undefined || k.trend.previous === previous)
    ? previous
    : undefined;
}

/** "April 2024", or where KPIs compare with different periods, "the like period before". */
export function comparedLabel(results: Pick<MonthResults, "month" | "kpis">, short = false): string {
  const month = comparedWith(results);
  if (month === undefined) return "the like period before";
  return short ? shortMonthLabel(month) : monthLabel(month);
}

/** The column heading for the direction against the month before: "vs Aug 2022" ("vs period before" for mixed periods). */
export function directionHeader(month: Month, results?: Pick<MonthResults, "month" | "kpis">): string {
  if (results && comparedWith(results) === undefined) return "vs period before";
  return `vs ${shortMonthLabel(comparedMonths(month).previous)}`;
}

/** "▲ better: 100%, up from 95.2% in August 2022"; "– not comparable: not applicable in August 2022". The reason names the month. */
export function directionLine(result: KpiResult, trend: Trend): string {
  const reason = trendText(result, trend);
  return `${directionMark(trend.direction)}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}

/**
 * `status`'s direction cell for a KPI not due this month, whose outcome already says so: when it is
 * next due, where the contract's year says ("Next due September 2024"), else that nothing was compared.
 */
export function notDueDirection(result: Pick<KpiResult, "reason">): string {
  return result.reason.code === "off-period"
    ? `Next due ${monthLabel(result.reason.nextDue)}`
    : "Not compared";
}

/** What the direction of travel is against: the month before, or each KPI's like period before. */
export function likePeriodWords(results: MonthResults): string {
  const month = comparedWith(results);
  return month !== undefined
    ? monthLabel(month)
    : "the like period before (the month before for a monthly KPI, the quarter before for a quarterly one, the same month a year before for an annual KPI or a year to date)";
}
