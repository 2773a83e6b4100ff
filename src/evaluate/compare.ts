import type { Contract } from "../schema/contract.js";
import type { MonthResults } from "../schema/results.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import type { MonthlyReview } from "../schema/review.js";
import { monthChanges, outcomesByMonth } from "./changes.js";
import { evaluateMonth } from "./evaluate-month.js";
import { monthRange, shiftMonth } from "./months.js";
import { likeMonthOf } from "./look-back.js";
import { kpiTrend } from "./trend.js";

/** The months a month is compared with: the one before, and the same month a year before. */
export function comparedMonths(month: Month): { previous: Month; yearAgo: Month } {
  return { previous: shiftMonth(month, -1), yearAgo: shiftMonth(month, -12) };
}

/** By default Appendix 1 shows the year to the reporting month, as far back as the data goes (as `build` does). */
export const DEFAULT_SPAN_MONTHS = 12;

/** The months a schedule for `month` shows by default, oldest first: a year, but not before the first return. */
export function defaultSchedule(month: Month, firstReturn: Month): Month[] {
  const start = shiftMonth(month, 1 - DEFAULT_SPAN_MONTHS);
  return monthRange(start > firstReturn ? start : firstReturn, month);
}

/** Every month of `months` that has a return, evaluated once with its council review; months without a return are left out, as "no return". */
export function evaluateMonths(
  contract: Contract,
  months: readonly Month[],
  returns: ReadonlyMap<Month, MonthlyReturn>,
  reviews: ReadonlyMap<Month, MonthlyReview> = new Map(),
): Map<Month, MonthResults> {
  const results = new Map<Month, MonthResults>();
  for (const month of months)
    if (returns.has(month) && !results.has(month))
      results.set(month, evaluateMonth(contract, month, returns, reviews.get(month)));
  return results;
}

/**
 * `now` with each KPI's direction of travel (against the month before, and against a year
 * before when `results` holds that month), what changed since the month before, and the outcome
 * counts of the months `shown` (the schedule's months; just this one if not given). `results`
 * holds the other months that have a return: a month missing from it had none.
 */
export function withComparisons(
  contract: Contract,
  now: MonthResults,
  results: ReadonlyMap<Month, MonthResults>,
  shown: readonly Month[] = [now.month],
): MonthResults {
  const { previous, yearAgo } = comparedMonths(now.month);
  const before = results.get(previous);
  const yearBefore = results.get(yearAgo);
  const kpis = new Map(contract.kpis.map((k) => [k.number, k]));
  const byNumber = (r: MonthResults | undefined) => new Map(r?.kpis.map((k) => [k.number, k]));
  const [beforeKpis, yearBeforeKpis] = [byNumber(before), byNumber(yearBefore)];
  const all = new Map(results).set(now.month, now);
  const reported = reportBefore(contract, now.month);
  return {
    ...now,
    kpis: now.kpis.map((result) => {
      const kpi = kpis.get(result.number);
      // A result with no KPI in the contract cannot happen (results are made from the contract), and has no target to compare by.
      if (!kpi) return result;
      // Like is compared with like: the quarter before for a quarterly KPI, a year before for a year's.
      const like = likeMonthOf(contract.year, kpi.frequency, now.month);
      const likeResults = like === previous ? before : all.get(like);
      const likeKpi =
        like === previous ? beforeKpis.get(result.number) : byNumber(likeResults).get(result.number);
      const trend = kpiTrend(kpi, result, likeKpi, like, likeResults !== undefined);
      return yearBefore
        ? {
            ...result,
            trend,
            yearAgo: kpiTrend(kpi, result, yearBeforeKpis.get(result.number), yearAgo, true),
          }
        : { ...result, trend };
    }),
    changes: monthChanges(now, reported, all.get(reported)),
    outcomesByMonth: outcomesByMonth(shown, all),
  };
}

/**
 * The report a month's changes are against: the month before, unless the contract has no monthly
 * KPI (a quarterly joint-committee report), when it is the period before: a quarter, or a year.
 */
export function reportBefore(contract: Pick<Contract, "kpis" | "year">, month: Month): Month {
  const frequencies = new Set(contract.kpis.map((k) => k.frequency));
  if (frequencies.has("monthly") || (frequencies.has("quarterly") && contract.year === undefined))
    return shiftMonth(month, -1);
  if (frequencies.has("quarterly")) return shiftMonth(month, -3);
  return shiftMonth(month, frequencies.has("cumulative-in-year") ? -1 : -12);
}

/**
 * The months a schedule of `shown` (oldest first, the last the reporting month) is judged with: the
 * year-ago month, the month before, each KPI's like period before (given the contract), and the schedule's.
 */
export function monthsCompared(shown: readonly Month[], contract?: Pick<Contract, "kpis" | "year">): Month[] {
  const month = shown[shown.length - 1]!;
  const { previous, yearAgo } = comparedMonths(month);
  const like = (contract?.kpis ?? []).map((kpi) => likeMonthOf(contract?.year, kpi.frequency, month));
  const report = contract ? [reportBefore(contract, month)] : [];
  return [...new Set([yearAgo, previous, ...like, ...report, ...shown])].sort();
}

/**
 * The results a schedule shows: each month of `shown` that has a return, the last (the reporting
 * month) with its direction of travel, what changed and the schedule's counts. The month before and
 * the year-ago month are judged for the comparison when `returns` has them, but not shown.
 */
export function scheduleResults(
  contract: Contract,
  shown: readonly Month[],
  returns: ReadonlyMap<Month, MonthlyReturn>,
  reviews: ReadonlyMap<Month, MonthlyReview> = new Map(),
): Map<Month, MonthResults> {
  const month = shown[shown.length - 1]!;
  const evaluated = evaluateMonths(contract, monthsCompared(shown, contract), returns, reviews);
  const results = new Map(shown.filter((m) => evaluated.has(m)).map((m) => [m, evaluated.get(m)!]));
  const now = evaluated.get(month);
  if (now) results.set(month, withComparisons(contract, now, evaluated, shown));
  return results;
}
