import type { Month } from "../../schema/return.js";
import {
  targetInForce,
  targetList,
  type AnyTarget,
  type MeasuredTarget,
  type Targets,
} from "../../schema/target.js";
import { compareDecimal, toDecimal } from "./exact.js";
import { betterOf, figureValue, type Figure } from "./judge.js";

/**
 * Targets that change: each month is judged by the target in force then, so a new target never
 * re-judges a past month, and the direction of travel across a change says it is not comparable.
 */

export { targetInForce, targetList };

function withoutFrom(target: AnyTarget): string {
  const { from: _from, text: _text, ...rest } = target;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

/** Whether the same target (its `from` and wording aside) was in force in both months. */
export function sameTarget(targets: Targets, a: Month, b: Month): boolean {
  const [x, y] = [targetInForce(targets, a), targetInForce(targets, b)];
  return x !== undefined && y !== undefined && withoutFrom(x) === withoutFrom(y);
}

/** The "Service Required" wording in force in `month`: the target's own `text`, else the KPI's. */
export function targetTextIn(kpi: { target: Targets; targetText: string }, month: Month): string {
  return targetInForce(kpi.target, month)?.text ?? kpi.targetText;
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
