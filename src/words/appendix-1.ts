import type { Month } from "../schema/return.js";
import { monthLabel, shortMonthLabel } from "./months.js";
import type { Id } from "../schema/id.js";

/** Appendix 1's own words: its heading, its table's headers, caption and description, the compliments row. */
export const SCHEDULE_HEADERS = {
  serviceCriteria: "Service Criteria",
  kpiNumber: "KPI Number",
  kpi: "KPI",
  rank: "Rank",
  target: "Service Required",
} as const;

export const COMPLIMENTS = {
  header: "Compliments",
  number: "None",
  description: "Compliments received this month",
  rank: "Not ranked",
  none: "None recorded",
} as const;

/** "Appendix 1: KPI schedule, September 2022" */
export const appendix1Heading = (month: Month) => `Appendix 1: KPI schedule, ${monthLabel(month)}`;

/** A row's label when a table continues on the next page: "KPI 5". */
export const kpiRowLabel = (number: Id) => `KPI ${number}`;

const span = (months: readonly Month[], label: (m: Month) => string) =>
  months.length === 1 ? label(months[0]!) : `${label(months[0]!)} to ${label(months[months.length - 1]!)}`;

/** The part's heading, the outline's entry for it: the months it shows in full. */
export function partHeading(months: readonly Month[], index: number, count: number): string {
  const range = span(months, monthLabel);
  return count > 1 ? `Part ${index + 1} of ${count}: ${range}${index > 0 ? " (earlier months)" : ""}` : range;
}

export function scheduleCaption(months: readonly Month[], index: number, count: number): string {
  // One month is named in full; a range in short, so the caption fits a line.
  const range = months.length === 1 ? monthLabel(months[0]!) : span(months, shortMonthLabel);
  return `KPI schedule, ${range}${count > 1 ? ` (part ${index + 1} of ${count})` : ""}`;
}

export function scheduleDescription(kpiCount: number, months: readonly Month[]): string {
  return (
    `One row for each of the contract's ${kpiCount} KPIs, then a row for compliments. For each KPI: its service criteria, ` +
    `number, description and rank; then, for each month from ${monthLabel(months[0]!)} to ${monthLabel(months[months.length - 1]!)}, the outcome in words, ` +
    `the figures behind it and the supplier's commentary; last, the service required.`
  );
}

/** The key under Appendix 1's heading: how to read a month's cell (`shading` says what its colour means, `against` what it is compared with), and the parts' order when there are several. */
export function scheduleKey(month: Month, shading: string, against: string, parts: boolean): string {
  const label = monthLabel(month);
  return [
    `Each month shows the outcome in words, the actual figures behind it, then the supplier's commentary and any council note.`,
    shading,
    `Each ${label} cell ends with the KPI's direction of travel against ${against}: ▲ better, = same, ▼ worse or – not comparable, with the reason.`,
    ...(parts
      ? [
          `The schedule starts with ${label} and the months just before it; each part after it goes further back.`,
        ]
      : []),
  ].join(" ");
}
