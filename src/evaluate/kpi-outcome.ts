import type { Kpi } from "../schema/contract.js";
import type { KpiResult, Rag } from "../schema/results.js";
import type { KpiStatus, Month, MonthlyReturn, Outcome, ReturnKpi } from "../schema/return.js";
import type { ReviewKpi } from "../schema/review.js";
import type { ContractYear, MeasuredTarget } from "../schema/target.js";
import { judgeCount, type CountTarget } from "./count-target.js";
import { likeMonthOf, notDueUntil } from "./look-back.js";
import { judgeMeasured, likeFigure, type MeasuredJudgement } from "./targets/measured.js";
import { sameTarget, targetInForce, targetTextIn } from "./targets/in-force.js";
import { describeFigures, type Judgement } from "./figures.js";
import { yearToDateOf } from "./year-to-date.js";
import { judgePercentage, type PercentageTarget } from "./percentage-target.js";
import { coveredJudgement, coveringReport, judgeReport, reportDelivered } from "./report-target.js";

/** The supplier's own word decides every status but "measured"; only figures are judged against the target. */
const BY_STATUS: Record<Exclude<KpiStatus, "measured">, Pick<Judgement, "outcome" | "reason">> = {
  "not captured": { outcome: "not-captured", reason: { code: "not-captured" } },
  "not applicable": { outcome: "not-applicable", reason: { code: "not-applicable" } },
  // Reported as not applicable, but with its own reason: members read "no service" differently from "does not apply".
  "no service running": { outcome: "not-applicable", reason: { code: "no-service" } },
  "not due": { outcome: "not-due", reason: { code: "not-due" } },
};

const OVERRIDDEN_BAND: Partial<Record<Outcome, Rag>> = { met: "green", "not-met": "red" };

/** Southend's two measured shapes, judged as they always were (the goldens hold what they say). */
function southendShape(target: MeasuredTarget): PercentageTarget | CountTarget | undefined {
  const keys = Object.keys(target).filter((k) => k !== "from" && k !== "text");
  if (target.kind === "percentage" && target.atLeast !== undefined && keys.length === 2)
    return { kind: "percentage", atLeast: target.atLeast };
  const countKeys = new Set(["kind", "below", "reportedAtLeast"]);
  if (target.kind === "count" && target.below !== undefined && keys.every((k) => countKeys.has(k)))
    return {
      kind: "count",
      below: target.below,
      ...(target.reportedAtLeast !== undefined ? { reportedAtLeast: target.reportedAtLeast } : {}),
    };
  return undefined;
}

/** What judging a KPI needs beyond its row: the month, the other months' returns and the contract's year. */
export interface JudgeContext {
  month: Month;
  history: ReadonlyMap<Month, MonthlyReturn>;
  year?: ContractYear;
}

function judgeFigures(kpi: Kpi, row: ReturnKpi | undefined, context: JudgeContext): MeasuredJudgement {
  const { month, history, year } = context;
  const target = targetInForce(kpi.target, month);
  if (target === undefined)
    return { outcome: "not-applicable", reason: { code: "no-target" }, actual: describeFigures(row) };
  // An earlier report covers its whole period whatever this month's row says, even "not due" or nothing.
  if (target.kind === "report" && !reportDelivered(row)) {
    const deliveredIn = coveringReport(kpi.number, target, month, history);
    if (deliveredIn !== undefined) return coveredJudgement(deliveredIn);
  }
  // An annual KPI is due at its year's end; a quarterly one at its quarter's when the contract gives
  // its year. Southend's quarterly KPIs (no year given) leave "not due" to the return, as they always have.
  const nextDue = notDueUntil(year, kpi.frequency, month);
  if (nextDue !== undefined && (kpi.frequency === "quarterly" || kpi.frequency === "annual"))
    return {
      outcome: "not-due",
      reason: { code: "off-period", frequency: kpi.frequency, nextDue },
      actual: describeFigures(row),
    };
  if (row === undefined)
    return { outcome: "not-captured", reason: { code: "no-row" }, actual: describeFigures(row) };
  if (row.status !== "measured") return { ...BY_STATUS[row.status], actual: describeFigures(row) };
  if (target.kind === "report") return judgeReport(target, row);
  const southend = southendShape(target);
  if (southend?.kind === "percentage") return judgePercentage(southend, row);
  if (southend?.kind === "count") return judgeCount(southend, row);
  const judged = judgeMeasured(target, row, kpi.frequency, previousFigure(kpi, target, context));
  const value = judged.actual.value;
  const yearToDate = value === undefined ? undefined : yearToDateOf(kpi, target, month, value, history, year);
  return yearToDate === undefined ? judged : { ...judged, actual: { ...judged.actual, yearToDate } };
}

/** The like period's figure, judged by the same target, for "amber if improved"; undefined when there is none. */
function previousFigure(kpi: Kpi, target: MeasuredTarget, context: JudgeContext) {
  if (target.bands?.kind !== "rag" || !target.bands.amberIfImproved) return undefined;
  const before = likeMonthOf(context.year, kpi.frequency, context.month);
  if (!sameTarget(kpi.target, context.month, before)) return undefined;
  const row = context.history.get(before)?.kpis.find((r) => r.kpi === kpi.number);
  const figure = likeFigure(target, row);
  return figure === undefined ? undefined : { figure, month: before };
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
  year?: ContractYear,
): KpiResult {
  const judged = judgeFigures(kpi, row, { month, history, ...(year ? { year } : {}) });
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
    target: targetTextIn(kpi, month),
    actual: computed.actual,
    reason: computed.reason,
    commentary: row?.commentary ?? "",
  };
  if (override) result.override = { reason: override.reason };
  if (computed.band !== undefined) {
    // The council's verdict sets the band as it sets the outcome; the figures' band stays in the reason's words.
    const band = override ? OVERRIDDEN_BAND[override.outcome] : computed.band;
    if (band !== undefined) {
      result.band = band;
      result.bandReason = override ? { code: "overridden" } : computed.bandReason!;
    }
  }
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
