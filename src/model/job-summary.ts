import * as z from "zod";
import type { MonthResults } from "../schema/results.js";
import { figuresText, reasonText, summaryLine } from "../words/index.js";
import { statusText } from "../words/outcomes.js";
import {
  directionCounts as directionCountsLine,
  FILES_LABEL,
  jobSummaryHeading,
  NO_SHORTFALL,
  STATUS_COLUMNS,
} from "../words/status.js";
import { TextTableSchema } from "./status-view.js";
import { DIRECTIONS } from "../schema/results.js";
import { comparedLabel, directionHeader, directionMark } from "../words/direction.js";

/** The CI job's summary: per report, the verdict, what fell short (or a sentence saying nothing did), and the files made. */
export const JobSummaryViewSchema = z
  .object({
    reports: z.array(
      z
        .object({
          heading: z.string(),
          verdict: z.string(),
          /** Every KPI's direction of travel against the month before, counted for each direction. */
          directions: z.string(),
          shortfalls: TextTableSchema.optional(),
          noShortfall: z.string().optional(),
          filesLabel: z.string(),
          files: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();

export type JobSummaryView = z.infer<typeof JobSummaryViewSchema>;

export interface JobSummaryReport {
  results: MonthResults;
  /** Output file names, as they appear in the output folder and the job's artifacts. */
  outputs: string[];
}

/** A shortfall is a KPI not met or not captured: what a reviewer of the job must look at. */
export function shortfallKpis(results: MonthResults): MonthResults["kpis"] {
  return results.kpis.filter((k) => k.outcome === "not-met" || k.outcome === "not-captured");
}

export function jobSummaryView(reports: readonly JobSummaryReport[]): JobSummaryView {
  return {
    reports: reports.map(({ results, outputs }) => {
      const shortfalls = shortfallKpis(results);
      return {
        heading: jobSummaryHeading(results.month, results.contract),
        verdict: summaryLine(results.summary),
        directions: directionCounts(results),
        ...(shortfalls.length
          ? {
              shortfalls: {
                columns: [
                  STATUS_COLUMNS.kpi,
                  STATUS_COLUMNS.outcome,
                  STATUS_COLUMNS.figures,
                  STATUS_COLUMNS.reason,
                  directionHeader(results.month, results),
                ],
                // The reason says what the figures gave where the council overrode them, so the outcome only says that it did.
                rows: shortfalls.map((k) => ({
                  cells: [
                    String(k.number),
                    statusText(k),
                    figuresText(k.actual),
                    reasonText(k),
                    directionMark(k.trend?.direction ?? "not comparable"),
                  ],
                  outcome: k.outcome,
                })),
              },
            }
          : { noShortfall: NO_SHORTFALL }),
        filesLabel: FILES_LABEL,
        files: outputs,
      };
    }),
  };
}

/** "Direction of travel against August 2022: ▲ better: 0, = same: 10, ▼ worse: 0, – not comparable: 17." */
function directionCounts(results: MonthResults): string {
  const count = (d: (typeof DIRECTIONS)[number]) =>
    results.kpis.filter((k) => (k.trend?.direction ?? "not comparable") === d).length;
  return directionCountsLine(
    comparedLabel(results),
    DIRECTIONS.map((d) => [d, count(d)] as const),
  );
}
