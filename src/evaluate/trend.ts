import type { Kpi, Target } from "../schema/contract.js";
import type { MeasuredTarget } from "../schema/target.js";
import { subtract, toDecimal, toNumber } from "./targets/exact.js";
import { sameTarget, targetInForce } from "./targets/in-force.js";
import { betterOf } from "./targets/judge.js";
import type { Direction, KpiResult, Trend } from "../schema/results.js";
import type { Month, Outcome } from "../schema/return.js";
import { printedPercent } from "./figures.js";

/**
 * Which way is better for a target's figures: "at least" and "more than" reward a higher figure,
 * "at most" and "fewer than" a lower one, a range says with `better` (or has no way), and a report
 * is delivered or not, so it has no figure to move.
 */
export function betterWay(target: Target): "higher" | "lower" | undefined {
  return target.kind === "report" ? undefined : betterOf(target);
}

type Verdict = Extract<Outcome, "met" | "not-met">;

/** Met and not met carry a verdict; the others (not captured, not applicable, not due) leave nothing to compare. */
function isVerdict(outcome: Outcome): outcome is Verdict {
  return outcome === "met" || outcome === "not-met";
}

/**
 * A percentage as the schedule prints it: one decimal, and never rounded up to a target it missed.
 * Two months are "same" when they print the same, so the direction never contradicts what the reader
 * sees side by side (99.96% and 100% both print "100%").
 */
function asPrinted(value: number, outcome: Outcome, atLeast: number): number {
  return printedPercent(value, outcome === "not-met" ? atLeast : undefined);
}

interface Figures {
  measure: MeasuredTarget["kind"];
  unit?: string;
  decimals?: number;
  /** Compared first; for a count target the count, where fewer is better. */
  value: number;
  /** Compared when the values tie: for a count target, the share of them reported (higher is better). */
  share?: number;
}

/** The target's own measure in a month's result, as printed; undefined when the result has none to compare. */
function figuresOf(target: Target, result: KpiResult): Figures | undefined {
  const { actual, computedOutcome } = result;
  if (target.kind !== "report" && actual.form === "measured" && actual.shown !== undefined)
    return {
      measure: target.kind,
      value: actual.shown,
      ...(actual.unit ? { unit: actual.unit } : {}),
      ...(actual.decimals !== undefined ? { decimals: actual.decimals } : {}),
    };
  if (actual.form === "measured") return undefined;
  switch (target.kind) {
    case "percentage":
      // A 0-of-0 month is met with no percentage: there is nothing to put beside another month's figure.
      return actual.percentage === undefined
        ? undefined
        : {
            measure: "percentage",
            value: asPrinted(actual.percentage, computedOutcome, target.atLeast ?? 100),
          };
    case "count": {
      if (actual.count === undefined) return undefined;
      const atLeast = target.reportedAtLeast ?? 100;
      return actual.percentage === undefined
        ? { measure: "count", value: actual.count }
        : {
            measure: "count",
            value: actual.count,
            share: asPrinted(actual.percentage, computedOutcome, atLeast),
          };
    }
    default:
      return undefined;
  }
}

const sign = (n: number): -1 | 0 | 1 => (n > 0 ? 1 : n < 0 ? -1 : 0);
const DIRECTION: Record<-1 | 0 | 1, Direction> = { [-1]: "worse", 0: "same", 1: "better" };

/** +1 when `now` is better than `before` for this target, -1 worse, 0 the same as printed. */
function compareFigures(target: Target, now: Figures, before: Figures): -1 | 0 | 1 {
  const way = betterWay(target) === "lower" ? -1 : 1;
  const byValue = sign(now.value - before.value) * way;
  if (byValue !== 0 || now.share === undefined || before.share === undefined) return byValue as -1 | 0 | 1;
  return sign(now.share - before.share);
}

