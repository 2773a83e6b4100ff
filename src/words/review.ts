import { dayLabel, monthLabel } from "./months.js";
import type { Month } from "../schema/return.js";
import type { ReviewState } from "../schema/review.js";
import type { MsrResult } from "../schema/results.js";
import { kpiList } from "./lists.js";
import { msrShortfall, NO_LINKED_KPI } from "./msr.js";
import { figuresGiveText } from "./outcomes.js";

export const NOT_REVIEWED = "Figures not yet verified by the council";

/** Whether the month was reviewed, in one line, the same on the appendix, in `status` and in `build`. */
export function reviewLine(state: ReviewState, month: Month): string {
  const label = monthLabel(month);
  if (state.filled)
    return `Reviewed for the council by ${state.reviewedBy} on ${dayLabel(state.reviewedOn!)}.`;
  if (!state.read)
    return `${NOT_REVIEWED}: there is no council review of ${label}, so the outcomes are the supplier's figures alone.`;
  const lacks =
    state.missing.length === 2
      ? "who reviewed it or when"
      : state.missing[0] === "reviewedBy"
        ? "who reviewed it"
        : "when it was reviewed";
  return `${NOT_REVIEWED}: the council's review of ${label} does not yet say ${lacks}, so it is not reviewed.`;
}

/** "not reviewed" or "reviewed": the state as a word, for a table or a log line. */
export function reviewWord(state: ReviewState): "reviewed" | "not reviewed" {
  return state.filled ? "reviewed" : "not reviewed";
}

/**
 * What the council's review workbook shows beside its own columns, for reference: the supplier's
 * row as returned (or that it has none), what the figures alone give, and each MSR's roll-up.
 */
export const REFERENCE_WORDS = {
  noRow: "No row",
  noFigures: "None",
  /** "Not met: 95.2% is below the 98% target", or by band: "Amber !: … against at least 98%; missed by …" */
  figuresGive: figuresGiveText,
  /** `banded`: a contract with RAG bands, whose MSRs say which linked KPIs are red or amber. */
  msr(msr: MsrResult, banded: boolean): string {
    if (banded) return msrShortfall(msr, true).join("; ");
    switch (msr.state) {
      case "no-linked-kpis":
        return NO_LINKED_KPI;
      case "met":
        return "Met: every linked KPI met, not applicable or not due";
      case "not-met":
        return `Not met: ${kpiList(msr.notMet)}${msr.notCaptured.length ? `; not captured: ${kpiList(msr.notCaptured)}` : ""}`;
      case "incomplete":
        return `Incomplete: ${kpiList(msr.notCaptured)} not captured`;
    }
  },
} as const;
