import type { MonthlyReview, ReviewState } from "../schema/review.js";

/**
 * The month's review state, decided once: a review counts only when it names who reviewed it and
 * when, so a blank review written by `kpi-report review` never passes for a review.
 */
export function reviewState(review?: MonthlyReview): ReviewState {
  if (!review) return { read: false, filled: false, missing: [] };
  const missing: ReviewState["missing"] = [];
  if (!review.reviewedBy?.trim()) missing.push("reviewedBy");
  if (!review.reviewedOn) missing.push("reviewedOn");
  const state: ReviewState = { read: true, filled: missing.length === 0, missing };
  if (review.reviewedBy?.trim()) state.reviewedBy = review.reviewedBy.trim();
  if (review.reviewedOn) state.reviewedOn = review.reviewedOn;
  return state;
}
