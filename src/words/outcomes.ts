import { outcomeWords, type Outcome } from "../schema/return.js";

export { outcomeWords };

/** What a reader sees when a month has no return at all: said, never a blank cell. */
export const NO_RETURN = "No return";
export const NOT_APPLICABLE = "Not applicable";
/** A result whose KPI the contract does not have (a return's stray row). */
export const NOT_IN_CONTRACT = "Not in the contract";

/** "Not met", "Not met (overridden)": the outcome as a cell states it. */
export function outcomeLabel(outcome: Outcome, overridden: boolean): string {
  return overridden ? `${outcomeWords(outcome)} (overridden)` : outcomeWords(outcome);
}

/** The council's override under the outcome it gave: "Council override: … Figures alone give: met." */
export function overrideNote(reason: string, computed: Outcome): string {
  return `Council override: ${reason.trim()} Figures alone give: ${outcomeWords(computed).toLowerCase()}.`;
}

/** "KPI 5 overridden to met: …", one line for each override `status` lists. */
export function overrideLine(number: number, outcome: Outcome, reason: string): string {
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
