import { outcomeWords } from "../schema/return.js";
import type { KpiResult } from "../schema/results.js";
import { BAND_WORDS, bandLabel, bandReasonText, shownFigures } from "../words/index.js";
import { directionLine } from "../words/direction.js";
import { cell, para, type Cell, type Paragraph } from "./document.js";

/** What a reader sees when a month has no return at all: said, never a blank cell. */
export const NO_RETURN = "No return";
export const NOT_APPLICABLE = "Not applicable";

/**
 * A KPI's verdict as its status line says it: the band's word and symbol for a target with RAG
 * bands ("Amber !"), else the outcome ("Not met"); "(overridden)" where the council decided it.
 */
export function statusText(result: Pick<KpiResult, "outcome" | "band" | "override">): string {
  const words = result.band ? bandLabel(result.band) : outcomeWords(result.outcome);
  return result.override ? `${words} (overridden)` : words;
}

/** What the reporting month's shading means, said beside the schedule: by band for a contract with RAG bands. */
export function shadingSentence(label: string, banded: boolean): string {
  return banded
    ? `Outcomes for ${label} are also shaded by band, which each cell names with a symbol: green (✓) met, amber (!) missed within the tolerance or improved, red (✗) missed; blue not captured, grey not applicable or not due.`
    : `Outcomes for ${label} are also shaded: green met, red not met, blue not captured, grey not applicable or not due.`;
}

/** Why a banded KPI has its band, as a note under its figures: "Amber: missed by no more than ...". */
export function bandNote(result: KpiResult): string | undefined {
  if (!result.band || !result.bandReason) return undefined;
  const why = bandReasonText(result.bandReason, result.actual.measure, result.actual.unit);
  return why === undefined ? undefined : `${BAND_WORDS[result.band]}: ${why}.`;
}

/**
 * One KPI in one month: the outcome in words, the counts behind it, the supplier's commentary,
 * then anything the council added; the reporting month's cell (`coloured`) ends with the direction
 * of travel against the month before, a symbol and words. Colour is only ever on top of the words.
 */
export function kpiMonthCell(result: KpiResult | undefined, coloured: boolean): Cell {
  if (!result) return cell([para(NO_RETURN, "note")]);
  const paragraphs: Paragraph[] = [para(statusText(result), "status")];
  const figures = shownFigures(result.actual);
  if (figures !== undefined) paragraphs.push(para(figures, "figures"));
  const band = bandNote(result);
  if (band !== undefined) paragraphs.push(para(band, "note"));
  const commentary = result.commentary.trim();
  // "Not captured" under "Not captured" says nothing twice; any other commentary is the supplier's and stays.
  if (commentary !== "" && commentary.toLowerCase() !== outcomeWords(result.outcome).toLowerCase())
    paragraphs.push(para(commentary));
  if (result.override)
    paragraphs.push(
      para(
        `Council override: ${result.override.reason.trim()} Figures alone give: ${outcomeWords(result.computedOutcome).toLowerCase()}.`,
        "note",
      ),
    );
  if (result.verified === false) {
    paragraphs.push(
      para(
        `Not verified by the council${result.verificationNote ? `: ${result.verificationNote}` : "."}`,
        "note",
      ),
    );
  } else if (result.verificationNote) {
    paragraphs.push(para(`Council: ${result.verificationNote}`, "note"));
  }
  if (coloured && result.trend) paragraphs.push(para(directionLine(result, result.trend), "figures"));
  return cell(paragraphs, {
    outcome: result.outcome,
    coloured,
    ...(result.band ? { band: result.band } : {}),
  });
}
