import { judgeKpi as judge } from "../../src/evaluate/kpi-outcome.js";
import { kpiTrend as trendOf } from "../../src/evaluate/trend.js";
import { kpiView } from "../../src/model/results-json.js";
import type { KpiResult, MonthResults } from "../../src/schema/results.js";
import { summaryLine } from "../../src/words/summary.js";
import { trendText } from "../../src/words/trend.js";

/**
 * Evaluate's results with src/words' sentences beside their codes, as the results JSON carries them
 * (`actual.text`, `verdict`, `trend.text`): the tables of cases below state each outcome's reason in
 * the words a reader gets, while evaluate itself returns only codes and numbers.
 */
export const worded = (result: KpiResult) => kpiView(result);

export const judgeKpi = (...args: Parameters<typeof judge>) => worded(judge(...args));

/** A trend with its sentence as `reason`. */
export function kpiTrend(...args: Parameters<typeof trendOf>) {
  const trend = trendOf(...args);
  return { ...trend, reason: trendText(args[1], trend) };
}

export const wordedMonth = (results: MonthResults) => ({
  ...results,
  kpis: results.kpis.map(worded),
  line: summaryLine(results.summary),
});
