import * as z from "zod";
import { IdValueSchema } from "./id.js";

/**
 * The supplier's monthly return: what the supplier says, and nothing the council says. The
 * council's verification, overrides and MSR comments are in its own review (review.ts).
 */

/** What the supplier says about a KPI this month. Fixed list: the workbook offers it as a dropdown. */
export const KPI_STATUSES = [
  "measured",
  "not captured",
  "not applicable",
  "no service running",
  "not due",
] as const;
export const KpiStatusSchema = z.enum(KPI_STATUSES);

/** The verdict for a KPI in a month. Kebab-case in JSON; `OUTCOME_CHOICES` are what the council types for one. */
export const OUTCOMES = ["met", "not-met", "not-captured", "not-applicable", "not-due"] as const;
export const OutcomeSchema = z.enum(OUTCOMES);

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM, e.g. 2022-09");

const count = z.number().int().min(0);

export const ReturnKpiSchema = z
  .object({
    kpi: IdValueSchema,
    status: KpiStatusSchema,
    /** How many met the standard, out of `total`. */
    achieved: count.optional(),
    total: count.optional(),
    /** A plain count, where a count is the measure (e.g. missed collections); for a value or an average, the figure (1.8 days). */
    count: z.number().min(0).optional(),
    /** 0-100, as stated by the supplier; only needed where no achieved/total are given. */
    percentage: z.number().min(0).max(100).optional(),
    commentary: z.string(),
  })
  .strict();

export const MonthlyReturnSchema = z
  .object({
    contract: z.string().min(1),
    month: MonthSchema,
    supplier: z.string().optional(),
    preparedBy: z.string().optional(),
    compliments: z.string().optional(),
    kpis: z.array(ReturnKpiSchema),
  })
  .strict();

export type KpiStatus = z.infer<typeof KpiStatusSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type Month = z.infer<typeof MonthSchema>;
export type ReturnKpi = z.infer<typeof ReturnKpiSchema>;
export type MonthlyReturn = z.infer<typeof MonthlyReturnSchema>;

/**
 * How far a stated percentage may be from its counts, in percentage points: suppliers round, and
 * sometimes truncate. Validation refuses a wider gap; evaluation prints one within it as stated.
 */
export const PERCENT_TOLERANCE = 0.5;

/**
 * The outcomes as the council's review offers them in its override dropdown, and reads them back:
 * data vocabulary, like KPI_STATUSES for the supplier. A reader sees the same word
 * (words/outcomes.ts, `outcomeWords`), so the review and the appendices name an outcome alike.
 */
export const OUTCOME_CHOICES: Readonly<Record<Outcome, string>> = {
  met: "Met",
  "not-met": "Not met",
  "not-captured": "Not captured",
  "not-applicable": "Not applicable",
  "not-due": "Not due",
};

/** A choice typed in the override column, in any case, or the outcome's code: the outcome it names. */
export function outcomeFromChoice(typed: string): Outcome | undefined {
  const wanted = typed.trim().toLowerCase();
  return OUTCOMES.find((o) => OUTCOME_CHOICES[o].toLowerCase() === wanted || o === wanted);
}
