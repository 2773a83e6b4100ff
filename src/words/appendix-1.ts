import type { Month } from "../schema/return.js";
import type { Id } from "../schema/id.js";
import { monthLabel, shortMonthLabel } from "./months.js";
import type { ReportLabels } from "./labels.js";
import { shadingSentence } from "./outcomes.js";

/**
 * Appendix 1's own words: its headings, its table's headers, caption and description, the
 * compliments row and the key under its heading. The parts the contract may rename (`labels`:
 * the schedule's name, Rank, Compliments) are given, never assumed.
 */
export const SCHEDULE_HEADERS = {
  serviceCriteria: "Service Criteria",
  kpiNumber: "KPI Number",
  kpi: "KPI",
  target: "Service Required",
} as const;

/** "Appendix 1: KPI schedule, September 2022", the heading and the section's footer. */
export const appendix1Heading = (labels: Pick<ReportLabels, "appendix1">, month: Month) =>
  `Appendix 1: ${labels.appendix1}, ${monthLabel(month)}`;

/** A row's label when a table continues on the next page: "KPI 5". */
export const kpiRowLabel = (number: Id) => `KPI ${number}`;

const span = (months: readonly Month[], label: (m: Month) => string) =>
  months.length === 1 ? label(months[0]!) : `${label(months[0]!)} to ${label(months[months.length - 1]!)}`;

/** The part's heading, the outline's entry for it: the months it shows in full. */
export function partHeading(months: readonly Month[], index: number, count: number): string {
  const range = span(months, monthLabel);
  return count > 1 ? `Part ${index + 1} of ${count}: ${range}${index > 0 ? " (earlier months)" : ""}` : range;
}

/** "KPI schedule, Jun 2022 to Sep 2022 (part 1 of 2)": one month is named in full, a range in short, so the caption fits a line. */
export function scheduleCaption(
  labels: Pick<ReportLabels, "appendix1">,
  months: readonly Month[],
  index: number,
  count: number,
): string {
  const range = months.length === 1 ? monthLabel(months[0]!) : span(months, shortMonthLabel);
  return `${labels.appendix1}, ${range}${count > 1 ? ` (part ${index + 1} of ${count})` : ""}`;
}

/** What the table holds, for a reader who cannot see it: its rows, then each KPI's cells in order. */
export function scheduleDescription(
  labels: Pick<ReportLabels, "rank" | "compliments">,
  kpiCount: number,
  months: readonly Month[],
): string {
  const compliments =
    labels.compliments !== undefined ? `, then a row for ${labels.compliments.toLowerCase()}` : "";
  const rank = labels.rank !== undefined ? ` and ${labels.rank.toLowerCase()}` : "";
  return (
    `One row for each of the contract's ${kpiCount} KPIs${compliments}. For each KPI: its service criteria, ` +
    `number, description${rank}; then, for each month from ${monthLabel(months[0]!)} to ${monthLabel(months[months.length - 1]!)}, the outcome in words, ` +
    `the figures behind it and the supplier's commentary; last, the service required.`
  );
}

/** The compliments row (headed by the contract's word for it, `heading`): it has no number, and a month may record none. */
export const COMPLIMENTS = {
  number: "None",
  description: (heading: string) => `${heading} received this month`,
  none: "None recorded",
} as const;

/**
 * The key under Appendix 1's heading: how to read a month's cell (what its colour means, by band
 * for a `banded` contract; `against`, what it is compared with; `notDue`, whether a KPI is not due
 * this month, so its cell has no direction), and the parts' order when there are several.
 */
export function scheduleKey(
  month: Month,
  banded: boolean,
  against: string,
  parts: boolean,
  notDue = false,
): string {
  const label = monthLabel(month);
  return [
    `Each month shows the outcome in words, the actual figures behind it, then the supplier's commentary and any council note.`,
    shadingSentence(label, banded),
    `Each ${label} cell ends with the KPI's direction of travel against ${against}: ▲ better, = same, ▼ worse or – not comparable, with the reason.`,
    // `notDue`: some KPI is not due this month, and its cell has no direction (nothing to compare).
    ...(notDue
      ? [`A KPI not due in ${label} has no direction of travel, as it has nothing to compare.`]
      : []),
    ...(parts
      ? [
          `The schedule starts with ${label} and the months just before it; each part after it goes further back.`,
        ]
      : []),
  ].join(" ");
}
