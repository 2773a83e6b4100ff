import { PERCENT_TOLERANCE, type ReturnKpi } from "../schema/return.js";
import {
  describeFigures,
  figuresOf,
  isZeroActivity,
  percentOf,
  printedPercent,
  reaches,
  type Judgement,
} from "./figures.js";

/** Southend's percentage shape: "at least N%". */
export interface PercentageTarget {
  kind: "percentage";
  atLeast: number;
}

/**
 * A measured row against "at least N%". Counts beat a stated percentage: the counts are what
 * members asked to see, and a contradiction between the two is validation's finding to raise.
 */
export function judgePercentage(target: PercentageTarget, row: ReturnKpi): Judgement {
  const { achieved, total } = row;

  // Nothing to do is nothing failed: a service with no journeys this month has not missed its target.
  if (isZeroActivity(row)) {
    // A stated percentage means nothing over no activity, so it is not carried into the figures.
    const { percentage: _stated, ...counts } = figuresOf(row);
    return { outcome: "met", reason: { code: "no-activity" }, actual: { ...counts, form: "no-activity" } };
  }

  if (achieved !== undefined && total !== undefined && total > 0) {
    const percentage = percentOf(achieved, total);
    const met = reaches(achieved, total, target.atLeast);
    const shown = printedPercent(percentage, met ? undefined : target.atLeast);
    // A percentage the supplier stated beside its counts, and agreeing with them, is printed as stated
    // (May 2022's "85.6%" for 6 of 7, which is 85.7%); the counts still decide. One that contradicts
    // them is validation's error, and never printed beside them.
    const agrees = row.percentage !== undefined && Math.abs(row.percentage - percentage) <= PERCENT_TOLERANCE;
    const stated = agrees ? printedPercent(row.percentage!) : shown;
    return {
      outcome: met ? "met" : "not-met",
      reason: { code: met ? "meets-target" : "below-target", basis: "counts", target: target.atLeast },
      actual: {
        ...figuresOf(row, percentage),
        form: "percentage",
        shown,
        ...(stated === shown ? {} : { stated }),
      },
    };
  }

  if (row.percentage !== undefined) {
    const met = row.percentage >= target.atLeast;
    return {
      outcome: met ? "met" : "not-met",
      reason: { code: met ? "meets-target" : "below-target", basis: "stated", target: target.atLeast },
      actual: {
        ...figuresOf(row),
        form: "percentage",
        shown: printedPercent(row.percentage, met ? undefined : target.atLeast),
      },
    };
  }

  return {
    outcome: "not-captured",
    reason: achieved !== undefined && total === 0 ? { code: "zero-total", achieved } : { code: "no-figures" },
    actual: describeFigures(row),
  };
}
