import type { Actual, Reason } from "../schema/results.js";
import type { Month } from "../schema/return.js";
import { monthLabel } from "./months.js";

/**
 * Targets of every kind in words (docs/targets.md): "2.4 days against at most 2 days",
 * "3 of 150 (2%) against at most 2%", "Red: beyond the 5% tolerance". Keyed by the codes and
 * numbers evaluate/ returns; nothing here judges.
 */

type TargetReason = Extract<Reason, { code: "within-target" | "outside-target" }>;

const PREFIXED = new Set(["£", "$", "€"]);

/** A figure with its unit as a reader writes it: "2%", "2.4 days", "£1,250.50", "34". */
export function withUnit(
  value: number,
  measure: Actual["measure"],
  unit?: string,
  decimals?: number,
): string {
  // A figure with a fraction shows the target's places ("£1.40", never "£1.4"); a whole one shows none ("5 days").
  const places = decimals !== undefined && !Number.isInteger(value) ? decimals : 0;
  const number = value.toLocaleString("en-GB", {
    minimumFractionDigits: places,
    maximumFractionDigits: Math.max(places, 6),
    useGrouping: Math.abs(value) >= 10000,
  });
  if (measure === "percentage") return `${number}%`;
  if (unit === undefined) return number;
  if (PREFIXED.has(unit)) return `${value < 0 ? "-" : ""}${unit}${number.replace(/^-/, "")}`;
  // "1 day", not "1 days"; a unit that is not a plural word stays as written.
  const unitText = value === 1 && /[a-z]s$/.test(unit) ? unit.slice(0, -1) : unit;
  return `${number} ${unitText}`;
}

const COMPARISON: Record<TargetReason["comparison"], string> = {
  atLeast: "at least",
  atMost: "at most",
  moreThan: "more than",
  fewerThan: "fewer than",
  between: "between",
};

/** "at least 98%", "at most 5 days", "between 2 and 4 hours": the target as the reason states it. */
export function targetPhrase(
  r: Pick<TargetReason, "comparison" | "bound" | "upper" | "measure" | "unit" | "decimals">,
): string {
  const words =
    r.comparison === "fewerThan" && r.measure !== "count" ? "less than" : COMPARISON[r.comparison];
  if (r.comparison === "between")
    return `between ${withUnit(r.bound, r.measure, r.unit, r.decimals)} and ${withUnit(r.upper!, r.measure, r.unit, r.decimals)}`;
  return `${words} ${withUnit(r.bound, r.measure, r.unit, r.decimals)}`;
}

const PERIOD: Record<NonNullable<TargetReason["period"]>, string> = {
  quarterly: "for the quarter",
  annual: "for the year",
  "cumulative-in-year": "for the year to date",
};

/** "3 of 150 (2%)", "2% (no counts given)", "2.4 days": a measured figure as judged, rounded as printed. */
export function measuredFigures(a: Actual): string {
  const shown = withUnit(a.shown ?? a.value!, a.measure, a.unit, a.decimals);
  if (a.measure === "percentage") {
    if (a.achieved !== undefined && a.total !== undefined && a.total > 0)
      return `${a.achieved} of ${a.total} (${shown})`;
    return `${shown} (no counts given)`;
  }
  return shown;
}

/** "2.4 days against at most 2 days", "34 for the quarter against fewer than 40". */
export function targetReasonText(reason: TargetReason, actual: Actual): string {
  const figures =
    reason.basis === "stated" ? `Stated ${withUnit(actual.shown!, "percentage")}` : measuredFigures(actual);
  const period = reason.period === undefined ? "" : ` ${PERIOD[reason.period]}`;
  return `${figures}${period} against ${targetPhrase(reason)}`;
}

const REPORTED_AT: Record<"quarterly" | "annual", string> = {
  quarterly: "reported at the end of each quarter",
  annual: "reported at the end of the year",
};

/** Why a KPI is not due in a month, by its frequency: "Not due this month: reported at the end of each quarter, next due June 2024". */
export function offPeriodText(frequency: "quarterly" | "annual", nextDue: Month): string {
  return `Not due this month: ${REPORTED_AT[frequency]}, next due ${monthLabel(nextDue)}`;
}

/** The schedule's note under "Not due", in a month with a return or without: "Reported at the end of each quarter, next due June 2024". */
export function notDueNote(frequency: "quarterly" | "annual", nextDue: Month): string {
  const words = REPORTED_AT[frequency];
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}, next due ${monthLabel(nextDue)}`;
}

export const NO_TARGET_TEXT = "No target in force this month";
