import type { Target } from "../schema/contract.js";
import type { KpiStatus } from "../schema/return.js";
import type { KpiColumnKey } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import type { Place } from "./cells.js";
import type { Figures } from "./kpi-figures.js";

const FIGURES = ["achieved", "total", "count", "percentage"] as const;

/**
 * A measured row whose figures its target cannot judge: the evaluator would say "not captured"
 * (src/evaluate/*-target.ts), and without this warning nobody would know which cell to fill. Each
 * rule mirrors the judgement that reads the figure; a row with no figures at all, or with a figure
 * that already has a finding of its own, is left to those findings.
 */
export function checkNeeded(
  kpi: number,
  target: Target,
  status: KpiStatus | undefined,
  figures: Figures,
  unreadable: ReadonlySet<KpiColumnKey>,
  place: (key: KpiColumnKey) => Place,
): Finding[] {
  if (status !== "measured" || FIGURES.some((key) => unreadable.has(key)) || FIGURES.every((key) => figures[key] === undefined)) return [];
  const { achieved, total, count, percentage } = figures;
  // Achieved without Out of (or the reverse) has its own finding.
  if ((achieved === undefined) !== (total === undefined)) return [];
  const counts = achieved !== undefined && total !== undefined;
  const given = FIGURES.filter((key) => figures[key] !== undefined).map((key) => place(key).label).join(" and ");
  const need = (cells: readonly KpiColumnKey[], what: string) => {
    const where = cells.map((key) => place(key).cell).join(" and ");
    return [
      finding("figure-needed", `KPI ${kpi} is measured, but its target needs ${what}; only ${given} ${given.includes(" and ") ? "are" : "is"} given. Fill ${where}, or it is reported as not captured.`, {
        ...place(cells[0]!), found: `only ${given}`, expected: what,
      }),
    ];
  };
  switch (target.kind) {
    case "percentage":
      return counts || percentage !== undefined ? [] : need(["achieved", "total"], "Achieved and Out of (or a Percentage)");
    case "count": {
      if (count === undefined) return need(["count"], "a Count");
      // Too many is a failure whatever was reported, and none this month leaves nothing to report.
      if (target.reportedAtLeast === undefined || count >= target.below || count === 0) return [];
      const share = (counts && total > 0) || percentage !== undefined;
      return share ? [] : need(["achieved", "total"], "how many of them were reported: Achieved and Out of (or a Percentage)");
    }
    case "report":
      return achieved !== undefined || count !== undefined ? [] : need(["count"], "the number of reports delivered, as a Count (1 when the report was delivered)");
  }
}
