import type { KpiResult, Rag, Summary } from "../schema/results.js";
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
  const summary: Summary = {
    met: count("met"),
    notMet: notMetKpis.length,
    notCaptured: count("not-captured"),
    notApplicable: count("not-applicable"),
    notDue: count("not-due"),
    notMetKpis,
    overridden,
  };
  return kpiResults.some((r) => r.band !== undefined) ? { ...summary, ...bandCounts(kpiResults) } : summary;
}

/** The band of a judged KPI in a contract with RAG bands: its own, or (met or not met) green or red. */
export function bandOfResult(r: KpiResult): Rag | undefined {
  return r.band ?? (r.outcome === "met" ? "green" : r.outcome === "not-met" ? "red" : undefined);
}

/** A contract with RAG bands counts by band: every judged KPI is green, amber or red. */
function bandCounts(kpiResults: readonly KpiResult[]) {
  const of = (band: Rag) =>
    kpiResults
      .filter((r) => bandOfResult(r) === band)
      .map((r) => r.number)
      .sort(compareIds);
  const [green, amber, red] = [of("green"), of("amber"), of("red")];
  return { green: green.length, amber: amber.length, red: red.length, amberKpis: amber, redKpis: red };
}
