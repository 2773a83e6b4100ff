import type { Contract } from "../schema/contract.js";
import type { Changes, MonthResults, OutcomeCounts } from "../schema/results.js";
import { figuresText, monthLabel, reasonText } from "../words/index.js";
import { comparedLabel, directionLine } from "../words/direction.js";
import { statusText } from "./kpi-cells.js";
import { CONTINUED_CELL, cell, continued, para, type Block, type Table } from "./document.js";
import { byBand, countKeys, countLabel, countOf, outcomeChart, outcomeChartTable } from "./outcome-chart.js";
import { PAGE } from "./page.js";
import { reportLabels } from "../words/labels.js";
import {
  BAND_CHANGE_KINDS,
  CHANGE_KINDS,
  type ChangeKind,
  changeLine,
  countChange,
  COUNTS_TABLE,
  GLANCE_HEADINGS,
  glanceHeading,
  glanceIntro,
  noChangeLine,
  noPreviousReturn,
  noShortfallGlance,
  SHORTFALL_TABLE,
} from "../words/glance.js";
import { kpiRowLabel } from "../words/appendix-1.js";
import { NOT_IN_CONTRACT } from "../words/outcomes.js";

/**
 * The month at a glance, a summary before Appendix 1 (labelled as one, and left out on request): the month's outcome counts beside the
 * month before's, the KPIs that fell short with their reasons, what changed, and the chart of
 * every month the schedule shows. Every word is decided here; the renderers draw the blocks.
 */

const sum = (counts: OutcomeCounts, bands: boolean) =>
  countKeys(bands).reduce((total, o) => total + countOf(counts, o), 0);

function countsTable(results: MonthResults, changes: Changes): Table {
  const previous = changes.previous;
  const before = changes.previousCounts;
  const bands = byBand([changes.counts]);
  const width = (PAGE.contentWidth - 160) / 3;
  const row = (label: string, now: number, was: number | undefined, strong = false) => ({
    cells: [
      cell([para(label, strong ? "strong" : "body")], { rowHeader: true }),
      cell([para(String(now), strong ? "strong" : "body")]),
      cell([
        was === undefined
          ? para(COUNTS_TABLE.noReturn, "note")
          : para(String(was), strong ? "strong" : "body"),
      ]),
      cell([was === undefined ? para(COUNTS_TABLE.notComparable, "note") : para(countChange(now, was))]),
    ],
  });
  return {
    caption: COUNTS_TABLE.caption(results.month, previous),
    description: COUNTS_TABLE.description(results.month, previous),
    columns: [
      { header: COUNTS_TABLE.header, width: 160 },
      { header: monthLabel(results.month), width },
      { header: monthLabel(previous), width },
      { header: COUNTS_TABLE.change, width },
    ],
    continuedCell: CONTINUED_CELL,
    rows: [
      ...countKeys(bands).map((o) =>
        row(countLabel(o), countOf(changes.counts, o), before ? countOf(before, o) : undefined),
      ),
      row(COUNTS_TABLE.total, sum(changes.counts, bands), before ? sum(before, bands) : undefined, true),
    ],
  };
}

function shortfallTable(contract: Contract, results: MonthResults, shortfalls: MonthResults["kpis"]): Table {
  const names = new Map(contract.kpis.map((k) => [k.number, k.shortName]));
  const columns = [
    { header: SHORTFALL_TABLE.number, width: 58 },
    { header: SHORTFALL_TABLE.kpi, width: 130 },
    { header: SHORTFALL_TABLE.outcome, width: 90 },
    { header: SHORTFALL_TABLE.figures, width: 110 },
    { header: SHORTFALL_TABLE.reason, width: 0 },
    { header: SHORTFALL_TABLE.direction(comparedLabel(results, true)), width: 150 },
  ];
  columns[4]!.width = PAGE.contentWidth - columns.reduce((total, c) => total + c.width, 0);
  return {
    caption: SHORTFALL_TABLE.caption(results.month, banded(results)),
    description: SHORTFALL_TABLE.description(results.month, banded(results)),
    columns,
    continuedCell: CONTINUED_CELL,
    rows: shortfalls.map((k) => ({
      continued: continued(kpiRowLabel(k.number)),
      cells: [
        cell([para(String(k.number), "strong")], { rowHeader: true }),
        cell([para(names.get(k.number) ?? NOT_IN_CONTRACT)]),
        cell([para(statusText(k), "status")], {
          outcome: k.outcome,
          coloured: true,
          ...(k.band ? { band: k.band } : {}),
        }),
        cell([para(figuresText(k.actual), "figures")]),
        cell([para(reasonText(k))]),
        cell([para(k.trend ? directionLine(k, k.trend) : SHORTFALL_TABLE.notCompared)]),
      ],
    })),
  };
}

/**
 * A paragraph for each kind of change that happened, then one sentence naming the kinds that did
 * not: by band when the changes have band lists (a contract with red, amber and green bands).
 */
function changeParagraphs(changes: Changes): Block[] {
  const paragraph = (text: string): Block => ({ type: "paragraph", paragraph: para(text) });
  if (!changes.previousCounts) return [paragraph(noPreviousReturn(changes.previous))];
  const kinds: readonly ChangeKind[] = changes.newlyRed ? BAND_CHANGE_KINDS : CHANGE_KINDS;
  const listOf = (kind: ChangeKind) => changes[kind] ?? [];
  const happened = kinds.filter((kind) => listOf(kind).length > 0);
  const none = kinds.filter((kind) => listOf(kind).length === 0);
  return [
    ...happened.map((kind) => paragraph(changeLine(kind, listOf(kind), changes.previous))),
    ...(none.length ? [paragraph(noChangeLine(none))] : []),
  ];
}

/** A contract with red, amber and green bands counts, and heads its shortfalls, by band. */
const banded = (results: MonthResults) => results.summary.green !== undefined;

/** The glance section's blocks; `results` must carry `changes` and `outcomesByMonth` (evaluate/compare.ts). */
export function glanceBlocks(contract: Contract, results: MonthResults): Block[] {
  const { changes, outcomesByMonth } = results;
  if (!changes || !outcomesByMonth)
    throw new Error(`The results for ${results.month} were not compared with the month before.`);
  const labels = reportLabels(contract);
  const shortfalls = results.kpis.filter((k) => k.outcome === "not-met" || k.outcome === "not-captured");
  const chart = outcomeChart(outcomesByMonth, contract.kpis.length);
  return [
    { type: "heading", level: 1, text: glanceHeading(results.month) },
    {
      type: "paragraph",
      // Labelled as a summary: it is not part of the appendices, and a pack may leave it out.
      paragraph: para(
        glanceIntro(labels, results.month, changes.previous, contract.msrs.length > 0, banded(results)),
      ),
    },
    { type: "heading", level: 2, text: GLANCE_HEADINGS.counts(changes.previous) },
    { type: "table", table: countsTable(results, changes) },
    { type: "heading", level: 2, text: GLANCE_HEADINGS.changes(changes.previous) },
    ...changeParagraphs(changes),
    { type: "heading", level: 2, text: GLANCE_HEADINGS.shortfalls(banded(results)) },
    shortfalls.length
      ? { type: "table", table: shortfallTable(contract, results, shortfalls) }
      : { type: "paragraph", paragraph: para(noShortfallGlance(results.month, banded(results))) },
    { type: "heading", level: 2, text: chart.title },
    { type: "figure", chart, table: outcomeChartTable(chart) },
  ];
}
