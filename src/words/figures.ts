import { printedPercent } from "../evaluate/figures.js";
import type { Actual } from "../schema/results.js";
import { monthLabel } from "./months.js";
import { measuredFigures, withUnit } from "./targets.js";

/** "63%", "95.2%": at most one decimal, no trailing ".0"; given a missed target, never printed as that target. */
export function percentText(value: number, missedTarget?: number): string {
  return `${printedPercent(value, missedTarget)}%`;
}

/** What a cell says when a KPI has no figures at all. */
export const NO_FIGURES = "No figures";

const DERIVED = "(derived from the commentary)";
const NO_COUNTS = "no counts given";

/** A stated percentage's counts, when not both given. */
const countsWords = (a: Actual) =>
  a.achieved === undefined && a.total === undefined ? NO_COUNTS : "counts incomplete";

/** "17 of 27 (63%)", "17 of 27 (62.9% as stated)", "95% (no counts given)": a percentage target's figures. */
function percentageFigures(a: Actual): string {
  const shown = percentText(a.shown ?? a.percentage!);
  if (a.achieved !== undefined && a.total !== undefined && a.total > 0) {
    return `${a.achieved} of ${a.total} (${a.stated !== undefined ? `${percentText(a.stated)} as stated` : shown})`;
  }
  return `${shown} (${countsWords(a)})`;
}

/** "3 of 3 reported (100%)", "100% reported", "none to report": how much of a count was reported. */
function reportedWords(a: Actual, long: boolean): string | undefined {
  switch (a.reported) {
    case undefined:
      return undefined;
    case "counts":
      return long
        ? `${a.achieved} of ${a.total} reported (${percentText(a.shown!)})`
        : `${percentText(a.shown!)} reported`;
    case "share":
      return `${percentText(a.shown!)} reported`;
    case "none-to-report":
      return "none to report";
    case "nothing-to-report":
      return "nothing to report";
  }
}

/** The short form of a count's reported share, for a reason: "100% reported". */
export const reportedShort = (a: Actual) => reportedWords(a, false);

/** Whatever figures a row carries, counts first (members asked for counts); undefined when it carries none. */
function anyFigures(a: Actual): string | undefined {
  const parts: string[] = [];
  const { achieved, total } = a;
  if (achieved !== undefined && total !== undefined)
    parts.push(
      total > 0 ? `${achieved} of ${total} (${percentText(a.percentage!)})` : `${achieved} of ${total}`,
    );
  else if (a.percentage !== undefined) parts.push(`${percentText(a.percentage)} (${countsWords(a)})`);
  else if (achieved !== undefined) parts.push(`${achieved} achieved, total not given`);
  else if (total !== undefined) parts.push(`Total ${total}, achieved not given`);
  if (a.count !== undefined) parts.unshift(`Count ${a.count}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/** The figures as judged, before any "derived" label; undefined when there are none. */
export function judgedFigures(a: Actual): string | undefined {
  switch (a.form) {
    case "figures":
      return anyFigures(a);
    case "percentage":
      return percentageFigures(a);
    case "no-activity":
      return "0 of 0 (no activity)";
    case "count": {
      const share = reportedWords(a, true);
      return `Count ${a.count}${share ? `, ${share}` : ""}`;
    }
    case "report-delivered":
      return "Report delivered";
    case "no-report":
      return "No report delivered";
    case "covered":
      return `Covered by the ${monthLabel(a.coveredBy!)} report`;
    case "measured":
      return a.yearToDate ? yearToDateFigures(a, a.yearToDate) : measuredFigures(a);
  }
}

/**
 * A year to date with its latest part, worded by the figure's kind: "34 in the year to date, 6 this
 * month", "£1,200 in the year to date, £300 in July 2024 to September 2024", or, with no earlier
 * return this year, "17 in the year to date (April 2024 to June 2024)".
 */
function yearToDateFigures(a: Actual, ytd: NonNullable<Actual["yearToDate"]>): string {
  const total = `${measuredFigures(a)} in the year to date`;
  if (ytd.part === undefined || ytd.partFrom === undefined) return total;
  if (ytd.partFrom === ytd.to)
    return `${total}, ${withUnit(ytd.part, a.measure, a.unit, a.decimals)} this month`;
  const range = `${monthLabel(ytd.partFrom)} to ${monthLabel(ytd.to)}`;
  if (ytd.partFrom === ytd.from) return `${total} (${range})`;
  return `${total}, ${withUnit(ytd.part, a.measure, a.unit, a.decimals)} in ${range}`;
}

/**
 * The figures a cell shows, undefined when there are none. "100% (derived from the commentary)": the
 * label goes after the figure, so a narrow column that cuts the text (status) still shows the figure;
 * for a percentage alone it replaces "no counts given", which a derived figure says already.
 */
export function shownFigures(a: Actual): string | undefined {
  const text = judgedFigures(a);
  if (text === undefined || !a.derived) return text;
  const alone = ` (${NO_COUNTS})`;
  return text.endsWith(alone) ? `${text.slice(0, -alone.length)} ${DERIVED}` : `${text} ${DERIVED}`;
}

/** The figures in words, "No figures" when there are none. */
export function figuresText(a: Actual): string {
  return shownFigures(a) ?? NO_FIGURES;
}
