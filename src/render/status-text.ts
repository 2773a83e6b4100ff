import type { Contract } from "../schema/contract.js";
import { outcomeWords } from "../schema/return.js";
import type { Direction, MonthResults, MsrResult } from "../schema/results.js";
import { comparedMonths, joinNumbers, monthLabel, shortMonthLabel } from "../evaluate/index.js";
import { painter, paintOutcome } from "./paint.js";

/** Version of the JSON `status` and `build` write; bump it when a field changes meaning. */
export const RESULTS_JSON_VERSION = 1;

const width = (rows: string[][], column: number) => Math.max(...rows.map((r) => r[column]!.length));

function table(rows: string[][], maxLast = 200): string {
  const widths = rows[0]!.map((_, c) => (c === rows[0]!.length - 1 ? maxLast : width(rows, c)));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ").trimEnd()).join("\n");
}

function msrLine(msr: MsrResult): string {
  switch (msr.state) {
    case "no-linked-kpis":
      return "No KPI linked to this MSR";
    case "met":
      return msr.linkedKpis.length === 1 ? "The linked KPI met, not applicable or not due" : `All ${msr.linkedKpis.length} linked KPIs met, not applicable or not due`;
    case "not-met":
      return `Not met: KPI ${joinNumbers(msr.notMet)}${msr.notCaptured.length ? `; not captured: KPI ${joinNumbers(msr.notCaptured)}` : ""}`;
    case "incomplete":
      return `Incomplete: KPI ${joinNumbers(msr.notCaptured)} not captured`;
  }
}

/** A symbol and the word, so the direction reads without colour and without the symbol. */
const DIRECTION_MARK: Record<Direction, string> = { better: "▲ better", same: "= same", worse: "▼ worse", "not comparable": "– not comparable" };

/** The month's verdict as a terminal table: KPIs, then MSRs, then the summary line. */
export function statusText(results: MonthResults, contract: Contract, colour = false): string {
  const paint = painter(colour);
  const names = new Map(contract.kpis.map((k) => [k.number, k.shortName]));
  const kpiRows = [
    ["KPI", "Name", "Target", "Actual figures", `vs ${shortMonthLabel(comparedMonths(results.month).previous)}`, "Outcome"],
    ...results.kpis.map((k) => [
      String(k.number),
      truncate(names.get(k.number) ?? "", 36),
      truncate(k.target, 24),
      truncate(k.actual.text, 30),
      k.trend ? DIRECTION_MARK[k.trend.direction] : "",
      `${outcomeWords(k.outcome)}${k.override ? ` (overridden; figures give ${outcomeWords(k.computedOutcome).toLowerCase()})` : ""}`,
    ]),
  ];
  const msrRows = [["MSR", "Linked", "State"], ...results.msrs.map((m) => [String(m.number), String(m.linkedKpis.length), msrLine(m)])];
  const overrides = results.kpis
    .filter((k) => k.override)
    .map((k) => `KPI ${k.number} overridden to ${outcomeWords(k.outcome).toLowerCase()}: ${k.override!.reason}`);
  // Colour goes on after padding: escape codes would otherwise upset the column widths.
  const table1 = table(kpiRows)
    .split("\n")
    .map((line, i) => (i === 0 ? paint("bold", line) : paintOutcome(paint, results.kpis[i - 1]!.outcome, line)));
  return [
    `${contract.supplier}: KPIs for ${monthLabel(results.month)} (${results.contract})`,
    "",
    ...table1,
    "",
    ...(overrides.length ? [...overrides, ""] : []),
    "Minimum Service Requirements",
    table(msrRows),
    "",
    paint("bold", results.summary.line),
  ].join("\n");
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The month's results as JSON: the shape `status --format json` and `build` share. */
export function statusJson(results: MonthResults): string {
  return JSON.stringify(
    {
      version: RESULTS_JSON_VERSION,
      month: results.month,
      contract: results.contract,
      kpis: results.kpis,
      msrs: results.msrs.map((m) => ({ ...m, linkedKpis: m.linkedKpis.map((k) => k.number), linkedOutcomes: m.linkedKpis })),
      summary: results.summary,
      ...(results.compliments !== undefined ? { compliments: results.compliments } : {}),
      ...(results.changes ? { changes: results.changes } : {}),
      ...(results.outcomesByMonth ? { outcomesByMonth: results.outcomesByMonth } : {}),
    },
    null,
    2,
  );
}
