import * as z from "zod";
import { IdValueSchema } from "./id.js";
import { MonthSchema, OutcomeSchema } from "./return.js";

/**
 * The council's review of a month: what the council says about the supplier's return. It is a
 * file of its own (reviews/YYYY-MM.xlsx), so the supplier's file stays exactly as it was sent
 * and nothing the supplier writes can speak for the council.
 */

export const OverrideSchema = z
  .object({
    outcome: OutcomeSchema,
    /** An override without a written reason is refused by validation. */
    reason: z.string().min(1),
  })
  .strict();

export const ReviewKpiSchema = z
  .object({
    kpi: IdValueSchema,
    verified: z.boolean().optional(),
    verificationNote: z.string().optional(),
    /**
     * The supplier's figures were read from the words of its commentary ("all up to date"), not
     * stated as figures: the appendix labels them as derived. It never changes an outcome.
     */
    derived: z.boolean().optional(),
    override: OverrideSchema.optional(),
  })
  .strict();

export const MsrCommentSchema = z
  .object({
    msr: IdValueSchema,
    comment: z.string().min(1),
  })
  .strict();

export const MonthlyReviewSchema = z
  .object({
    contract: z.string().min(1),
    month: MonthSchema,
    /** Who reviewed the month for the council, and the day (YYYY-MM-DD): both are needed for the month to count as reviewed. */
    reviewedBy: z.string().optional(),
    reviewedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    kpis: z.array(ReviewKpiSchema),
    msrComments: z.array(MsrCommentSchema),
  })
  .strict();

/**
 * Whether the council has reviewed a month: `read` when a review file was read, `filled` only when
 * it names who reviewed it and when. A review without both is a draft: its figures are "not
 * reviewed", wherever they are shown.
 */
export const ReviewStateSchema = z
  .object({
    read: z.boolean(),
    filled: z.boolean(),
    reviewedBy: z.string().optional(),
    reviewedOn: z.string().optional(),
    /** What a review that was read still lacks, by field. */
    missing: z.array(z.enum(["reviewedBy", "reviewedOn"])),
  })
  .strict();

export type ReviewState = z.infer<typeof ReviewStateSchema>;

export type Override = z.infer<typeof OverrideSchema>;
export type ReviewKpi = z.infer<typeof ReviewKpiSchema>;
export type MsrComment = z.infer<typeof MsrCommentSchema>;
export type MonthlyReview = z.infer<typeof MonthlyReviewSchema>;
