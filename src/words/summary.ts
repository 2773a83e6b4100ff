import type { Summary } from "../schema/results.js";
import { bandSummaryLine } from "./bands.js";
import { kpiList } from "./lists.js";

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
