import { z } from "zod";
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
    kpi: z.number().int().positive(),
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
    msr: z.number().int().positive(),
    comment: z.string().min(1),
  })
  .strict();

export const MonthlyReviewSchema = z
  .object({
    contract: z.string().min(1),
    month: MonthSchema,
    reviewedBy: z.string().optional(),
    kpis: z.array(ReviewKpiSchema),
    msrComments: z.array(MsrCommentSchema),
  })
  .strict();

export type Override = z.infer<typeof OverrideSchema>;
export type ReviewKpi = z.infer<typeof ReviewKpiSchema>;
export type MsrComment = z.infer<typeof MsrCommentSchema>;
export type MonthlyReview = z.infer<typeof MonthlyReviewSchema>;
