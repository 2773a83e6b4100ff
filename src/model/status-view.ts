import { statusText } from "./kpi-cells.js";
import * as z from "zod";
import type { Contract } from "../schema/contract.js";
import { OutcomeSchema } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { figuresText, kpiRanges, summaryLine } from "../words/index.js";
import { NO_LINKED, STATUS_COLUMNS, statusTitle } from "../words/status.js";
import { NOT_IN_CONTRACT, overrideLine } from "../words/outcomes.js";
import { shortfallHeader } from "../words/appendix-2.js";
import { directionHeader, directionLine, directionMark, notDueDirection } from "../words/direction.js";
import { reviewLine } from "../words/review.js";
import { msrShortfall, MSR_STATE_OUTCOME, outcomeLine } from "../words/msr.js";
import { type ReportLabels, reportLabels } from "../words/labels.js";

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
    title: statusTitle(contract, results.month, results.contract),
    kpis: {
      columns: [
        STATUS_COLUMNS.kpi,
        STATUS_COLUMNS.name,
        STATUS_COLUMNS.target,
        STATUS_COLUMNS.figures,
        directionHeader(results.month, results),
        STATUS_COLUMNS.outcome,
      ],
      rows: results.kpis.map((k) => ({
        cells: [
          String(k.number),
          names.get(k.number) ?? NOT_IN_CONTRACT,
          k.target,
          figuresText(k.actual),
          // With its reason, so "not comparable" always says why; uncompared results (a test's) say so rather than leave a blank.
          // A KPI not due says when it is next due instead, its outcome already saying it is not due.
          k.outcome === "not-due"
            ? notDueDirection(k)
            : k.trend
              ? directionLine(k, k.trend)
              : directionMark("not comparable"),
          k.band ? statusText(k) : outcomeLine(k.outcome, k.override !== undefined, k.computedOutcome),
        ],
        outcome: k.outcome,
      })),
    },
    review: reviewLine(results.review, results.month),
    overrides: results.kpis
      .filter((k) => k.override)
      .map((k) => overrideLine(k.number, k.outcome, k.override!.reason)),
    ...(contract.msrs.length ? msrView(results, reportLabels(contract)) : {}),
    summary: summaryLine(results.summary),
  };
}

function msrView(results: MonthResults, labels: ReportLabels): Pick<StatusView, "msrHeading" | "msrs"> {
  return {
    msrHeading: labels.appendix2,
    msrs: {
      columns: [
        labels.msrColumn,
        STATUS_COLUMNS.linked,
        shortfallHeader(labels, results.summary.green !== undefined),
      ],
      rows: results.msrs.map((m) => {
        const outcome = MSR_STATE_OUTCOME[m.state];
        const linked = m.linkedKpis.length ? kpiRanges(m.linkedKpis.map((k) => k.number)) : NO_LINKED;
        return {
          cells: [String(m.number), linked, msrShortfall(m, results.summary.green !== undefined).join("; ")],
          ...(outcome ? { outcome } : {}),
        };
      }),
    },
  };
}
