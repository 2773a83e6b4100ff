import type { Target } from "../schema/contract.js";
import type { ReturnKpi } from "../schema/return.js";
import { describeFigures, figuresOf, formatPercent, isZeroActivity, percentOf, reaches, type Judgement } from "./figures.js";

type CountTarget = Extract<Target, { kind: "count" }>;

/** How much of the month's count was reported, when the row says. */
interface ReportedShare {
  /** For the figures column: "3 of 3 reported (100%)", "100% reported", "none to report". */
  text: string;
  /** For the reason: always the short form, "100% reported". */
  short: string;
  percentage?: number;
  /** Whether it reaches the target's reportedAtLeast; undefined when the target sets none. */
  reaches?: boolean;
}

function reportedShare(row: ReturnKpi, atLeast: number | undefined): ReportedShare | undefined {
  const { achieved, total } = row;
  // Nothing happened, so nothing went unreported: the share is complete by definition. With a
  // count above 0, "0 of 0 reported" contradicts itself, and is treated as no figure at all.
  if (isZeroActivity(row)) {
    return row.count === 0 ? { text: "none to report", short: "none to report", reaches: atLeast === undefined ? undefined : true } : undefined;
  }
  if (achieved !== undefined && total !== undefined && total > 0) {
    const percentage = percentOf(achieved, total);
    const ok = atLeast === undefined ? undefined : reaches(achieved, total, atLeast);
    const shown = formatPercent(percentage, ok === false ? atLeast : undefined);
    return { text: `${achieved} of ${total} reported (${shown})`, short: `${shown} reported`, percentage, reaches: ok };
  }
  if (row.percentage !== undefined) {
    const ok = atLeast === undefined ? undefined : row.percentage >= atLeast;
    const shown = formatPercent(row.percentage, ok === false ? atLeast : undefined);
    return { text: `${shown} reported`, short: `${shown} reported`, percentage: row.percentage, reaches: ok };
  }
  if (row.count === 0 && atLeast !== undefined) return { text: "nothing to report", short: "nothing to report", reaches: true };
  return undefined;
}

/**
 * A measured row against "fewer than N a month, and at least P% of them reported" (KPI 21:
 * "< 5 per month and 100% reported"). Both halves must hold; the count is judged first
 * because too many is a failure whatever was reported.
 */
export function judgeCount(target: CountTarget, row: ReturnKpi): Judgement {
  const limit = `target fewer than ${target.below}`;
  if (row.count === undefined) {
    return { outcome: "not-captured", reason: "Measured, but no count given", actual: describeFigures(row) };
  }
  const n = row.count;
  const share = reportedShare(row, target.reportedAtLeast);
  const actual = { ...figuresOf(row, share?.percentage), text: `Count ${n}${share ? `, ${share.text}` : ""}` };
  const counted = `${n} this month (${limit})`;

  if (n >= target.below) {
    return { outcome: "not-met", reason: `${counted}${share ? `, ${share.short}` : ""}`, actual };
  }
  if (target.reportedAtLeast !== undefined) {
    const wanted = formatPercent(target.reportedAtLeast);
    if (share === undefined) {
      return { outcome: "not-captured", reason: `${counted}, but no figure for how many were reported (target ${wanted})`, actual };
    }
    if (share.reaches === false) {
      return { outcome: "not-met", reason: `${counted}, but only ${share.short} (target ${wanted})`, actual };
    }
  }
  return { outcome: "met", reason: `${counted}${share ? `, ${share.short}` : ""}`, actual };
}
