import type { Target } from "../schema/contract.js";
import type { ReturnKpi } from "../schema/return.js";
import { describeFigures, figuresOf, formatPercent, isZeroActivity, percentOf, reaches, type Judgement } from "./figures.js";

type PercentageTarget = Extract<Target, { kind: "percentage" }>;

/** How far a stated percentage may be from its counts and still be printed: validation's tolerance (kpi-figures.ts). */
const STATED_TOLERANCE = 0.5;

/**
 * A measured row against "at least N%". Counts beat a stated percentage: the counts are what
 * members asked to see, and a contradiction between the two is validation's finding to raise.
 */
export function judgePercentage(target: PercentageTarget, row: ReturnKpi): Judgement {
  const goal = `the ${formatPercent(target.atLeast)} target`;
  const { achieved, total } = row;

  // Nothing to do is nothing failed: a service with no journeys this month has not missed its target.
  if (isZeroActivity(row)) {
    // A stated percentage means nothing over no activity, so it is not carried into the figures.
    const { percentage: _stated, ...counts } = figuresOf(row);
    return { outcome: "met", reason: "No activity this month (0 of 0)", actual: { ...counts, text: "0 of 0 (no activity)" } };
  }

  if (achieved !== undefined && total !== undefined && total > 0) {
    const percentage = percentOf(achieved, total);
    const met = reaches(achieved, total, target.atLeast);
    const computed = formatPercent(percentage, met ? undefined : target.atLeast);
    // A percentage the supplier stated beside its counts, and agreeing with them, is printed as stated
    // (May 2022's "85.6%" for 6 of 7, which is 85.7%); the counts still decide. One that contradicts
    // them is validation's error, and never printed beside them.
    const agrees = row.percentage !== undefined && Math.abs(row.percentage - percentage) <= STATED_TOLERANCE;
    const stated = agrees ? formatPercent(row.percentage!) : computed;
    const text = `${achieved} of ${total} (${stated === computed ? computed : `${stated} as stated`})`;
    return {
      outcome: met ? "met" : "not-met",
      reason: `${text} ${met ? "meets" : "is below"} ${goal}`,
      actual: { ...figuresOf(row, percentage), text },
    };
  }

  if (row.percentage !== undefined) {
    const met = row.percentage >= target.atLeast;
    const shown = formatPercent(row.percentage, met ? undefined : target.atLeast);
    const counts = achieved === undefined && total === undefined ? "no counts given" : "counts incomplete";
    return {
      outcome: met ? "met" : "not-met",
      reason: `Stated ${shown} ${met ? "meets" : "is below"} ${goal}`,
      actual: { ...figuresOf(row), text: `${shown} (${counts})` },
    };
  }

  const unusable = achieved !== undefined && total === 0;
  return {
    outcome: "not-captured",
    reason: unusable ? `Measured, but ${achieved} of 0 cannot be judged` : "Measured, but no figures given",
    actual: describeFigures(row),
  };
}
