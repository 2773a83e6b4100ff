import type { ReturnKpi } from "../../schema/return.js";
import type { MeasuredTarget } from "../../schema/target.js";
import { bandOf, type Band, type BandReason } from "./bands.js";
import { checkTarget, type Figure, type TargetCheck } from "./judge.js";

/**
 * A measured return row against any measured target, in codes and numbers (docs/targets.md).
 * Counts beat a stated percentage, as members asked for the counts; nothing done is nothing failed.
 */

export type FigureRead =
  | { code: "figure"; figure: Figure }
  | { code: "no-activity" }
  | { code: "no-figure" }
  /** Achieved given over a total of 0: a share of nothing. */
  | { code: "share-of-nothing" };

/** The row's figure for a percentage: counts first, then a stated percentage. */
function shareOf(row: ReturnKpi): FigureRead {
  const { achieved, total } = row;
  if (total === 0 && (achieved ?? 0) === 0) return { code: "no-activity" };
  if (achieved !== undefined && total !== undefined && total > 0)
    return { code: "figure", figure: { achieved, total } };
  if (row.percentage !== undefined) return { code: "figure", figure: { value: row.percentage } };
  return achieved !== undefined && total === 0 ? { code: "share-of-nothing" } : { code: "no-figure" };
}

export function figureOf(target: MeasuredTarget, row: ReturnKpi): FigureRead {
  if (target.kind === "percentage") return shareOf(row);
  return row.count === undefined ? { code: "no-figure" } : { code: "figure", figure: { value: row.count } };
}

/** For counts of things to report: what share of them was. Nothing counted is nothing left unreported. */
function reportedOf(row: ReturnKpi): FigureRead {
  if (row.total === 0 && (row.achieved ?? 0) === 0)
    return row.count === 0 ? { code: "no-activity" } : { code: "no-figure" };
  const share = shareOf(row);
  if (share.code === "figure") return share;
  return row.count === 0 ? { code: "no-activity" } : { code: "no-figure" };
}

export type RowJudgement =
  | { code: "no-activity"; band: Band }
  | {
      code: "not-captured";
      because: "no-figure" | "share-of-nothing" | "no-reported-figure";
      check?: TargetCheck;
    }
  | { code: "judged"; band: Band; reason: BandReason; check: TargetCheck; reported?: TargetCheck };

const GOOD: Record<"met-not-met" | "rag", Band> = { "met-not-met": "met", rag: "green" };
const BAD: Record<"met-not-met" | "rag", Band> = { "met-not-met": "not-met", rag: "red" };

/** `previous` is the like period's figure, for "amber if improved"; pass it only when the same target was in force. */
export function judgeRow(target: MeasuredTarget, row: ReturnKpi, previous?: Figure): RowJudgement {
  const scheme = target.bands?.kind ?? "met-not-met";
  const read = figureOf(target, row);
  if (read.code === "no-activity") return { code: "no-activity", band: GOOD[scheme] };
  if (read.code !== "figure") return { code: "not-captured", because: read.code };
  const check = checkTarget(target, read.figure);
  const banded = bandOf(target, read.figure, check, previous);
  if (check.code === "met" && target.reportedAtLeast !== undefined) {
    // The count is judged first: too many is a failure whatever was reported.
    const reported = reportedOf(row);
    if (reported.code === "no-figure" || reported.code === "share-of-nothing")
      return { code: "not-captured", because: "no-reported-figure", check };
    if (reported.code === "figure") {
      const share = checkTarget({ kind: "percentage", atLeast: target.reportedAtLeast }, reported.figure);
      if (share.code === "not-met")
        return { code: "judged", band: BAD[scheme], reason: { code: "not-met" }, check, reported: share };
      return { code: "judged", ...banded, check, reported: share };
    }
  }
  return { code: "judged", ...banded, check };
}
