import type { Outcome } from "../schema/return.js";
import { outcomeWords } from "./outcomes.js";
import type { MsrResult, Rag } from "../schema/results.js";
import { BAND_WORDS, bandLabel } from "./bands.js";
import { kpiList } from "./lists.js";
import type { Id } from "../schema/id.js";

/**
 * What an MSR's linked KPIs come to, in the words every format uses: Appendix 2's shortfall
 * column, the terminal's `status`, the job summary and the review workbook all say it this way.
 */
export function msrShortfall(
  result: MsrResult,
  banded = result.linkedKpis.some((k) => k.band !== undefined),
): string[] {
  if (result.state === "no-linked-kpis") return [NO_LINKED_KPI];
  const lines: string[] = [];
  // By band, red first, in a contract with RAG bands: every KPI not met is red or amber.
  const inBand = (band: Rag) => result.linkedKpis.filter((k) => k.band === band).map((k) => k.number);
  for (const band of banded ? (["red", "amber"] as const) : [])
    if (inBand(band).length) lines.push(`${BAND_WORDS[band]}: ${kpiList(inBand(band))}`);
  if (!banded && result.notMet.length) lines.push(`Not met: ${kpiList(result.notMet)}`);
  if (result.notCaptured.length) lines.push(`Not captured: ${kpiList(result.notCaptured)}`);
  if (lines.length === 0) lines.push(banded ? ALL_LINKED_GREEN : ALL_LINKED_MET);
  return lines;
}

/** An MSR the contract links to no KPI: said once, wherever the MSR is shown. */
export const NO_LINKED_KPI = "No KPI linked to this MSR";
export const ALL_LINKED_MET = "None: all linked KPIs met, not applicable or not due";
export const ALL_LINKED_GREEN = "None: all linked KPIs green, not applicable or not due";

/** The cell colour that sums up an MSR uses the same scale as a KPI's outcome. */
export const MSR_STATE_OUTCOME: Record<MsrResult["state"], Outcome | undefined> = {
  met: "met",
  "not-met": "not-met",
  incomplete: "not-captured",
  "no-linked-kpis": undefined,
};

/** One linked KPI and its outcome, or its band in a contract with RAG bands: "KPI 5, Mobile phone: Not met", "KPI 1, Cat 1 made safe: Amber !". */
export function linkedKpiLine(
  number: Id,
  shortName: string | undefined,
  outcome: Outcome,
  band?: Rag,
): string {
  return `KPI ${number}, ${shortName ?? "not in the contract"}: ${band ? bandLabel(band) : outcomeWords(outcome)}`;
}

/** A KPI's outcome as the terminal and job summary list it: the council's verdict, and what the figures gave where it overrode them. */
export function outcomeLine(outcome: Outcome, override: boolean, computed: Outcome): string {
  return override
    ? `${outcomeWords(outcome)} (overridden; figures give ${outcomeWords(computed).toLowerCase()})`
    : outcomeWords(outcome);
}
