import { z } from "zod";
import { MonthSchema, OutcomeSchema } from "./return.js";

/** The figures behind an outcome, and the same as words ("17 of 27 (63%)"). */
export const ActualSchema = z
  .object({
    achieved: z.number().optional(),
    total: z.number().optional(),
    count: z.number().optional(),
    /** Computed from achieved/total where both are given, else as stated. */
    percentage: z.number().optional(),
    /** The council's review says these figures were read from the supplier's words, not stated. */
    derived: z.literal(true).optional(),
    text: z.string(),
  })
  .strict();

export const KpiResultSchema = z
  .object({
    number: z.number().int(),
    month: MonthSchema,
    outcome: OutcomeSchema,
    /** The outcome the figures give; differs from `outcome` only when an officer overrode it. */
    computedOutcome: OutcomeSchema,
    override: z.object({ reason: z.string() }).strict().optional(),
    target: z.string(),
    actual: ActualSchema,
    reason: z.string(),
    commentary: z.string(),
    verified: z.boolean().optional(),
    verificationNote: z.string().optional(),
  })
  .strict();

export const MSR_STATES = ["met", "not-met", "incomplete", "no-linked-kpis"] as const;
export const MsrStateSchema = z.enum(MSR_STATES);

export const MsrResultSchema = z
  .object({
    number: z.number().int(),
    linkedKpis: z.array(z.object({ number: z.number().int(), outcome: OutcomeSchema }).strict()),
    notMet: z.array(z.number().int()),
    notCaptured: z.array(z.number().int()),
    state: MsrStateSchema,
    comment: z.string().optional(),
  })
  .strict();

export const SummarySchema = z
  .object({
    met: z.number().int(),
    notMet: z.number().int(),
    notCaptured: z.number().int(),
    notApplicable: z.number().int(),
    notDue: z.number().int(),
    notMetKpis: z.array(z.number().int()),
    overridden: z.array(z.number().int()),
    /** "24 KPIs achieved, 3 not met: KPI 5, 26 and 27" */
    line: z.string(),
  })
  .strict();

export const MonthResultsSchema = z
  .object({
    month: MonthSchema,
    contract: z.string(),
    kpis: z.array(KpiResultSchema),
    msrs: z.array(MsrResultSchema),
    summary: SummarySchema,
    compliments: z.string().optional(),
  })
  .strict();

export type Actual = z.infer<typeof ActualSchema>;
export type KpiResult = z.infer<typeof KpiResultSchema>;
export type MsrState = z.infer<typeof MsrStateSchema>;
export type MsrResult = z.infer<typeof MsrResultSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type MonthResults = z.infer<typeof MonthResultsSchema>;
