import { monthLabel, shortMonthLabel } from "../words/index.js";
import {
  CHART_LABELS,
  CHART_SEE_APPENDIX,
  CHART_TABLE_DESCRIPTION,
  chartExtremes,
  chartGaps,
  chartHead,
  chartMonthSentence,
  chartTableCaption,
  chartTitle,
  countLabel,
  countsInWords as countsWords,
} from "../words/chart.js";
import type { MonthCounts, OutcomeCounts, Rag } from "../schema/results.js";
import type { Month, Outcome } from "../schema/return.js";
import type { ChartCategory, OutcomeChart } from "./chart-schema.js";
import {
  BAND_CHART_ORDER,
  BAND_CHART_SERIES,
  CHART_ORDER,
  CHART_SERIES,
  type SeriesStyle,
} from "./chart-palette.js";
import { CONTINUED_CELL, cell, para, type Table } from "./document.js";
import { PAGE } from "./page.js";

export {
  ChartCategorySchema,
  ChartSeriesSchema,
  OutcomeChartSchema,
  type ChartCategory,
  type ChartSeries,
  type OutcomeChart,
} from "./chart-schema.js";

/** Which count of a month's OutcomeCounts holds each outcome. */
export const FIELD: Record<Outcome, Exclude<keyof OutcomeCounts, "green" | "amber" | "red">> = {
  met: "met",
  "not-met": "notMet",
  "not-captured": "notCaptured",
  "not-applicable": "notApplicable",
  "not-due": "notDue",
};

/** What a chart segment or a count row counts: an outcome, or for a contract with RAG bands a band. */
export type CountKey = Outcome | Rag;

/** Whether these counts are by band: a contract with RAG bands counts every judged KPI by band. */
export const byBand = (counts: readonly OutcomeCounts[]) => counts.some((c) => c.green !== undefined);

/** The keys counted, bottom of the stack first. */
export function countKeys(bands: boolean): readonly CountKey[] {
  return bands ? BAND_CHART_ORDER : CHART_ORDER;
}

export function countOf(counts: OutcomeCounts, key: CountKey): number {
  if (key === "green" || key === "amber" || key === "red") return counts[key] ?? 0;
  return counts[FIELD[key]];
}

export { countLabel };

function seriesStyle(key: CountKey, bands: boolean): SeriesStyle {
  if (!bands) return CHART_SERIES[key as Outcome];
  return BAND_CHART_SERIES[key as keyof typeof BAND_CHART_SERIES];
}

/** Beyond this many months the alt text gives the first, the last two and the extremes, and points to Appendix 1 for the rest. */
const MONTHS_LISTED = 12;

/** "24 met and 3 not met", each outcome that occurred, in stacking order; "no return" for a gap. */
export function countsInWords(month: MonthCounts, bands = byBand([month])): string {
  return countsWords(month, countKeys(bands), (o) => countOf(month, o), countLabel);
}

/** Ticks at 1, 2, 5 or 10 times a power of ten, at most six intervals, the last at or above the tallest bar. */
export function valueTicks(max: number): number[] {
  const top = Math.max(1, max);
  const fits = (step: number) => Math.ceil(top / step) <= 6;
  let scale = 1;
  while (![1, 2, 5].some((m) => fits(m * scale))) scale *= 10;
  const step = [1, 2, 5].map((m) => m * scale).find(fits)!;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}

function describe(months: readonly MonthCounts[], kpiCount: number, bands: boolean): string {
  const last = months.at(-1)!;
  const head = chartHead(
    months.map((m) => m.month),
    kpiCount,
    bands,
  );
  const sentence = (m: MonthCounts) => chartMonthSentence(m.month, countsInWords(m, bands));
  if (months.length <= MONTHS_LISTED) return [head, ...months.map(sentence)].join(" ");
  const returned = months.filter((m) => m.returned);
  const most = returned.reduce((best, m) => (m.met > best.met ? m : best), returned[0] ?? last);
  const fewest = returned.reduce((worst, m) => (m.met < worst.met ? m : worst), returned[0] ?? last);
  // (Met counts green, within-tolerance greens included, so "most met" holds for a contract with bands too.)
  return [
    head,
    sentence(last),
    sentence(months.at(-2)!),
    chartExtremes(most, fewest),
    ...(returned.length < months.length ? [chartGaps(months.length - returned.length, months.length)] : []),
    CHART_SEE_APPENDIX,
  ].join(" ");
}

/**
 * The outcome chart for the months a schedule shows (`months`, oldest first, the last being the
 * reporting month), from the results' `outcomesByMonth`. `kpiCount` is the contract's KPIs, which
 * every month with a return adds up to.
 */
export function outcomeChart(months: readonly MonthCounts[], kpiCount: number): OutcomeChart {
  const reporting = months.at(-1)?.month;
  const bands = byBand(months);
  const keys = countKeys(bands);
  const tallest = Math.max(kpiCount, ...months.map((m) => keys.reduce((sum, o) => sum + countOf(m, o), 0)));
  return {
    title: chartTitle(months.map((m) => m.month)),
    description: describe(months, kpiCount, bands),
    categories: months.map((m) => category(m.month, m.returned, m.month === reporting)),
    series: keys.map((outcome) => ({
      outcome,
      label: countLabel(outcome),
      ...seriesStyle(outcome, bands),
      values: months.map((m) => countOf(m, outcome)),
    })),
    xAxisLabel: CHART_LABELS.xAxis,
    yAxisLabel: CHART_LABELS.yAxis,
    yTicks: valueTicks(tallest),
    noReturnLabel: CHART_LABELS.noReturn,
  };
}

function category(month: Month, returned: boolean, reporting: boolean): ChartCategory {
  const label = shortMonthLabel(month);
  const [short, year] = label.split(" ") as [string, string];
  return { month, label, short, year, returned, reporting };
}

/**
 * The chart's figures as a table, for beside the chart (the HTML edition) or after it: a month a
 * row, a column per series in the chart's order, and the total, so no figure is in the picture alone.
 */
export function outcomeChartTable(chart: OutcomeChart): Table {
  const monthWidth = 120;
  const width = (PAGE.contentWidth - monthWidth) / (chart.series.length + 1);
  return {
    caption: chartTableCaption(chart.title),
    description: CHART_TABLE_DESCRIPTION,
    columns: [
      { header: CHART_LABELS.month, width: monthWidth },
      ...chart.series.map((s) => ({ header: s.label, width })),
      { header: CHART_LABELS.total, width },
    ],
    continuedCell: CONTINUED_CELL,
    rows: chart.categories.map((category, i) => {
      const values = chart.series.map((s) => s.values[i] ?? 0);
      const figure = (n: number) =>
        category.returned ? cell([para(String(n))]) : cell([para(chart.noReturnLabel, "note")]);
      return {
        cells: [
          cell([para(monthLabel(category.month), category.reporting ? "strong" : "body")], {
            rowHeader: true,
          }),
          ...values.map(figure),
          figure(values.reduce((a, b) => a + b, 0)),
        ],
      };
    }),
  };
}
