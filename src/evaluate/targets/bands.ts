import type { MeasuredTarget } from "../../schema/target.js";
import { absolute, percentOfDecimal, toDecimal, toNumber, type Decimal } from "./exact.js";
import { betterOf, compareFigure, figureValue, type Figure, type TargetCheck } from "./judge.js";

/**
 * The band a judged figure falls in, by the contract's `bands` (docs/targets.md). Without bands a
 * target is met or not met, as Southend's are. With red/amber/green: met is green; a miss within
 * the tolerance of the bound it missed is amber (or green if the contract says so); a miss beyond
 * it is red, or amber when `amberIfImproved` and the figure is better than the like period before.
 */
export const BANDS = ["met", "not-met", "green", "amber", "red"] as const;
export type Band = (typeof BANDS)[number];

export type BandReason =
  | { code: "met" }
  | { code: "not-met" }
  | { code: "within-tolerance"; tolerance: number }
  | { code: "improved"; previous: number }
  | { code: "beyond-tolerance"; tolerance?: number };

export interface Banded {
  band: Band;
  reason: BandReason;
}

/** The tolerance in the figure's own unit: absolute as given, relative as a percentage of the bound missed. */
export function toleranceAt(target: MeasuredTarget, bound: number): Decimal | undefined {
  const tolerance = target.bands?.kind === "rag" ? target.bands.tolerance : undefined;
  if (tolerance?.absolute !== undefined) return toDecimal(tolerance.absolute);
  if (tolerance?.relative !== undefined)
    return absolute(percentOfDecimal(toDecimal(bound), toDecimal(tolerance.relative)));
  return undefined;
}

/** Whether `now` is strictly better than `before` in the target's direction; undefined when no direction is known. */
export function improvedOn(target: MeasuredTarget, now: Figure, before: Figure): boolean | undefined {
  const better = betterOf(target);
  if (better === undefined) return undefined;
  const c = compareFigure(now, toDecimal(figureValue(before)));
  return better === "higher" ? c > 0 : c < 0;
}

function withinTolerance(
  figure: Figure,
  check: Extract<TargetCheck, { code: "not-met" }>,
  tolerance: Decimal,
): boolean {
  const bound = toDecimal(check.bound);
  // The edge of the tolerance counts as within it, as "at least" counts its own bound.
  const edge = check.side === "below" ? subtractDecimal(bound, tolerance) : addDecimal(bound, tolerance);
  const c = compareFigure(figure, edge);
  return check.side === "below" ? c >= 0 : c <= 0;
}

function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return {
    units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale),
    scale,
  };
}

function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  return addDecimal(a, { units: -b.units, scale: b.scale });
}

/** `previous` is the like period before (periods.ts), judged against the same target; omit it when there is none. */
export function bandOf(
  target: MeasuredTarget,
  figure: Figure,
  check: TargetCheck,
  previous?: Figure,
): Banded {
  const bands = target.bands;
  if (bands === undefined || bands.kind === "met-not-met") {
    return check.code === "met"
      ? { band: "met", reason: { code: "met" } }
      : { band: "not-met", reason: { code: "not-met" } };
  }
  if (check.code === "met") return { band: "green", reason: { code: "met" } };
  const tolerance = toleranceAt(target, check.bound);
  if (tolerance !== undefined && withinTolerance(figure, check, tolerance)) {
    return {
      band: bands.withinTolerance,
      reason: { code: "within-tolerance", tolerance: toNumber(tolerance) },
    };
  }
  if (bands.amberIfImproved && previous !== undefined && improvedOn(target, figure, previous) === true) {
    return { band: "amber", reason: { code: "improved", previous: figureValue(previous) } };
  }
  return {
    band: "red",
    reason:
      tolerance === undefined
        ? { code: "beyond-tolerance" }
        : { code: "beyond-tolerance", tolerance: toNumber(tolerance) },
  };
}
