import * as z from "zod";
import { RAG } from "../schema/results.js";
import { MonthSchema, OutcomeSchema } from "../schema/return.js";

/**
 * The outcome chart as a format-neutral description: what every renderer draws (vector in the
 * PDF, a picture in the DOCX, inline SVG in the HTML), with every word and figure decided here.
 */
export const ChartSeriesSchema = z
  .object({
    /** The outcome counted, or for a contract with RAG bands the band. */
    outcome: z.union([OutcomeSchema, z.enum(RAG)]),
    /** The series in words, as the legend says it: "Not captured". */
    label: z.string(),
    fill: z.string(),
    text: z.string(),
    pattern: z.enum(["solid", "diagonal", "horizontal", "dotted"]),
    /** One count per category, in category order. */
    values: z.array(z.number().int().min(0)),
  })
  .strict();

export const ChartCategorySchema = z
  .object({
    month: MonthSchema,
    /** "Sep 2022": said in full where there is room, and by the data table. */
    label: z.string(),
    /** "Sep" and "2022", for axis labels in two lines. */
    short: z.string(),
    year: z.string(),
    returned: z.boolean(),
    /** The month the report is for: its label is set in bold. */
    reporting: z.boolean(),
  })
  .strict();

export const OutcomeChartSchema = z
  .object({
    /** The chart's title, shown above it and given as its accessible name. */
    title: z.string(),
    /** The alternative text: what the chart shows and the figures behind it. */
    description: z.string(),
    categories: z.array(ChartCategorySchema).min(1),
    /** Stacking order, bottom first; the legend lists them top first, as they stand. */
    series: z.array(ChartSeriesSchema),
    xAxisLabel: z.string(),
    yAxisLabel: z.string(),
    /** The value axis runs from 0 to the last tick. */
    yTicks: z.array(z.number().int().min(0)).min(2),
    /** Said in a month's place when it has no return. */
    noReturnLabel: z.string(),
  })
  .strict();

export type ChartSeries = z.infer<typeof ChartSeriesSchema>;
export type ChartCategory = z.infer<typeof ChartCategorySchema>;
export type OutcomeChart = z.infer<typeof OutcomeChartSchema>;
