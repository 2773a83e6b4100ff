import { z } from "zod";

/**
 * How a KPI's target is judged. The wording the committee sees is `targetText`;
 * this is the same target as data the evaluator can apply.
 */
export const TargetSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("percentage"),
      /** Met when the month's percentage is at least this (0-100). */
      atLeast: z.number().min(0).max(100),
    })
    .strict(),
  z
    .object({
      kind: z.literal("count"),
      /** Met when the month's count is strictly below this... */
      below: z.number().int().positive(),
      /** ...and, when set, the percentage of them reported is at least this. */
      reportedAtLeast: z.number().min(0).max(100).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("report"),
      /** A report is due once in every this many months; one delivered covers the months after it. */
      everyMonths: z.number().int().min(1).max(12),
    })
    .strict(),
]);

export const FrequencySchema = z.enum(["monthly", "quarterly"]);

export const KpiSchema = z
  .object({
    number: z.number().int().positive(),
    serviceCriteria: z.string().min(1),
    description: z.string().min(1),
    /** The short name Appendix 2 uses, e.g. "Pre transport comms". */
    shortName: z.string().min(1),
    rank: z.number().int().min(1),
    frequency: FrequencySchema,
    target: TargetSchema,
    /** The target as printed in the "Service Required" column. */
    targetText: z.string().min(1),
    /** Where the target comes from, when it is not the schedule itself. */
    targetSource: z.string().optional(),
  })
  .strict();

export const MsrSchema = z
  .object({
    number: z.number().int().positive(),
    text: z.string().min(1),
    linkedKpis: z.array(z.number().int().positive()),
  })
  .strict();

export const ContractSchema = z
  .object({
    /** Stable identifier a return names in its "Contract" field. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens"),
    title: z.string().min(1),
    council: z.string().min(1),
    supplier: z.string().min(1),
    committee: z.string().min(1).optional(),
    kpis: z.array(KpiSchema).min(1),
    msrs: z.array(MsrSchema),
  })
  .strict();

export type Target = z.infer<typeof TargetSchema>;
export type Frequency = z.infer<typeof FrequencySchema>;
export type Kpi = z.infer<typeof KpiSchema>;
export type Msr = z.infer<typeof MsrSchema>;
export type Contract = z.infer<typeof ContractSchema>;
