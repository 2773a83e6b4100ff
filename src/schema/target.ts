import { z } from "zod";
import { MonthSchema } from "./return.js";

/**
 * Targets of every common kind (docs/targets.md). A superset of the three shapes Southend's
 * contract uses today (`{kind: "percentage", atLeast}`, `{kind: "count", below, reportedAtLeast}`,
 * `{kind: "report", everyMonths}`): each of those parses here unchanged and means the same.
 */

/** What the figure is. "value" is one measured quantity (£ spent); "average" a mean (days to repair). */
export const MEASURES = ["percentage", "count", "value", "average"] as const;
export const MeasureSchema = z.enum(MEASURES);

/** The ways a target compares; exactly one is given. */
export const COMPARISONS = ["atLeast", "atMost", "moreThan", "fewerThan", "between"] as const;
export type Comparison = (typeof COMPARISONS)[number];

const threshold = z.number().finite();

/** Red/amber/green by a tolerance either side of the target. Without `bands`, a target is met or not met. */
export const RagBandsSchema = z
  .object({
    kind: z.literal("rag"),
    /** A miss by no more than this is `withinTolerance` (amber unless said green). */
    tolerance: z
      .object({
        absolute: z.number().finite().min(0).optional(),
        relative: z.number().finite().min(0).max(100).optional(),
      })
      .strict()
      .refine(
        (t) => (t.absolute === undefined) !== (t.relative === undefined),
        "give either absolute or relative (a percentage of the target), not both",
      )
      .optional(),
    withinTolerance: z.enum(["green", "amber"]).default("amber"),
    /** A miss beyond the tolerance is amber, not red, when the figure is better than the like period before. */
    amberIfImproved: z.boolean().default(false),
  })
  .strict();

export const BandsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("met-not-met") }).strict(),
  RagBandsSchema,
]);

export const FREQUENCIES = ["monthly", "quarterly", "annual", "cumulative-in-year"] as const;
export const PeriodFrequencySchema = z.enum(FREQUENCIES);

const common = {
  /** The month this target takes effect from; earlier months keep the target in force then. */
  from: MonthSchema.optional(),
  bands: BandsSchema.optional(),
};

export const MeasuredTargetSchema = z
  .object({
    kind: MeasureSchema,
    atLeast: threshold.optional(),
    atMost: threshold.optional(),
    moreThan: threshold.optional(),
    fewerThan: threshold.optional(),
    /** Southend's word for fewerThan on a count. */
    below: threshold.optional(),
    between: z
      .tuple([threshold, threshold])
      .refine(([lo, hi]) => lo <= hi, "between needs the lower bound first")
      .optional(),
    /** For counts of things to report: this percentage of them must also have been reported. */
    reportedAtLeast: z.number().min(0).max(100).optional(),
    /** "days", "hours", "minutes", "£"; a percentage's unit is always "%". */
    unit: z.string().min(1).max(20).optional(),
    /** How many decimal places a figure may have and is shown with. */
    decimals: z.number().int().min(0).max(6).optional(),
    /** Which way is better; implied by the comparison except for `between`. */
    better: z.enum(["higher", "lower"]).optional(),
    ...common,
  })
  .strict()
  .superRefine((t, ctx) => {
    const given = [...COMPARISONS, "below" as const].filter((k) => t[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `give exactly one of ${COMPARISONS.join(", ")} (found ${given.length === 0 ? "none" : given.join(", ")})`,
      });
    }
    if (t.below !== undefined && t.kind !== "count")
      ctx.addIssue({ code: "custom", path: ["below"], message: "below is for counts; use fewerThan" });
    if (t.reportedAtLeast !== undefined && t.kind !== "count")
      ctx.addIssue({ code: "custom", path: ["reportedAtLeast"], message: "reportedAtLeast is for counts" });
    if (t.kind === "percentage" && t.unit !== undefined && t.unit !== "%")
      ctx.addIssue({ code: "custom", path: ["unit"], message: 'a percentage\'s unit is "%"' });
    if (t.kind === "count" && t.decimals !== undefined && t.decimals > 0)
      ctx.addIssue({ code: "custom", path: ["decimals"], message: "a count is a whole number" });
    const rag = t.bands?.kind === "rag" ? t.bands : undefined;
    if (t.between !== undefined && rag?.amberIfImproved === true && t.better === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["better"],
        message: 'amberIfImproved on a "between" target needs better: "higher" or "lower"',
      });
    }
  });

export const ReportTargetSchema = z
  .object({ kind: z.literal("report"), everyMonths: z.number().int().min(1).max(12), ...common })
  .strict();

export const AnyTargetSchema = z.union([ReportTargetSchema, MeasuredTargetSchema]);

/** One target, or targets that change: each with the month it takes effect from, oldest first. */
export const TargetsSchema = z.union([
  AnyTargetSchema,
  z
    .array(AnyTargetSchema)
    .min(1)
    .superRefine((list, ctx) => {
      list.forEach((t, i) => {
        if (i > 0 && t.from === undefined)
          ctx.addIssue({
            code: "custom",
            path: [i, "from"],
            message: "every target after the first needs the month it takes effect from",
          });
        const before = list[i - 1]?.from;
        if (i > 0 && t.from !== undefined && before !== undefined && t.from <= before)
          ctx.addIssue({
            code: "custom",
            path: [i, "from"],
            message: `takes effect ${t.from}, not after the target before it (${before})`,
          });
      });
    }),
]);

/** The contract's year: the month it starts (4 = April, the UK financial year), and so its quarter ends. */
export const YearSchema = z
  .object({
    startMonth: z.number().int().min(1).max(12).default(4),
    /** Overrides the quarter ends the start month implies (June, September, December, March for April). */
    quarterEnds: z.array(z.number().int().min(1).max(12)).length(4).optional(),
  })
  .strict();

export type MeasuredTarget = z.infer<typeof MeasuredTargetSchema>;
export type ReportTarget = z.infer<typeof ReportTargetSchema>;
export type AnyTarget = z.infer<typeof AnyTargetSchema>;
export type Targets = z.infer<typeof TargetsSchema>;
export type Bands = z.infer<typeof BandsSchema>;
export type RagBands = z.infer<typeof RagBandsSchema>;
export type PeriodFrequency = z.infer<typeof PeriodFrequencySchema>;
export type ContractYear = z.infer<typeof YearSchema>;
