import type { Contract } from "../schema/contract.js";
import { outcomeWords, type Outcome } from "../schema/return.js";
import type { MonthResults, MsrResult } from "../schema/results.js";
import { kpiList, monthLabel } from "../evaluate/index.js";
import { cell, para, type Cell, type Paragraph, type Table } from "./document.js";

/** The cell colour that sums up an MSR uses the same scale as a KPI's outcome. */
const STATE_OUTCOME: Record<MsrResult["state"], Outcome | undefined> = {
  met: "met",
  "not-met": "not-met",
  incomplete: "not-captured",
  "no-linked-kpis": undefined,
};

/** Appendix 2: each MSR, its linked KPIs with this month's outcomes, what fell short, and the council's comment. */
export function msrTable(contract: Contract, results: MonthResults): Table {
  const shortNames = new Map(contract.kpis.map((k) => [k.number, k.shortName]));
  const byNumber = new Map(results.msrs.map((m) => [m.number, m]));
  const rows = contract.msrs.map((msr) => {
    const result = byNumber.get(msr.number)!;
    return {
      cells: [
        cell([para(String(msr.number), "strong")], { rowHeader: true }),
        cell([para(msr.text)]),
        linkedCell(result, shortNames),
        shortfallCell(result),
        cell([result.comment ? para(result.comment) : para("No comment this month", "note")]),
      ],
    };
  });
  return {
    caption: `Minimum Service Requirements and their linked KPIs, ${monthLabel(results.month)}`,
    columns: [
      // The linked-KPI column is the widest so each KPI's line fits on one line: MSR 1 links 24 KPIs,
      // and wrapped lines made its row too tall to start under the appendix's heading.
      { header: "MSR", width: 34 },
      { header: "Minimum Service Requirement", width: 200 },
      { header: `Linked KPIs: outcome for ${monthLabel(results.month)}`, width: 262 },
      { header: "Linked KPIs not met or not captured", width: 96 },
      { header: `Matters being addressed and comments for ${monthLabel(results.month)}`, width: 177.89 },
    ],
    rows,
  };
}

function linkedCell(result: MsrResult, shortNames: ReadonlyMap<number, string>): Cell {
  if (result.linkedKpis.length === 0) return cell([para("No KPI linked to this MSR", "note")]);
  const paragraphs: Paragraph[] = result.linkedKpis.map((k) => para(`KPI ${k.number}, ${shortNames.get(k.number) ?? "not in the contract"}: ${outcomeWords(k.outcome)}`));
  return cell(paragraphs);
}

function shortfallCell(result: MsrResult): Cell {
  const outcome = STATE_OUTCOME[result.state];
  const extra = outcome ? { outcome, coloured: true } : {};
  if (result.state === "no-linked-kpis") return cell([para(NOT_LINKED, "note")]);
  const paragraphs: Paragraph[] = [];
  if (result.notMet.length) paragraphs.push(para(`Not met: ${kpiList(result.notMet)}`, "status"));
  if (result.notCaptured.length) paragraphs.push(para(`Not captured: ${kpiList(result.notCaptured)}`, "status"));
  if (paragraphs.length === 0) paragraphs.push(para("None: all linked KPIs met, not applicable or not due", "status"));
  return cell(paragraphs, extra);
}

const NOT_LINKED = "Not applicable: no linked KPI";
