import { REFERENCE_WORDS } from "../words/review.js";
import type { ReviewReference } from "../read/review-template.js";
import type { MonthResults } from "../schema/results.js";
import type { MonthlyReturn } from "../schema/return.js";
import { supplierFiguresText } from "../validate/review-against-return.js";

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
            status: row?.status ?? REFERENCE_WORDS.noRow,
            figures: row ? supplierFiguresText(row) : REFERENCE_WORDS.noFigures,
            commentary: row?.commentary ?? "",
            figuresGive: REFERENCE_WORDS.figuresGive(k),
          },
        ];
      }),
    ),
    // A contract with RAG bands says which linked KPIs are red or amber, as Appendix 2 does.
    msrs: new Map(
      figuresAlone.msrs.map((m) => [
        m.number,
        REFERENCE_WORDS.msr(m, figuresAlone.summary.green !== undefined),
      ]),
    ),
  };
}
