import { kpiList } from "../words/index.js";
import { msrShortfall, NO_LINKED_KPI } from "../words/msr.js";
import { figuresGiveText } from "../words/outcomes.js";
import type { ReviewReference } from "../read/review-template.js";
import type { MonthResults, MsrResult } from "../schema/results.js";
import type { MonthlyReturn } from "../schema/return.js";
import { supplierFiguresText } from "../validate/review-against-return.js";

function msrWords(msr: MsrResult, banded: boolean): string {
  // A contract with RAG bands says which linked KPIs are red or amber, as Appendix 2 does.
  if (banded) return msrShortfall(msr, true).join("; ");
  switch (msr.state) {
    case "no-linked-kpis":
      return NO_LINKED_KPI;
    case "met":
      return "Met: every linked KPI met, not applicable or not due";
    case "not-met":
      return `Not met: ${kpiList(msr.notMet)}${msr.notCaptured.length ? `; not captured: ${kpiList(msr.notCaptured)}` : ""}`;
    case "incomplete":
      return `Incomplete: ${kpiList(msr.notCaptured)} not captured`;
  }
}

/**
 * What the council's review shows beside its own columns: the supplier's row as returned, and
 * the outcome and reason its figures alone give (`figuresAlone` evaluated with no review).
 */
export function reviewReference(supplierReturn: MonthlyReturn, figuresAlone: MonthResults): ReviewReference {
  const rows = new Map(supplierReturn.kpis.map((r) => [r.kpi, r]));
  return {
    kpis: new Map(
      figuresAlone.kpis.map((k) => {
        const row = rows.get(k.number);
        return [
          k.number,
          {
            status: row?.status ?? "No row",
            figures: row ? supplierFiguresText(row) : "None",
            commentary: row?.commentary ?? "",
            figuresGive: figuresGiveText(k),
          },
        ];
      }),
    ),
    msrs: new Map(
      figuresAlone.msrs.map((m) => [m.number, msrWords(m, figuresAlone.summary.green !== undefined)]),
    ),
  };
}
