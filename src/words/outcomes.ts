import type { KpiResult } from "../schema/results.js";
import { OUTCOME_CHOICES, type Outcome } from "../schema/return.js";
import { BAND_WORDS, bandLabel, bandReasonText } from "./bands.js";
import { figuresReason } from "./reasons.js";
import type { Id } from "../schema/id.js";

/** "Not met": an outcome as a reader sees it, the word the council's review offers for it. */
export function outcomeWords(outcome: Outcome): string {
  return OUTCOME_CHOICES[outcome];
}

/** What a reader sees when a month has no return at all: said, never a blank cell. */
export const NO_RETURN = "No return";
export const NOT_APPLICABLE = "Not applicable";
/** A result whose KPI the contract does not have (a return's stray row). */
export const NOT_IN_CONTRACT = "Not in the contract";

/**
 * A KPI's verdict as its status line says it: the band's word and symbol for a target with RAG
 * bands ("Amber !"), else the outcome ("Not met"); "(overridden)" where the council decided it.
 */
export function statusText(result: Pick<KpiResult, "outcome" | "band" | "override">): string {
  const words = result.band ? bandLabel(result.band) : outcomeWords(result.outcome);
  return result.override ? `${words} (overridden)` : words;
}

/** What the reporting month's shading means, said beside the schedule: by band for a contract with RAG bands. */
export function shadingSentence(label: string, banded: boolean): string {
  return banded
    ? `Outcomes for ${label} are also shaded by band, which each cell names with a symbol: green (✓) met, amber (!) missed within the tolerance or improved, red (✗) missed; blue not captured, grey not applicable or not due.`
    : `Outcomes for ${label} are also shaded: green met, red not met, blue not captured, grey not applicable or not due.`;
}

/** Why a banded KPI has its band, as a note under its figures: "Amber: missed by no more than ...". */
export function bandNote(result: KpiResult): string | undefined {
  if (!result.band || !result.bandReason) return undefined;
  const why = bandReasonText(result.bandReason, result.actual.measure, result.actual.unit);
  return why === undefined ? undefined : `${BAND_WORDS[result.band]}: ${why}.`;
}

/** The council's override under the outcome it gave: "Council override: … Figures alone give: met." */
export function overrideNote(reason: string, computed: Outcome): string {
  return `Council override: ${reason.trim()} Figures alone give: ${outcomeWords(computed).toLowerCase()}.`;
}

/** "KPI 5 overridden to met: …", one line for each override `status` lists. */
export function overrideLine(number: Id, outcome: Outcome, reason: string): string {
  return `KPI ${number} overridden to ${outcomeWords(outcome).toLowerCase()}: ${reason.trim()}`;
}

/** The council's verification of a row: "Not verified by the council: …", or its note on a verified row. */
export function verificationLine(
  verified: boolean | undefined,
  note: string | undefined,
): string | undefined {
  if (verified === false) return `Not verified by the council${note ? `: ${note}` : "."}`;
  return note ? `Council: ${note}` : undefined;
}

/**
 * What the figures alone give, for the council's review sheet: the outcome, or the band and why in a
 * contract with RAG bands ("Amber !: 188 of 194 (96.9%) against at least 98%; missed by no more than
 * the tolerance of 4.9 percentage points"). `result` is judged with no review, so nothing overrides it.
 */
export function figuresGiveText(result: KpiResult): string {
  const why =
    result.band && result.bandReason
      ? bandReasonText(result.bandReason, result.actual.measure, result.actual.unit)
      : undefined;
  const verdict = result.band ? bandLabel(result.band) : outcomeWords(result.computedOutcome);
  return `${verdict}: ${figuresReason(result)}${why ? `; ${why}` : ""}`;
}
