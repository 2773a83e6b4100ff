import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import type { ContractYear, PeriodFrequency } from "../schema/target.js";
import { addMonthsTo, isDue, likePeriodBefore, nextDueMonth } from "./periods.js";
import { targetList } from "./targets/in-force.js";

/**
 * How many earlier months judging a month can depend on: a report delivered then still covers
 * this month, "amber if improved" reads the like period before (a quarter back for a
 * quarterly KPI, a year for an annual one or a count cumulative in the year), and a year to date's
 * own part reads back to the year's start.
 */
export function judgingLookBack(contract: Contract): number {
  let months = 0;
  for (const kpi of contract.kpis) {
    for (const target of targetList(kpi.target)) {
      // A year to date's own part is the year to date less the last earlier return's of the year.
      if (kpi.frequency === "cumulative-in-year" && (target.kind === "count" || target.kind === "value"))
        months = Math.max(months, 11);
      if (target.kind === "report") months = Math.max(months, target.everyMonths - 1);
      else if (target.bands?.kind === "rag" && target.bands.amberIfImproved)
        months = Math.max(months, likeDistance(kpi.frequency));
    }
  }
  return months;
}

function likeDistance(frequency: Contract["kpis"][number]["frequency"]): number {
  return frequency === "monthly" ? 1 : frequency === "quarterly" ? 3 : 12;
}

/**
 * The month each KPI's direction of travel compares `month` with: the like period before (the
 * month before for a monthly KPI, the quarter before's last month, a year before). A quarterly
 * KPI in a contract without a `year` has no quarters said, so it compares with the month before,
 * as Southend's always has.
 */
export function likeMonthOf(year: ContractYear | undefined, frequency: PeriodFrequency, month: Month): Month {
  if (frequency === "quarterly" && year === undefined) return addMonthsTo(month, -1);
  return likePeriodBefore(month, frequency, year) ?? addMonthsTo(month, -1);
}

/** Whether a KPI is not due in `month` by its frequency: annual always said, quarterly when the contract gives its year. */
export function offPeriod(year: ContractYear | undefined, frequency: PeriodFrequency, month: Month): boolean {
  if (frequency !== "annual" && (frequency !== "quarterly" || year === undefined)) return false;
  return !isDue(month, frequency, year);
}

/**
 * When a KPI is not due in `month` by its frequency (offPeriod), the month it is next due in; undefined
 * when it is due, or when the contract leaves "not due" to the return (a quarterly KPI without a `year`).
 */
export function notDueUntil(
  year: ContractYear | undefined,
  frequency: PeriodFrequency,
  month: Month,
): Month | undefined {
  return offPeriod(year, frequency, month) ? nextDueMonth(month, frequency, year) : undefined;
}
