import type { MonthCounts, Rag } from "../schema/results.js";
import { BAND_WORDS } from "./bands.js";
import type { Month, Outcome } from "../schema/return.js";
import { outcomeWords } from "./outcomes.js";
import { joinList } from "./lists.js";
import { monthLabel } from "./months.js";

/** The outcome chart's words: its title, axes, alt text and the table of its figures. */
export const CHART_LABELS = {
  xAxis: "Month",
  yAxis: "Number of KPIs",
  noReturn: "No return",
  month: "Month",
  total: "Total",
} as const;

const range = (months: readonly Month[]) =>
  months.length === 1 ? monthLabel(months[0]!) : `${monthLabel(months[0]!)} to ${monthLabel(months.at(-1)!)}`;

export const chartTitle = (months: readonly Month[]) => `KPI outcomes by month, ${range(months)}`;

export const chartTableCaption = (title: string) => `${title}: the figures`;
export const CHART_TABLE_DESCRIPTION =
  "One row for each month the chart shows, then a column for each outcome: how many KPIs had it that month, and the total. A month with no return says so.";

/** "24 met and 3 not met", each count that occurred with its name (`label`), in `order`; "no return" for a gap. */
export function countsInWords<K>(
  month: MonthCounts,
  order: readonly K[],
  count: (key: K) => number,
  label: (key: K) => string,
): string {
  if (!month.returned) return "no return";
  const parts = order.filter((o) => count(o) > 0).map((o) => `${count(o)} ${label(o).toLowerCase()}`);
  return parts.length ? joinList(parts) : "no KPIs";
}

/** "Met", "Amber": a count's name, a band's for a contract with RAG bands. */
export function countLabel(key: Outcome | Rag): string {
  return key === "green" || key === "amber" || key === "red" ? BAND_WORDS[key] : outcomeWords(key);
}

/** The alt text's sentences: what the chart shows, then a sentence a month (`month`, worded by the caller). */
export const chartHead = (months: readonly Month[], kpiCount: number, bands: boolean) =>
  `Stacked bar chart of how many of the ${kpiCount} KPIs were ${bands ? "green, amber, red, not captured, not applicable or not due" : "met, not met, not captured, not applicable or not due"} in ${months.length === 1 ? monthLabel(months[0]!) : `each month from ${range(months)}`}.`;

export const chartMonthSentence = (month: Month, counts: string) => `${monthLabel(month)}: ${counts}.`;

export const chartExtremes = (most: MonthCounts, fewest: MonthCounts) =>
  `Most met: ${most.met}, in ${monthLabel(most.month)}; fewest met: ${fewest.met}, in ${monthLabel(fewest.month)}.`;

export const chartGaps = (missing: number, months: number) =>
  `Months with no return: ${missing} of ${months}.`;

export const CHART_SEE_APPENDIX = "Appendix 1 gives every month's outcomes.";
