import type { Month } from "../../schema/return.js";
import type { AnyTarget, MeasuredTarget, Targets } from "../../schema/target.js";
import { compareDecimal, toDecimal } from "./exact.js";
import { betterOf, figureValue, type Figure } from "./judge.js";

/**
 * Targets that change: each month is judged by the target in force then, so a new target never
 * re-judges a past month, and the direction of travel across a change says it is not comparable.
 */

export function targetList(targets: Targets): AnyTarget[] {
  return Array.isArray(targets) ? targets : [targets];
}

/** The latest target whose `from` is not after `month`; a first target without `from` has always applied. */
export function targetInForce(targets: Targets, month: Month): AnyTarget | undefined {
  let inForce: AnyTarget | undefined;
  for (const target of targetList(targets)) {
    if (target.from === undefined || target.from <= month) inForce = target;
  }
  return inForce;
}

function withoutFrom(target: AnyTarget): string {
  const { from: _from, ...rest } = target;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

export type Travel =
  | { code: "better" | "worse" | "same"; previous: number; value: number }
  | { code: "not-comparable"; because: "target-changed" | "no-like-period" | "no-direction" };

/**
 * This period's figure against the like period before (periods.ts gives its month). "Same" is
 * exact equality of the decimals, so 3.5% typed and 0.035 stored as a percentage are the same.
 */
export function directionOfTravel(
  targets: Targets,
  month: Month,
  before: Month | undefined,
  now: Figure,
  previous: Figure | undefined,
): Travel {
  if (before === undefined || previous === undefined)
    return { code: "not-comparable", because: "no-like-period" };
  const current = targetInForce(targets, month);
  const then = targetInForce(targets, before);
  if (current === undefined || then === undefined || withoutFrom(current) !== withoutFrom(then)) {
    return { code: "not-comparable", because: "target-changed" };
  }
  if (current.kind === "report") return { code: "not-comparable", because: "no-direction" };
  const better = betterOf(current as MeasuredTarget);
  if (better === undefined) return { code: "not-comparable", because: "no-direction" };
  const value = figureValue(now);
  const old = figureValue(previous);
  const c = compareDecimal(toDecimal(value), toDecimal(old));
  const code = c === 0 ? "same" : c > 0 === (better === "higher") ? "better" : "worse";
  return { code, previous: old, value };
}
