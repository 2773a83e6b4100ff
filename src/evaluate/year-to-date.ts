import type { Kpi } from "../schema/contract.js";
import type { Actual } from "../schema/results.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import type { ContractYear, MeasuredTarget } from "../schema/target.js";
import { addMonthsTo, yearStartOf } from "./periods.js";

/**
 * A count cumulative in the year, as the year to date and its own latest part: the year-to-date less
 * the one the last earlier return of the same contract year gave, so "34 in the year to date, 6 this
 * month" can be said. Only a count or a value adds up; a percentage or an average of the year to date
 * has no part that subtracts. Numbers only: src/words/figures.ts words them.
 */
export function yearToDateOf(
  kpi: Kpi,
  target: MeasuredTarget,
  month: Month,
  value: number,
  history: ReadonlyMap<Month, MonthlyReturn>,
  year?: ContractYear,
): NonNullable<Actual["yearToDate"]> | undefined {
  if (kpi.frequency !== "cumulative-in-year") return undefined;
  const from = yearStartOf(month, year);
  const span = { from, to: month };
  if (target.kind !== "count" && target.kind !== "value") return span;
  // Back through the year: the latest earlier return is where this year-to-date's last part starts.
  for (let before = addMonthsTo(month, -1); before >= from; before = addMonthsTo(before, -1)) {
    const earlier = history.get(before);
    if (earlier === undefined) continue;
    const row = earlier.kpis.find((r) => r.kpi === kpi.number);
    // A return that gave no figure for it leaves the part unknown, rather than counted from further back.
    if (row?.status !== "measured" || row.count === undefined) return span;
    return { ...span, part: exactDifference(value, row.count), partFrom: addMonthsTo(before, 1) };
  }
  // No earlier return this year: the whole year to date is the part, from the year's first month.
  return { ...span, part: value, partFrom: from };
}

/** a - b without the binary noise of decimals (1.57 - 1.42 is 0.15, not 0.15000000000000013). */
function exactDifference(a: number, b: number): number {
  return Number((a - b).toPrecision(12));
}
