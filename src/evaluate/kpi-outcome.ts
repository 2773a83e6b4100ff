import type { Kpi } from "../schema/contract.js";
import type { KpiResult } from "../schema/results.js";
import type { KpiStatus, Month, MonthlyReturn, ReturnKpi } from "../schema/return.js";
import type { ReviewKpi } from "../schema/review.js";
import { judgeCount } from "./count-target.js";
import { describeFigures, type Judgement } from "./figures.js";
import { judgePercentage } from "./percentage-target.js";
import { coveredJudgement, coveringReport, judgeReport, reportDelivered } from "./report-target.js";

/** The supplier's own word decides every status but "measured"; only figures are judged against the target. */
const BY_STATUS: Record<Exclude<KpiStatus, "measured">, Pick<Judgement, "outcome" | "reason">> = {
  "not captured": { outcome: "not-captured", reason: { code: "not-captured" } },
  "not applicable": { outcome: "not-applicable", reason: { code: "not-applicable" } },
  // Reported as not applicable, but with its own reason: members read "no service" differently from "does not apply".
  "no service running": { outcome: "not-applicable", reason: { code: "no-service" } },
  "not due": { outcome: "not-due", reason: { code: "not-due" } },
};

function judgeFigures(
  kpi: Kpi,
  row: ReturnKpi | undefined,
  month: Month,
  history: ReadonlyMap<Month, MonthlyReturn>,
): Judgement {
  const target = kpi.target;
  // An earlier report covers its whole period whatever this month's row says, even "not due" or nothing.
  if (target.kind === "report" && !reportDelivered(row)) {
    const deliveredIn = coveringReport(kpi.number, target, month, history);
    if (deliveredIn !== undefined) return coveredJudgement(deliveredIn);
  }
  if (row === undefined)
    return { outcome: "not-captured", reason: { code: "no-row" }, actual: describeFigures(row) };
  if (row.status !== "measured") return { ...BY_STATUS[row.status], actual: describeFigures(row) };
  switch (target.kind) {
    case "percentage":
      return judgePercentage(target, row);
    case "count":
      return judgeCount(target, row);
    case "report":
      return judgeReport(target, row);
  }
}

/**
 * One KPI for one month. `row` is the month's line for this KPI, if the return has one;
 * `history` holds the returns of other months, read only to see whether an earlier report
 * still covers a report KPI. `review` is the council's line for it, if its review has one:
 * only the council's review can verify or override, never the supplier's return. An override
 * replaces the outcome but never hides what the figures gave: the reason stays the figures' own.
 */
export function judgeKpi(
  kpi: Kpi,
  row: ReturnKpi | undefined,
  month: Month,
  history: ReadonlyMap<Month, MonthlyReturn>,
  review?: ReviewKpi,
): KpiResult {
  const judged = judgeFigures(kpi, row, month, history);
  // Figures the council says were read from the supplier's words are labelled so wherever they are shown.
  const computed =
    review?.derived && hasFigures(judged.actual)
      ? { ...judged, actual: { ...judged.actual, derived: true as const } }
      : judged;
  const override = review?.override;
  const result: KpiResult = {
    number: kpi.number,
    month,
    outcome: override?.outcome ?? computed.outcome,
    computedOutcome: computed.outcome,
    target: kpi.targetText,
    actual: computed.actual,
    reason: computed.reason,
    commentary: row?.commentary ?? "",
  };
  if (override) result.override = { reason: override.reason };
  if (review?.verified !== undefined) result.verified = review.verified;
  if (review?.verificationNote !== undefined) result.verificationNote = review.verificationNote;
  return result;
}

function hasFigures(actual: Judgement["actual"]): boolean {
  return (
    actual.achieved !== undefined ||
    actual.total !== undefined ||
    actual.count !== undefined ||
    actual.percentage !== undefined
  );
}
