import { monthLabel } from "./months.js";
import type { Month } from "../schema/return.js";
import type { ReviewState } from "../schema/review.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** 2022-10-14 as "14 October 2022", the way a committee paper dates things. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

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
