import { statusText } from "./kpi-cells.js";
import { z } from "zod";
import type { Contract } from "../schema/contract.js";
import { OutcomeSchema, outcomeWords } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { figuresText, kpiRanges, monthLabel, summaryLine } from "../words/index.js";
import { directionHeader, directionLine, directionMark } from "../words/direction.js";
import { reviewLine } from "../words/review.js";
import { msrShortfall, MSR_STATE_OUTCOME, outcomeLine } from "../words/msr.js";
import { reportLabels } from "../words/labels.js";

/** A plain table for a terminal or markdown: the words of every cell decided here, the look by the renderer. */
export const TextTableSchema = z
  .object({
    columns: z.array(z.string()).min(1),
    rows: z.array(z.object({ cells: z.array(z.string()), outcome: OutcomeSchema.optional() }).strict()),
  })
  .strict();

/** The month's verdict as `status` shows it: KPIs, the council's overrides, MSRs and the summary line. */
export const StatusViewSchema = z
  .object({
    title: z.string(),
    kpis: TextTableSchema,
    /** Whether the council reviewed the month, in words: "not reviewed" unless its review names who and when. */
    review: z.string(),
    overrides: z.array(z.string()),
    /** Absent for a contract without MSRs. */
    msrHeading: z.string().optional(),
    msrs: TextTableSchema.optional(),
    summary: z.string(),
  })
  .strict();

export type TextTable = z.infer<typeof TextTableSchema>;
export type StatusView = z.infer<typeof StatusViewSchema>;

export function statusView(results: MonthResults, contract: Contract): StatusView {
  const names = new Map(contract.kpis.map((k) => [k.number, k.shortName]));
  return {
    title: `${contract.supplier}: KPIs for ${monthLabel(results.month)} (${results.contract})`,
    kpis: {
      columns: [
        "KPI",
        "Name",
        "Target",
        "Actual figures",
        directionHeader(results.month, results),
        "Outcome",
      ],
      rows: results.kpis.map((k) => ({
        cells: [
          String(k.number),
          names.get(k.number) ?? "Not in the contract",
          k.target,
          figuresText(k.actual),
          // With its reason, so "not comparable" always says why; uncompared results (a test's) say so rather than leave a blank.
          k.trend ? directionLine(k, k.trend) : directionMark("not comparable"),
          k.band ? statusText(k) : outcomeLine(k.outcome, k.override !== undefined, k.computedOutcome),
        ],
        outcome: k.outcome,
      })),
    },
    review: reviewLine(results.review, results.month),
    overrides: results.kpis
      .filter((k) => k.override)
      .map(
        (k) =>
          `KPI ${k.number} overridden to ${outcomeWords(k.outcome).toLowerCase()}: ${k.override!.reason.trim()}`,
      ),
    ...(contract.msrs.length ? msrView(results, reportLabels(contract).appendix2) : {}),
    summary: summaryLine(results.summary),
  };
}

function msrView(results: MonthResults, heading: string): Pick<StatusView, "msrHeading" | "msrs"> {
  return {
    msrHeading: heading,
    msrs: {
      columns: ["MSR", "Linked KPIs", "Linked KPIs not met or not captured"],
      rows: results.msrs.map((m) => {
        const outcome = MSR_STATE_OUTCOME[m.state];
        const linked = m.linkedKpis.length ? kpiRanges(m.linkedKpis.map((k) => k.number)) : "None";
        return {
          cells: [String(m.number), linked, msrShortfall(m).join("; ")],
          ...(outcome ? { outcome } : {}),
        };
      }),
    },
  };
}
