import type { Actual, BandReason, Rag, Summary } from "../schema/results.js";
import { kpiList } from "./lists.js";
import { monthLabel } from "./months.js";
import { withUnit } from "./targets.js";
import type { Id } from "../schema/id.js";

/**
 * Red, amber and green in words (docs/targets.md): the band's name and symbol, why a KPI has it,
 * and the month's summary line by band for a contract that uses them.
 */

export const BAND_WORDS: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };

/**
 * A symbol for each band, so a band never rests on colour alone (nor on a reader's eye for the
 * word): a tick, a warning triangle, a cross. Drawn in the text font, beside the word.
 */
export const BAND_SYMBOLS: Record<Rag, string> = { green: "✓", amber: "!", red: "✗" };

/**
 * What fell short, as the glance and Appendix 2 head it: "not met or not captured", or, in a
 * contract with red, amber and green bands (`banded`), "red or amber, or not captured".
 */
export const shortfallWords = (banded: boolean) =>
  banded ? "red or amber, or not captured" : "not met or not captured";

/** "Green ✓", "Amber !": the band as a cell's status line states it. */
export function bandLabel(band: Rag): string {
  return `${BAND_WORDS[band]} ${BAND_SYMBOLS[band]}`;
}

/** A tolerance on a percentage is in percentage points, not a percentage of anything. */
function tolerance(value: number, measure?: Actual["measure"], unit?: string): string {
  if (measure !== "percentage") return withUnit(value, measure, unit);
  return `${withUnit(value, "count")} percentage ${value === 1 ? "point" : "points"}`;
}

/** Why the band, in a clause; undefined when being met says it all. */
export function bandReasonText(
  reason: BandReason,
  measure?: Actual["measure"],
  unit?: string,
): string | undefined {
  switch (reason.code) {
    case "met":
    case "no-activity":
      return undefined;
    case "within-tolerance":
      return `missed by no more than the tolerance of ${tolerance(reason.tolerance, measure, unit)}`;
    case "improved":
      return `missed beyond the tolerance, but better than ${monthLabel(reason.month)} (${withUnit(reason.previous, measure, unit)})`;
    case "beyond-tolerance":
      return reason.tolerance === undefined
        ? "target missed"
        : `missed by more than the tolerance of ${tolerance(reason.tolerance, measure, unit)}`;
    case "overridden":
      return "as the council's override decides";
  }
}

/** The optional tail, as summaryLine's: each only when non-zero. */
const TAIL = [
  ["notCaptured", "not captured"],
  ["notApplicable", "not applicable"],
  ["notDue", "not due"],
] as const;

/** "8 KPIs green, 2 amber: KPI 3 and 5, 1 red: KPI 7; 1 not captured": a month by band. */
export function bandSummaryLine(summary: Summary): string {
  const green = summary.green ?? 0;
  const part = (count: number, kpis: readonly Id[] | undefined, word: string) =>
    count === 0 ? `none ${word}` : `${count} ${word}: ${kpiList(kpis ?? [])}`;
  const head = `${green} ${green === 1 ? "KPI" : "KPIs"} green, ${part(summary.amber ?? 0, summary.amberKpis, "amber")}, ${part(summary.red ?? 0, summary.redKpis, "red")}`;
  const tail = TAIL.filter(([key]) => summary[key] > 0)
    .map(([key, words]) => `${summary[key]} ${words}`)
    .join(", ");
  return tail === "" ? head : `${head}; ${tail}`;
}
