import type { KpiResult, Summary } from "../schema/results.js";
import type { Outcome } from "../schema/return.js";
import { compareIds } from "../schema/id.js";

/**
 * The month in counts, from the final outcomes (overrides included: the summary states the
 * council's verdict; `overridden` says where that differs from the figures). The line a reader
 * sees ("24 KPIs achieved, 3 not met: KPI 5, 26 and 27") is src/words/summary.ts's.
 */
export function summarise(kpiResults: readonly KpiResult[]): Summary {
  const count = (outcome: Outcome) => kpiResults.filter((r) => r.outcome === outcome).length;
  const notMetKpis = kpiResults
    .filter((r) => r.outcome === "not-met")
    .map((r) => r.number)
    .sort(compareIds);
  const overridden = kpiResults
    .filter((r) => r.override !== undefined)
    .map((r) => r.number)
    .sort(compareIds);
  return {
    met: count("met"),
    notMet: notMetKpis.length,
    notCaptured: count("not-captured"),
    notApplicable: count("not-applicable"),
    notDue: count("not-due"),
    notMetKpis,
    overridden,
  };
}
