import type { Contract } from "../schema/contract.js";
import type { MonthResults } from "../schema/results.js";
import type { Month, MonthlyReturn, ReturnKpi } from "../schema/return.js";
import type { MonthlyReview, ReviewKpi } from "../schema/review.js";
import { reviewState } from "./review-state.js";
import { judgeKpi } from "./kpi-outcome.js";
import { msrRoller } from "./msr-rollup.js";
import { summarise } from "./summary.js";
import { byId, type Id } from "../schema/id.js";

/**
 * Every KPI and MSR of the contract for one month.
 *
 * The caller checks that `returns` holds a return for `month` before calling (a missing month
 * is a usage error it reports with the months it does have). Should one be missing anyway,
 * nothing is thrown: every KPI comes out "not captured, no figure in the return", which is
 * what the data says. The other months in `returns` are read only for report KPIs, whose
 * report from an earlier month can cover this one.
 *
 * `review` is the council's review of the month, when there is one: its verification, overrides
 * and MSR comments. Without it the outcomes are the figures alone.
 */
export function evaluateMonth(
  contract: Contract,
  month: Month,
  returns: ReadonlyMap<Month, MonthlyReturn>,
  review?: MonthlyReview,
): MonthResults {
  const monthReturn = returns.get(month);
  const rows = new Map<Id, ReturnKpi>();
  // First row wins: a duplicate is validation's finding, and the first is the one a reader sees.
  for (const row of monthReturn?.kpis ?? []) if (!rows.has(row.kpi)) rows.set(row.kpi, row);

  const council = new Map<Id, ReviewKpi>();
  for (const row of review?.kpis ?? []) if (!council.has(row.kpi)) council.set(row.kpi, row);

  const kpis = byId(contract.kpis, (k) => k.number).map((kpi) =>
    judgeKpi(kpi, rows.get(kpi.number), month, returns, council.get(kpi.number), contract.year),
  );

  const comments = new Map<Id, string>();
  for (const { msr, comment } of review?.msrComments ?? [])
    if (!comments.has(msr)) comments.set(msr, comment);
  const rollUp = msrRoller(kpis);
  const msrs = byId(contract.msrs, (m) => m.number).map((msr) => rollUp(msr, comments.get(msr.number)));

  const results: MonthResults = {
    month,
    contract: contract.id,
    kpis,
    msrs,
    summary: summarise(kpis),
    review: reviewState(review),
  };
  if (monthReturn?.compliments !== undefined) results.compliments = monthReturn.compliments;
  return results;
}
