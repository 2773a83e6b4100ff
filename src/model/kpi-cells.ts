import type { KpiResult } from "../schema/results.js";
import { shownFigures } from "../words/index.js";
import { directionLine } from "../words/direction.js";
import { cell, para, type Cell, type Paragraph } from "./document.js";
import type { Month } from "../schema/return.js";
import { notDueNote } from "../words/targets.js";
import {
  bandNote,
  NO_RETURN,
  outcomeWords,
  overrideNote,
  statusText,
  verificationLine,
} from "../words/outcomes.js";

export { statusText };

/** A KPI the contract's year makes not due in a month, and the month it is next due in. */
export interface NotDue {
  frequency: "quarterly" | "annual";
  nextDue: Month;
}

/**
 * One KPI in one month: the outcome in words, the counts behind it, the supplier's commentary,
 * then anything the council added; the reporting month's cell (`coloured`) ends with the direction
 * of travel against the month before, a symbol and words, unless the KPI is not due. Colour is only
 * ever on top of the words.
 */
export function kpiMonthCell(result: KpiResult | undefined, coloured: boolean, notDue?: NotDue): Cell {
  // A month with no return still says when a KPI was not due then: "No return" would read as a gap.
  if (!result && notDue)
    return cell([
      para(outcomeWords("not-due"), "status"),
      para(notDueNote(notDue.frequency, notDue.nextDue), "note"),
    ]);
  if (!result) return cell([para(NO_RETURN, "note")]);
  const paragraphs: Paragraph[] = [para(statusText(result), "status")];
  const figures = shownFigures(result.actual);
  if (figures !== undefined) paragraphs.push(para(figures, "figures"));
  if (result.reason.code === "off-period")
    paragraphs.push(para(notDueNote(result.reason.frequency, result.reason.nextDue), "note"));
  const band = bandNote(result);
  if (band !== undefined) paragraphs.push(para(band, "note"));
  const commentary = result.commentary.trim();
  // "Not captured" under "Not captured" says nothing twice; any other commentary is the supplier's and stays.
  if (commentary !== "" && commentary.toLowerCase() !== outcomeWords(result.outcome).toLowerCase())
    paragraphs.push(para(commentary));
  if (result.override)
    paragraphs.push(para(overrideNote(result.override.reason, result.computedOutcome), "note"));
  const verification = verificationLine(result.verified, result.verificationNote);
  if (verification !== undefined) paragraphs.push(para(verification, "note"));
  // A KPI not due has nothing to compare: "not comparable: not due this month" would repeat its outcome.
  if (coloured && result.trend && result.outcome !== "not-due")
    paragraphs.push(para(directionLine(result, result.trend), "figures"));
  return cell(paragraphs, {
    outcome: result.outcome,
    coloured,
    ...(result.band ? { band: result.band } : {}),
  });
}
