import type { MonthResults, Summary } from "../schema/results.js";
import type { Outcome } from "../schema/return.js";
import { bandSummaryLine } from "./bands.js";
import { kpiList } from "./lists.js";
import { compareIds } from "../schema/id.js";

/** The optional tail, in reading order; each only when non-zero, so a clean month reads cleanly. */
const TAIL = [
  ["notCaptured", "not captured"],
  ["notApplicable", "not applicable"],
  ["notDue", "not due"],
] as const;

/** "24 KPIs achieved, 3 not met: KPI 5, 26 and 27" (CI jobs grep for it: docs/ci.md), then "; 2 not captured". */
export function summaryLine(summary: Summary): string {
  // A contract with RAG bands reads its month by band.
  if (summary.green !== undefined) return bandSummaryLine(summary);
  const { met, notMetKpis } = summary;
  const head = `${met} ${met === 1 ? "KPI" : "KPIs"} achieved, ${notMetKpis.length === 0 ? "none not met" : `${notMetKpis.length} not met: ${kpiList(notMetKpis)}`}`;
  // A semicolon, because the KPI list before it already uses commas.
  const tail = TAIL.filter(([key]) => summary[key] > 0)
    .map(([key, words]) => `${summary[key]} ${words}`)
    .join(", ");
  return tail === "" ? head : `${head}; ${tail}`;
}

const were = (n: number) => (n === 1 ? "was" : "were");

/**
 * Each outcome that occurs this month, as a clause with its count, in the order a committee
 * reads them; met always comes first (as "none" when there are none), so the clauses add up
 * to every KPI of the contract.
 */
export function outcomeClauses(results: MonthResults): string[] {
  const numbers = (outcome: Outcome) =>
    results.kpis
      .filter((k) => k.outcome === outcome)
      .map((k) => k.number)
      .sort(compareIds);
  const clauses: string[] = [];
  const s = results.summary;
  if (s.green !== undefined) {
    // A contract with RAG bands: every judged KPI green, amber or red.
    clauses.push(s.green === 0 ? "none was green" : `${s.green} ${were(s.green)} green`);
    if (s.amberKpis?.length) clauses.push(`${s.amberKpis.length} amber (${kpiList(s.amberKpis)})`);
    if (s.redKpis?.length) clauses.push(`${s.redKpis.length} red (${kpiList(s.redKpis)})`);
  } else {
    const met = numbers("met").length;
    clauses.push(met === 0 ? "none was fully achieved" : `${met} ${were(met)} fully achieved`);
    const notMet = numbers("not-met");
    if (notMet.length)
      clauses.push(`${notMet.length} did not fully meet the requirements (${kpiList(notMet)})`);
  }
  const notCaptured = numbers("not-captured");
  if (notCaptured.length)
    clauses.push(
      `${notCaptured.length} could not be judged because the figures were not captured (${kpiList(notCaptured)})`,
    );
  const notApplicable = numbers("not-applicable").length;
  if (notApplicable) clauses.push(`${notApplicable} ${were(notApplicable)} not applicable`);
  const notDue = numbers("not-due").length;
  if (notDue) clauses.push(`${notDue} ${were(notDue)} not due this month`);
  return clauses;
}
