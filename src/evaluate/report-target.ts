import type { ReportTarget } from "../schema/target.js";
import type { Month, MonthlyReturn, ReturnKpi } from "../schema/return.js";
import { figuresOf, type Judgement } from "./figures.js";
import { previousMonths } from "./months.js";
import type { Id } from "../schema/id.js";

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
  kpiNumber: Id,
  target: ReportTarget,
  month: Month,
  history: ReadonlyMap<Month, MonthlyReturn>,
): Month | undefined {
  return previousMonths(month, target.everyMonths - 1).find((earlier) =>
    reportDelivered(history.get(earlier)?.kpis.find((r) => r.kpi === kpiNumber)),
  );
}

export function coveredJudgement(deliveredIn: Month): Judgement {
  return {
    outcome: "met",
    reason: { code: "covered", month: deliveredIn },
    actual: { form: "covered", coveredBy: deliveredIn },
  };
}

/** A measured row for a report KPI that no earlier report covers: delivered now, or missed. */
export function judgeReport(target: ReportTarget, row: ReturnKpi): Judgement {
  if (reportDelivered(row)) {
    return {
      outcome: "met",
      reason: { code: "report-delivered" },
      actual: { ...figuresOf(row), form: "report-delivered" },
    };
  }
  return {
    outcome: "not-met",
    reason: { code: "no-report", monthsBefore: target.everyMonths - 1 },
    actual: { ...figuresOf(row), form: "no-report" },
  };
}
