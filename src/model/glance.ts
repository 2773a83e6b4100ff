import type { Contract } from "../schema/contract.js";
import type { Changes, MonthResults, OutcomeCounts } from "../schema/results.js";
import type { Month } from "../schema/return.js";
import { figuresText, monthLabel, reasonText } from "../words/index.js";
import { comparedLabel, directionLine } from "../words/direction.js";
import { statusText } from "./kpi-cells.js";
import { cell, continued, para, type Block, type Table } from "./document.js";
import { byBand, countKeys, countLabel, countOf, outcomeChart, outcomeChartTable } from "./outcome-chart.js";
import { PAGE } from "./page.js";
import { reportLabels } from "../words/labels.js";
import { CHANGE_KINDS, changeLine, noChangeLine, noPreviousReturn } from "../words/glance.js";

/**
 * The month at a glance, a summary before Appendix 1 (labelled as one, and left out on request): the month's outcome counts beside the
 * month before's, the KPIs that fell short with their reasons, what changed, and the chart of
 * every month the schedule shows. Every word is decided here; the renderers draw the blocks.
 */
export function glanceHeading(month: Month): string {
  return `Summary: ${monthLabel(month)} at a glance`;
}

const sum = (counts: OutcomeCounts, bands: boolean) =>
  countKeys(bands).reduce((total, o) => total + countOf(counts, o), 0);

/** "14 more", "3 fewer", "No change": a count's change in words, never a bare signed number. */
function countChange(now: number, before: number): string {
  if (now === before) return "No change";
  return now > before ? `${now - before} more` : `${before - now} fewer`;
}

function countsTable(results: MonthResults, changes: Changes): Table {
  const previous = changes.previous;
  const before = changes.previousCounts;
  const bands = byBand([changes.counts]);
  const width = (PAGE.contentWidth - 160) / 3;
  const row = (label: string, now: number, was: number | undefined, strong = false) => ({
    cells: [
      cell([para(label, strong ? "strong" : "body")], { rowHeader: true }),
      cell([para(String(now), strong ? "strong" : "body")]),
      cell([was === undefined ? para("No return", "note") : para(String(was), strong ? "strong" : "body")]),
      cell([was === undefined ? para("Not comparable", "note") : para(countChange(now, was))]),
    ],
  });
  return {
    caption: `Outcomes, ${monthLabel(results.month)} against ${monthLabel(previous)}`,
    description:
      `One row for each outcome a KPI can have, then the total: how many KPIs had it in ${monthLabel(results.month)}, ` +
      `how many in ${monthLabel(previous)}, and the difference in words.`,
    columns: [
      { header: "Outcome", width: 160 },
      { header: monthLabel(results.month), width },
      { header: monthLabel(previous), width },
      { header: "Change", width },
    ],
    rows: [
      ...countKeys(bands).map((o) =>
        row(countLabel(o), countOf(changes.counts, o), before ? countOf(before, o) : undefined),
      ),
      row("All KPIs", sum(changes.counts, bands), before ? sum(before, bands) : undefined, true),
    ],
  };
}

function shortfallTable(contract: Contract, results: MonthResults, shortfalls: MonthResults["kpis"]): Table {
  const names = new Map(contract.kpis.map((k) => [k.number, k.shortName]));
  const columns = [
    { header: "KPI Number", width: 58 },
    { header: "KPI", width: 130 },
    { header: "Outcome", width: 90 },
    { header: "Actual figures", width: 110 },
    { header: "Reason", width: 0 },
    { header: `Direction against ${comparedLabel(results, true)}`, width: 150 },
  ];
  columns[4]!.width = PAGE.contentWidth - columns.reduce((total, c) => total + c.width, 0);
  return {
    caption: `KPIs not met or not captured, ${monthLabel(results.month)}`,
    description: `One row for each KPI not met or not captured in ${monthLabel(results.month)}: its number and name, the outcome, the figures, the reason for the outcome, and its direction of travel against the month before.`,
    columns,
    rows: shortfalls.map((k) => ({
      continued: continued(`KPI ${k.number}`),
      cells: [
        cell([para(String(k.number), "strong")], { rowHeader: true }),
        cell([para(names.get(k.number) ?? "Not in the contract")]),
        cell([para(statusText(k), "status")], {
          outcome: k.outcome,
          coloured: true,
          ...(k.band ? { band: k.band } : {}),
        }),
        cell([para(figuresText(k.actual), "figures")]),
        cell([para(reasonText(k))]),
        cell([para(k.trend ? directionLine(k, k.trend) : "Not compared")]),
      ],
    })),
  };
}

/** A paragraph for each kind of change that happened, then one sentence naming the kinds that did not. */
function changeParagraphs(changes: Changes): Block[] {
  const paragraph = (text: string): Block => ({ type: "paragraph", paragraph: para(text) });
  if (!changes.previousCounts) return [paragraph(noPreviousReturn(changes.previous))];
  const happened = CHANGE_KINDS.filter((kind) => changes[kind].length > 0);
  const none = CHANGE_KINDS.filter((kind) => changes[kind].length === 0);
  return [
    ...happened.map((kind) => paragraph(changeLine(kind, changes[kind], changes.previous))),
    ...(none.length ? [paragraph(noChangeLine(none))] : []),
  ];
}

/** The glance section's blocks; `results` must carry `changes` and `outcomesByMonth` (evaluate/compare.ts). */
export function glanceBlocks(contract: Contract, results: MonthResults): Block[] {
  const { changes, outcomesByMonth } = results;
  if (!changes || !outcomesByMonth)
    throw new Error(`The results for ${results.month} were not compared with the month before.`);
  const label = monthLabel(results.month);
  const previous = monthLabel(changes.previous);
  const labels = reportLabels(contract);
  const shortfalls = results.kpis.filter((k) => k.outcome === "not-met" || k.outcome === "not-captured");
  const chart = outcomeChart(outcomesByMonth, contract.kpis.length);
  return [
    { type: "heading", level: 1, text: glanceHeading(results.month) },
    {
      type: "paragraph",
      // Labelled as a summary: it is not part of the appendices, and a pack may leave it out.
      paragraph: para(
        `A summary before the appendices, of how ${label} compares with ${previous}: the outcomes counted for both months, what changed, the KPIs not met or not captured and why, and the outcomes of every month Appendix 1 shows. ` +
          (contract.msrs.length
            ? `Appendix 1 (the ${labels.appendix1}) and Appendix 2 (the ${labels.appendix2}) follow in full.`
            : `Appendix 1 (the ${labels.appendix1}) follows in full.`),
      ),
    },
    { type: "heading", level: 2, text: `Outcomes against ${previous}` },
    { type: "table", table: countsTable(results, changes) },
    { type: "heading", level: 2, text: `What changed since ${previous}` },
    ...changeParagraphs(changes),
    { type: "heading", level: 2, text: "KPIs not met or not captured" },
    shortfalls.length
      ? { type: "table", table: shortfallTable(contract, results, shortfalls) }
      : { type: "paragraph", paragraph: para(`Every KPI was met, not applicable or not due in ${label}.`) },
    { type: "heading", level: 2, text: chart.title },
    { type: "figure", chart, table: outcomeChartTable(chart) },
  ];
}
