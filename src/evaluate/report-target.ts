import type { Target } from "../schema/contract.js";
import type { Month, MonthlyReturn, ReturnKpi } from "../schema/return.js";
import { figuresOf, type Judgement } from "./figures.js";
import { monthLabel, previousMonths } from "./months.js";

type ReportTarget = Extract<Target, { kind: "report" }>;

/** A report KPI has no percentage: a measured row with at least one report (achieved or count) means one was delivered. */
export function reportDelivered(row: ReturnKpi | undefined): boolean {
  return row?.status === "measured" && ((row.achieved ?? 0) >= 1 || (row.count ?? 0) >= 1);
}

/**
 * The most recent earlier month whose return shows this KPI's report delivered within the
 * report's period ("quarterly" = delivered in this month or one of the two before). A month
 * with no return in `history` simply cannot cover.
 */
export function coveringReport(
  kpiNumber: number,
  target: ReportTarget,
  month: Month,
  history: ReadonlyMap<Month, MonthlyReturn>,
): Month | undefined {
  return previousMonths(month, target.everyMonths - 1).find((earlier) =>
    reportDelivered(history.get(earlier)?.kpis.find((r) => r.kpi === kpiNumber)),
  );
}

export function coveredJudgement(deliveredIn: Month): Judgement {
  const label = monthLabel(deliveredIn);
  return {
    outcome: "met",
    reason: `Report delivered in ${label} covers this period`,
    actual: { text: `Covered by the ${label} report` },
  };
}

/** A measured row for a report KPI that no earlier report covers: delivered now, or missed. */
export function judgeReport(target: ReportTarget, row: ReturnKpi): Judgement {
  if (reportDelivered(row)) {
    return { outcome: "met", reason: "Report delivered this month", actual: { ...figuresOf(row), text: "Report delivered" } };
  }
  const before = target.everyMonths - 1;
  const earlier = before === 0 ? "" : `, nor in the returns for the previous ${before === 1 ? "month" : `${before} months`}`;
  return {
    outcome: "not-met",
    reason: `No report delivered this month${earlier}`,
    actual: { ...figuresOf(row), text: "No report delivered" },
  };
}
