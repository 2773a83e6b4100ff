import type { Comparison, MeasuredTarget } from "../../schema/target.js";
import {
  compareDecimal,
  compareShare,
  toDecimal,
  toNumber,
  subtract,
  absolute,
  type Decimal,
} from "./exact.js";

/**
 * A measured figure against its target, in codes and numbers only: the wording is the catalogue's.
 * Boundaries (docs/targets.md): "at least", "at most" and "between" include their bounds; "more
 * than" and "fewer than" exclude them. Nothing is rounded before judging.
 */

/** What a row gives: a stated value (a percentage 0-100, a count, days...) or counts whose share is the percentage. */
export type Figure = { value: number } | { achieved: number; total: number };

interface Bound {
  at: number;
  inclusive: boolean;
}

export interface Bounds {
  comparison: Comparison;
  lower?: Bound;
  upper?: Bound;
}

export type TargetCheck =
  | { code: "met"; comparison: Comparison; value: number }
  | {
      code: "not-met";
      comparison: Comparison;
      value: number;
      side: "below" | "above";
      bound: number;
      gap: number;
    };

export function boundsOf(target: MeasuredTarget): Bounds {
  if (target.atLeast !== undefined)
    return { comparison: "atLeast", lower: { at: target.atLeast, inclusive: true } };
  if (target.moreThan !== undefined)
    return { comparison: "moreThan", lower: { at: target.moreThan, inclusive: false } };
  if (target.atMost !== undefined)
    return { comparison: "atMost", upper: { at: target.atMost, inclusive: true } };
  const fewer = target.fewerThan ?? target.below;
  if (fewer !== undefined) return { comparison: "fewerThan", upper: { at: fewer, inclusive: false } };
  if (target.between !== undefined) {
    const [lo, hi] = target.between;
    return { comparison: "between", lower: { at: lo, inclusive: true }, upper: { at: hi, inclusive: true } };
  }
  // The schema's refinement makes this unreachable for a parsed target.
  throw new Error("target without a comparison");
}

/** Which way is better: given by the comparison, or by `better` for a range. */
export function betterOf(target: MeasuredTarget): "higher" | "lower" | undefined {
  if (target.better !== undefined) return target.better;
  const { comparison } = boundsOf(target);
  if (comparison === "atLeast" || comparison === "moreThan") return "higher";
  if (comparison === "atMost" || comparison === "fewerThan") return "lower";
  return undefined;
}

/** The sign of figure - d, exactly. */
export function compareFigure(figure: Figure, d: Decimal): -1 | 0 | 1 {
  if ("value" in figure) return compareDecimal(toDecimal(figure.value), d);
  return compareShare(figure.achieved, figure.total, toNumber(d));
}

/** The figure as one number, for results and words (a share as a percentage, multiplied first). */
export function figureValue(figure: Figure): number {
  return "value" in figure ? figure.value : (figure.achieved * 100) / figure.total;
}

function satisfies(figure: Figure, bound: Bound, side: "lower" | "upper"): boolean {
  const c = compareFigure(figure, toDecimal(bound.at));
  if (c === 0) return bound.inclusive;
  return side === "lower" ? c > 0 : c < 0;
}

export function checkTarget(target: MeasuredTarget, figure: Figure): TargetCheck {
  const bounds = boundsOf(target);
  const value = figureValue(figure);
  const { comparison, lower, upper } = bounds;
  for (const [bound, side] of [
    [lower, "below"],
    [upper, "above"],
  ] as const) {
    if (bound !== undefined && !satisfies(figure, bound, side === "below" ? "lower" : "upper")) {
      const gap = toNumber(absolute(subtract(toDecimal(value), toDecimal(bound.at))));
      return { code: "not-met", comparison, value, side, bound: bound.at, gap };
    }
  }
  return { code: "met", comparison, value };
}
