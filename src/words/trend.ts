import type { KpiResult, Trend } from "../schema/results.js";
import { outcomeWords } from "./outcomes.js";
import { monthLabel } from "./months.js";
import { withUnit } from "./targets.js";

const lower = (text: string) => text.toLowerCase();
const figure = (trend: Trend, value: number) =>
  trend.measure === "percentage"
    ? `${value}%`
    : // A count as the figures print it: "31,250" (grouped from 10,000, so Southend's read as they did).
      withUnit(value, trend.measure ?? "count", trend.unit, trend.decimals);

/**
 * The comparison in words: "100%, up from 95.2% in August 2022", "Not applicable in August 2022".
 * `result` is this month's result the trend belongs to (its outcome, KPI number, target and override).
 */
export function trendText(
  result: Pick<KpiResult, "number" | "outcome" | "target" | "override">,
  trend: Trend,
): string {
  const when = monthLabel(trend.previous);
  if (trend.direction === "not comparable") {
    switch (trend.cause) {
      case "no-return":
        return `No return for ${when}`;
      case "no-result":
        return `No result for KPI ${result.number} in ${when}`;
      case "target-changed":
        return trend.previousTarget === undefined || trend.previousTarget === result.target
          ? `Not comparable: the target changed after ${when}`
          : `Target changed from ${trend.previousTarget} in ${when} to ${result.target}`;
      default:
        // An outcome with no verdict: this month's, else the earlier month's.
        return trend.cause === result.outcome
          ? `${outcomeWords(result.outcome)} this month`
          : `${outcomeWords(trend.previousOutcome!)} in ${when}`;
    }
  }
  if (trend.basis === "outcome") {
    const was = trend.previousOutcome!;
    const why =
      trend.because === "overridden"
        ? `; verdicts compared, as the council overrode ${result.override ? "this month's" : `${when}'s`} figures`
        : trend.because === "figures-moved-other-way"
          ? "; the verdict decides, as the figures moved the other way"
          : "";
    return `${outcomeWords(result.outcome)}${trend.direction === "same" ? `, as in ${when}` : `, where ${when} was ${lower(outcomeWords(was))}`}${why}`;
  }
  const [now, before] = [trend.figure!, trend.previousFigure!];
  if (now !== before) {
    const tail =
      trend.measure === "count"
        ? trend.better === "higher"
          ? ""
          : " (fewer is better)"
        : trend.better === "lower"
          ? " (lower is better)"
          : "";
    return `${figure(trend, now)}, ${now > before ? "up" : "down"} from ${figure(trend, before)} in ${when}${tail}`;
  }
  if (trend.share !== undefined && trend.previousShare !== undefined && trend.share !== trend.previousShare) {
    return `${figure(trend, now)}, as in ${when}; ${trend.share}% reported, ${trend.share > trend.previousShare ? "up" : "down"} from ${trend.previousShare}%`;
  }
  return `${figure(trend, now)}, as in ${when}`;
}
