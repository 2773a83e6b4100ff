import { outcomeWords } from "../schema/return.js";
import type { KpiResult } from "../schema/results.js";
import { shownFigures } from "../words/index.js";
import { directionLine } from "../words/direction.js";
import { cell, para, type Cell, type Paragraph } from "./document.js";

/** What a reader sees when a month has no return at all: said, never a blank cell. */
export const NO_RETURN = "No return";
export const NOT_APPLICABLE = "Not applicable";

/**
 * One KPI in one month: the outcome in words, the counts behind it, the supplier's commentary,
 * then anything the council added; the reporting month's cell (`coloured`) ends with the direction
 * of travel against the month before, a symbol and words. Colour is only ever on top of the words.
 */
export function kpiMonthCell(result: KpiResult | undefined, coloured: boolean): Cell {
  if (!result) return cell([para(NO_RETURN, "note")]);
  const paragraphs: Paragraph[] = [
    para(
      result.override ? `${outcomeWords(result.outcome)} (overridden)` : outcomeWords(result.outcome),
      "status",
    ),
  ];
  const figures = shownFigures(result.actual);
  if (figures !== undefined) paragraphs.push(para(figures, "figures"));
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
  return cell(paragraphs, { outcome: result.outcome, coloured });
}
