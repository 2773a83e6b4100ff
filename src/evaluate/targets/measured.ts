import type { Actual, BandReason, Rag, Reason } from "../../schema/results.js";
import type { ReturnKpi } from "../../schema/return.js";
import type { MeasuredTarget, PeriodFrequency } from "../../schema/target.js";
import { figuresOf, type Judgement } from "../figures.js";
import type { Banded } from "./bands.js";
import { roundForDisplay } from "./exact.js";
import { boundsOf, figureValue, type Figure, type TargetCheck } from "./judge.js";
import { figureOf, judgeRow } from "./judge-row.js";

/**
 * A measured row against a target of any kind (docs/targets.md), as a Judgement the rest of the
 * pipeline reads like any other: the figure and its display value in `actual`, the comparison in
 * `reason`, and for RAG bands the band and why. Southend's two shapes keep their own judges
 * (percentage-target.ts, count-target.ts), which say what they always said.
 */

export interface MeasuredJudgement extends Judgement {
  band?: Rag;
  bandReason?: BandReason;
}

/** How many places a figure prints with: the target's `decimals`, else one for a percentage, two for a value. */
export function displayDecimals(target: MeasuredTarget): number {
  if (target.decimals !== undefined) return target.decimals;
  return target.kind === "count" ? 0 : target.kind === "percentage" ? 1 : 2;
}

/** The figure as printed: rounded for display, never onto the bound it missed. */
function shownValue(target: MeasuredTarget, value: number, check: TargetCheck): number {
  const decimals = displayDecimals(target);
  if (check.code === "met") return roundForDisplay(value, decimals);
  return roundForDisplay(value, decimals, { threshold: check.bound, side: check.side });
}

function targetReason(
  target: MeasuredTarget,
  check: TargetCheck,
  basis: "counts" | "stated" | "figure",
  frequency: PeriodFrequency,
): Reason {
  const bounds = boundsOf(target);
  const own = bounds.lower?.at ?? bounds.upper!.at;
  const reason: Reason = {
    code: check.code === "met" ? "within-target" : "outside-target",
    measure: target.kind,
    comparison: bounds.comparison,
    bound: check.code === "met" ? own : check.bound,
    basis,
  };
  if (bounds.comparison === "between") {
    reason.bound = bounds.lower!.at;
    reason.upper = bounds.upper!.at;
  }
  if (target.kind !== "percentage" && target.unit !== undefined) reason.unit = target.unit;
  if (target.decimals !== undefined) reason.decimals = target.decimals;
  if (frequency !== "monthly") reason.period = frequency;
  return reason;
}

const BAND: Record<Banded["band"], Rag | undefined> = {
  green: "green",
  amber: "amber",
  red: "red",
  met: undefined,
  "not-met": undefined,
};

/** The like period's figure for "amber if improved": undefined when that row gives none. */
export function likeFigure(target: MeasuredTarget, row: ReturnKpi | undefined): Figure | undefined {
  if (row?.status !== "measured") return undefined;
  const read = figureOf(target, row);
  return read.code === "figure" ? read.figure : undefined;
}

export function judgeMeasured(
  target: MeasuredTarget,
  row: ReturnKpi,
  frequency: PeriodFrequency,
  previous?: { figure: Figure; month: string },
): MeasuredJudgement {
  const judged = judgeRow(target, row, previous?.figure);
  const rag = target.bands?.kind === "rag";
  if (judged.code === "no-activity") {
    const { percentage: _stated, ...counts } = figuresOf(row);
    return {
      outcome: "met",
      reason: { code: "no-activity" },
      actual: { ...counts, form: "no-activity" },
      ...(rag ? { band: "green" as const, bandReason: { code: "no-activity" as const } } : {}),
    };
  }
  if (judged.code === "not-captured") {
    const reason: Reason =
      judged.because === "share-of-nothing"
        ? { code: "zero-total", achieved: row.achieved ?? 0 }
        : { code: target.kind === "percentage" ? "no-figures" : "no-count" };
    return { outcome: "not-captured", reason, actual: { ...figuresOf(row), form: "figures" } };
  }
  const read = figureOf(target, row);
  const figure = read.code === "figure" ? read.figure : { value: 0 };
  const basis = "achieved" in figure ? "counts" : target.kind === "percentage" ? "stated" : "figure";
  const value = figureValue(figure);
  const actual: Actual = {
    ...figuresOf(row, target.kind === "percentage" ? value : undefined),
    form: "measured",
    value,
    shown: shownValue(target, value, judged.check),
    measure: target.kind,
  };
  if (target.kind !== "percentage" && target.unit !== undefined) actual.unit = target.unit;
  if (target.decimals !== undefined) actual.decimals = target.decimals;
  const band = BAND[judged.band];
  // A "between" met on the count but the reported share failing is not met, as for Southend's counts.
  const met = band === undefined ? judged.band === "met" : band === "green";
  const judgement: MeasuredJudgement = {
    outcome: met ? "met" : "not-met",
    reason: targetReason(target, judged.check, basis, frequency),
    actual,
  };
  if (band !== undefined) {
    judgement.band = band;
    const r = judged.reason;
    judgement.bandReason =
      r.code === "improved"
        ? { code: "improved", previous: r.previous, month: previous!.month }
        : r.code === "not-met"
          ? { code: "beyond-tolerance" }
          : r;
  }
  return judgement;
}
