import type { Target } from "../schema/contract.js";
import { figuresNeeded } from "../schema/figures-needed.js";
import type { KpiStatus } from "../schema/return.js";
import { KPI_COLUMNS, type KpiColumnKey } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import type { Place } from "./cells.js";
import type { Figures } from "./kpi-figures.js";
import type { Id } from "../schema/id.js";

const FIGURES = ["achieved", "total", "count", "percentage"] as const;
/** The column the message quotes, as the template heads it. */
const NEEDED_HEADER = KPI_COLUMNS.find((c) => c.key === "figuresNeeded")!.header;

/**
 * A measured row whose figures its target cannot judge: the evaluator would say "not captured"
 * (src/evaluate/*-target.ts), and without this warning nobody would know which cell to fill. Each
 * rule mirrors the judgement that reads the figure; a row with no figures at all, or with a figure
 * that already has a finding of its own, is left to those findings. The message quotes the row's
 * "Figures needed" (one wording, figuresNeeded()) and names the cells to fill.
 */
export function checkNeeded(
  kpi: Id,
  target: Target,
  status: KpiStatus | undefined,
  figures: Figures,
  unreadable: ReadonlySet<KpiColumnKey>,
  place: (key: KpiColumnKey) => Place,
): Finding[] {
  if (
    status !== "measured" ||
    FIGURES.some((key) => unreadable.has(key)) ||
    FIGURES.every((key) => figures[key] === undefined)
  )
    return [];
  const { achieved, total, count, percentage } = figures;
  // Achieved without Out of (or the reverse) has its own finding.
  if ((achieved === undefined) !== (total === undefined)) return [];
  const counts = achieved !== undefined && total !== undefined;
  const given = FIGURES.filter((key) => figures[key] !== undefined)
    .map((key) => place(key).label)
    .join(" and ");
  const need = (cells: readonly KpiColumnKey[]) => {
    const where = cells.map((key) => place(key).cell).join(" and ");
    const needed = figuresNeeded(target);
    const only = `only ${given} ${given.includes(" and ") ? "are" : "is"} given`;
    const message = `KPI ${kpi} is measured, but ${only}, and its target needs more. ${NEEDED_HEADER}: "${needed}" Fill ${where}, or it is reported as not captured.`;
    return [
      finding("figure-needed", message, { ...place(cells[0]!), found: `only ${given}`, expected: needed }),
    ];
  };
  switch (target.kind) {
    case "percentage":
      return counts || percentage !== undefined ? [] : need(["achieved", "total"]);
    case "count": {
      if (count === undefined) return need(["count"]);
      // Too many is a failure whatever was reported, and none this month leaves nothing to report.
      const limit = target.below ?? target.fewerThan;
      if (target.reportedAtLeast === undefined || limit === undefined || count >= limit || count === 0)
        return [];
      const share = (counts && total > 0) || percentage !== undefined;
      return share ? [] : need(["achieved", "total"]);
    }
    case "value":
    case "average":
      return count === undefined ? need(["count"]) : [];
    case "report":
      // The evaluator takes a Count too, but the template asks for 1 of 1, so the warning does.
      return achieved !== undefined || count !== undefined ? [] : need(["achieved", "total"]);
  }
}
