import type { MonthResults } from "../schema/results.js";

/** Version of the results JSON `status` and `build` write; bump it when a field changes meaning. */
export const RESULTS_JSON_VERSION = 1;

/** The month's results as the documented JSON shape: what `status --format json` prints and `build` writes. */
export function resultsView(results: MonthResults): Record<string, unknown> {
  return {
    version: RESULTS_JSON_VERSION,
    month: results.month,
    contract: results.contract,
    kpis: results.kpis,
    msrs: results.msrs.map((m) => ({ ...m, linkedKpis: m.linkedKpis.map((k) => k.number), linkedOutcomes: m.linkedKpis })),
    summary: results.summary,
    review: { ...results.review, state: results.review.filled ? "reviewed" : "not reviewed" },
    ...(results.compliments !== undefined ? { compliments: results.compliments } : {}),
    ...(results.changes ? { changes: results.changes } : {}),
    ...(results.outcomesByMonth ? { outcomesByMonth: results.outcomesByMonth } : {}),
  };
}
