import type { KpiResult, MonthResults, Trend } from "../schema/results.js";
import { RESULTS_JSON_VERSION, type ResultsJson } from "../schema/results-json.js";
import { figuresReason, figuresText, reasonText, summaryLine, trendText } from "../words/index.js";
import { reviewWord } from "../words/review.js";

export { RESULTS_JSON_VERSION };

const trendView = (k: KpiResult, trend: Trend | undefined) =>
  trend ? { trend: { ...trend, text: trendText(k, trend) } } : {};

/** One KPI: its codes and numbers, each with its words beside. */
export function kpiView(k: KpiResult): ResultsJson["kpis"][number] {
  const { trend, yearAgo, ...rest } = k;
  return {
    ...rest,
    actual: { ...k.actual, text: figuresText(k.actual) },
    reason: { ...k.reason, text: figuresReason(k) },
    verdict: reasonText(k),
    ...trendView(k, trend),
    ...(yearAgo ? { yearAgo: { ...yearAgo, text: trendText(k, yearAgo) } } : {}),
  };
}

/** The month's results as the documented JSON shape (src/schema/results-json.ts): what `status --format json` prints and `build` writes. */
export function resultsView(results: MonthResults): ResultsJson {
  return {
    version: RESULTS_JSON_VERSION,
    month: results.month,
    contract: results.contract,
    kpis: results.kpis.map(kpiView),
    msrs: results.msrs.map((m) => ({
      ...m,
      linkedKpis: m.linkedKpis.map((k) => k.number),
      linkedOutcomes: m.linkedKpis,
    })),
    summary: { ...results.summary, line: summaryLine(results.summary) },
    review: { ...results.review, state: reviewWord(results.review) },
    ...(results.compliments !== undefined ? { compliments: results.compliments } : {}),
    ...(results.changes ? { changes: results.changes } : {}),
    ...(results.outcomesByMonth ? { outcomesByMonth: results.outcomesByMonth } : {}),
  };
}