/** Met is better than not met; equal verdicts are the same. */
function compareOutcomes(now: Verdict, before: Verdict): -1 | 0 | 1 {
  return now === before ? 0 : now === "met" ? 1 : -1;
}

function notComparable(
  previous: Month,
  cause: NonNullable<Trend["cause"]>,
  previousOutcome?: Outcome,
  previousTarget?: string,
): Trend {
  return {
    previous,
    direction: "not comparable",
    cause,
    ...(previousOutcome ? { previousOutcome } : {}),
    ...(previousTarget !== undefined ? { previousTarget } : {}),
  };
}

/**
 * One KPI this month against the same KPI in an earlier month (`before`, undefined when that
 * month has no return). Like is compared with like: the target's figures when both months have
 * them, else the two verdicts. A month without a verdict (not captured, not applicable, not due),
 * no return, or a target printed differently makes the pair "not comparable", and says why.
 *
 * When the council overrode either month, the verdicts are compared, not the figures it overruled.
 * When the verdict changed but the figures point the other way (a count target has two halves:
 * more routes not operated than last month, yet now all of them reported), the verdict decides,
 * as the committee reads the verdict first.
 */
export function kpiTrend(
  kpi: Kpi,
  now: KpiResult,
  before: KpiResult | undefined,
  previous: Month,
  hasReturn: boolean,
): Trend {
  if (!hasReturn) return notComparable(previous, "no-return");
  if (!before) return notComparable(previous, "no-result");
  const was = before.outcome;
  // The cause is this month's outcome when it has no verdict, else the earlier month's.
  if (!isVerdict(now.outcome)) return notComparable(previous, now.outcome, was);
  if (!isVerdict(was)) return notComparable(previous, was, was);
  if (now.target !== before.target) return notComparable(previous, "target-changed", was, before.target);
  // A target that changed under the same printed wording is still a changed target.
  if (!sameTarget(kpi.target, now.month, before.month)) return notComparable(previous, "target-changed", was);

  const byOutcome = compareOutcomes(now.outcome, was);
  const outcomeTrend = (because?: Trend["because"]): Trend => ({
    previous,
    direction: DIRECTION[byOutcome],
    basis: "outcome",
    previousOutcome: was,
    ...(because ? { because } : {}),
  });
  if (now.override || before.override) return outcomeTrend("overridden");

  const target = targetInForce(kpi.target, now.month);
  if (target === undefined || betterWay(target) === undefined) return outcomeTrend();
  const nowFigures = figuresOf(target, now);
  const beforeFigures = figuresOf(target, before);
  if (!nowFigures || !beforeFigures) return outcomeTrend();
  const byFigures = compareFigures(target, nowFigures, beforeFigures);
  if (byOutcome !== 0 && byFigures !== byOutcome) return outcomeTrend("figures-moved-other-way");
  return {
    previous,
    direction: DIRECTION[byFigures],
    basis: "figures",
    measure: nowFigures.measure,
    ...(nowFigures.unit ? { unit: nowFigures.unit } : {}),
    ...(nowFigures.decimals !== undefined ? { decimals: nowFigures.decimals } : {}),
    // "Up" is worse where lower is better: the words say so (a count's say "fewer is better").
    // (Southend's counts, where fewer is better, and its percentages leave it out, as they always have.)
    ...(nowFigures.measure === "count"
      ? betterWay(target) === "higher"
        ? { better: "higher" as const }
        : {}
      : betterWay(target) === "lower"
        ? { better: "lower" as const }
        : {}),
    figure: nowFigures.value,
    previousFigure: beforeFigures.value,
    // Exact in decimal: 100 - 95.2 is 4.799999... in binary.
    change: toNumber(subtract(toDecimal(nowFigures.value), toDecimal(beforeFigures.value))),
    ...(nowFigures.share !== undefined && beforeFigures.share !== undefined
      ? { share: nowFigures.share, previousShare: beforeFigures.share }
      : {}),
    previousOutcome: was,
  };
}
