import type { Contract } from "../schema/contract.js";
import type { MonthResults, MsrResult, Rag } from "../schema/results.js";
import {
  msrCaption,
  msrDescription,
  msrHeaders,
  msrPartHeading,
  msrRowLabel,
  NO_COMMENT,
} from "../words/appendix-2.js";
import { CONTINUED_CELL, cell, continued, para, type Block, type Cell, type Table } from "./document.js";
import { linkedKpiLine, MSR_STATE_OUTCOME, msrShortfall, NO_LINKED_KPI } from "../words/msr.js";
import type { Id } from "../schema/id.js";
import { reportLabels } from "../words/labels.js";

/** Appendix 2's part: its heading (H2) and the table. */
export function msrBlocks(contract: Contract, results: MonthResults): Block[] {
  return [
    {
      type: "heading",
      level: 2,
      text: msrPartHeading(reportLabels(contract), contract.msrs[0]!.number, contract.msrs.at(-1)!.number),
    },
    { type: "table", table: msrTable(contract, results) },
  ];
}

/** Appendix 2: each MSR, its linked KPIs with this month's outcomes, what fell short, and the council's comment. */
export function msrTable(contract: Contract, results: MonthResults): Table {
  const shortNames = new Map(contract.kpis.map((k) => [k.number, k.shortName]));
  const byNumber = new Map(results.msrs.map((m) => [m.number, m]));
  const labels = reportLabels(contract);
  const rows = contract.msrs.map((msr) => {
    const result = byNumber.get(msr.number)!;
    return {
      continued: continued(msrRowLabel(labels, msr.number)),
      cells: [
        cell([para(String(msr.number), "strong")], { rowHeader: true }),
        cell([para(msr.text)]),
        linkedCell(result, shortNames),
        shortfallCell(result, results.summary.green !== undefined),
        cell([result.comment ? para(result.comment) : para(NO_COMMENT, "note")]),
      ],
    };
  });
  const banded = results.summary.green !== undefined;
  const headers = msrHeaders(labels, results.month, banded);
  return {
    caption: msrCaption(labels, results.month),
    description: msrDescription(labels, contract.msrs.length, results.month, banded),
    columns: [
      // The linked-KPI column is the widest so each KPI's line fits on one line: MSR 1 links 24 KPIs,
      // and wrapped lines made its row too tall to start under the appendix's heading.
      { header: headers.msr, width: 34 },
      { header: headers.requirement, width: 200 },
      { header: headers.linked, width: 262 },
      { header: headers.shortfall, width: 96 },
      { header: headers.comments, width: 177.89 },
    ],
    continuedCell: CONTINUED_CELL,
    rows,
  };
}

function linkedCell(result: MsrResult, shortNames: ReadonlyMap<Id, string>): Cell {
  if (result.linkedKpis.length === 0) return cell([para(NO_LINKED_KPI, "note")]);
  return cell(
    result.linkedKpis.map((k) => para(linkedKpiLine(k.number, shortNames.get(k.number), k.outcome, k.band))),
    { list: true },
  );
}

function shortfallCell(result: MsrResult, banded: boolean): Cell {
  const outcome = MSR_STATE_OUTCOME[result.state];
  const lines = msrShortfall(result, banded);
  if (!outcome) return cell(lines.map((line) => para(line, "note")));
  return cell(
    lines.map((line) => para(line, "status")),
    // Not met is red or amber by its linked KPIs' bands; incomplete stays "not captured".
    { outcome, coloured: true, ...(banded && result.state === "not-met" ? bandOf(result) : {}) },
  );
}

/** The shade of a banded MSR not met: its worst linked KPI's band, as its lines name them. */
function bandOf(result: MsrResult): { band?: Rag } {
  const bands = new Set(result.linkedKpis.map((k) => k.band));
  for (const band of ["red", "amber"] as const) if (bands.has(band)) return { band };
  return {};
}
