import type { Actual } from "../schema/results.js";
import type { ReturnKpi } from "../schema/return.js";
import {
  describeFigures,
  figuresOf,
  isZeroActivity,
  percentOf,
  printedPercent,
  reaches,
  type Judgement,
} from "./figures.js";

/** Southend's count shape: "fewer than N a month, and at least P% of them reported". */
export interface CountTarget {
  kind: "count";
  below: number;
  reportedAtLeast?: number;
}

/** How much of the month's count was reported, when the row says. */
interface ReportedShare {
  reported: NonNullable<Actual["reported"]>;
  percentage?: number;
  /** As printed, never rounded up to the share it missed. */
  shown?: number;
  /** Whether it reaches the target's reportedAtLeast; undefined when the target sets none. */
  reaches?: boolean;
}

function reportedShare(row: ReturnKpi, atLeast: number | undefined): ReportedShare | undefined {
  const { achieved, total } = row;
  // Nothing happened, so nothing went unreported: the share is complete by definition. With a
  // count above 0, "0 of 0 reported" contradicts itself, and is treated as no figure at all.
  if (isZeroActivity(row)) {
    return row.count === 0
      ? { reported: "none-to-report", reaches: atLeast === undefined ? undefined : true }
      : undefined;
  }
  if (achieved !== undefined && total !== undefined && total > 0) {
    const percentage = percentOf(achieved, total);
    const ok = atLeast === undefined ? undefined : reaches(achieved, total, atLeast);
    return {
      reported: "counts",
      percentage,
      shown: printedPercent(percentage, ok === false ? atLeast : undefined),
      reaches: ok,
    };
  }
  if (row.percentage !== undefined) {
    const ok = atLeast === undefined ? undefined : row.percentage >= atLeast;
    return {
      reported: "share",
      percentage: row.percentage,
      shown: printedPercent(row.percentage, ok === false ? atLeast : undefined),
      reaches: ok,
    };
  }
  if (row.count === 0 && atLeast !== undefined) return { reported: "nothing-to-report", reaches: true };
  return undefined;
}

/**
 * A measured row against "fewer than N a month, and at least P% of them reported" (KPI 21:
 * "< 5 per month and 100% reported"). Both halves must hold; the count is judged first
 * because too many is a failure whatever was reported.
 */
export function judgeCount(target: CountTarget, row: ReturnKpi): Judgement {
  if (row.count === undefined) {
    return { outcome: "not-captured", reason: { code: "no-count" }, actual: describeFigures(row) };
  }
  const count = row.count;
  const below = target.below;
  const share = reportedShare(row, target.reportedAtLeast);
  const actual: Actual = {
    ...figuresOf(row, share?.percentage),
    form: "count",
    ...(share ? { reported: share.reported } : {}),
    ...(share?.shown !== undefined ? { shown: share.shown } : {}),
  };

  if (count >= below) return { outcome: "not-met", reason: { code: "over-limit", count, below }, actual };
  const reportedAtLeast = target.reportedAtLeast;
  if (reportedAtLeast !== undefined) {
    if (share === undefined)
      return {
        outcome: "not-captured",
        reason: { code: "reported-unknown", count, below, reportedAtLeast },
        actual,
      };
    if (share.reaches === false)
      return {
        outcome: "not-met",
        reason: { code: "under-reported", count, below, reportedAtLeast },
        actual,
      };
  }
  return { outcome: "met", reason: { code: "under-limit", count, below }, actual };
}
