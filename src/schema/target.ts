import * as z from "zod";
import { MonthSchema, type Month } from "./return.js";

/** A key's description and example, from which docs/contract.md and docs/contract.schema.json are made. */
const doc = <T extends z.ZodType>(schema: T, description: string, example: unknown): T =>
  schema.meta({ description, examples: [example] });

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
    kind: doc(z.literal("rag"), "Red, amber or green by a tolerance either side of the target.", "rag"),
    /** A miss by no more than this is `withinTolerance` (amber unless said green). */
    tolerance: doc(
      z
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
      "How far a miss may be and still be within tolerance: `absolute` in the figure's own unit, or `relative`, a percentage of the target.",
      { relative: 5 },
    ),
    withinTolerance: doc(
      z.enum(["green", "amber"]).default("amber"),
      "The band of a miss within the tolerance.",
      "amber",
    ),
    /** A miss beyond the tolerance is amber, not red, when the figure is better than the like period before. */
    amberIfImproved: doc(
      z.boolean().default(false),
      "A miss beyond the tolerance is amber, not red, when the figure is better than the like period before.",
      true,
    ),
  })
  .strict();

export const MetNotMetSchema = z
  .object({ kind: doc(z.literal("met-not-met"), "Met or not met, as without `bands`.", "met-not-met") })
  .strict();

export const BandsSchema = z.discriminatedUnion("kind", [MetNotMetSchema, RagBandsSchema]);

export const FREQUENCIES = ["monthly", "quarterly", "annual", "cumulative-in-year"] as const;
export const PeriodFrequencySchema = z.enum(FREQUENCIES);

const common = {
  /** The month this target takes effect from; earlier months keep the target in force then. */
  from: doc(
    MonthSchema.optional(),
    "The month this target takes effect from, in a list of targets that change; earlier months keep the target in force then.",
    "2022-07",
  ),
  /** The "Service Required" wording while this target is in force, when a target changes. */
  text: doc(
    z.string().min(1).optional(),
    "In a list of targets that change: this one as printed while it is in force (the KPI's `targetText` when not given).",
    "At most 2.5%",
  ),
  bands: doc(
    BandsSchema.optional(),
    'How a figure is banded: met or not met (without `bands`), or red, amber and green by a tolerance (`{"kind": "rag", ...}`, see Bands).',
    { kind: "rag", tolerance: { relative: 5 } },
  ),
};

export const MeasuredTargetSchema = z
  .object({
    kind: doc(
      MeasureSchema,
      "What the figure is: a percentage (a share, from counts), a count, a measured value with a unit, or an average.",
      "percentage",
    ),
    atLeast: doc(threshold.optional(), "Met when the figure is at least this (the bound included).", 98),
    atMost: doc(threshold.optional(), "Met when the figure is at most this (the bound included).", 2),
    moreThan: doc(threshold.optional(), "Met when the figure is more than this (the bound excluded).", 10),
    fewerThan: doc(threshold.optional(), "Met when the figure is fewer than this (the bound excluded).", 5),
    /** Southend's word for fewerThan on a count. */
    below: doc(threshold.optional(), "For a count: the same as `fewerThan`.", 5),
    between: doc(
      z
        .tuple([threshold, threshold])
        .refine(([lo, hi]) => lo <= hi, "between needs the lower bound first")
        .optional(),
      "Met when the figure is between these two, both included (the lower first).",
      [2, 4],
    ),
    /** For counts of things to report: this percentage of them must also have been reported. */
    reportedAtLeast: doc(
      z.number().min(0).max(100).optional(),
      "For a count: and, when given, at least this percentage of the things counted were reported.",
      100,
    ),
    /** "days", "hours", "minutes", "£"; a percentage's unit is always "%". */
    unit: doc(
      z.string().min(1).max(20).optional(),
      'The figure\'s unit, as printed after it ("days", "hours") or before it ("£"); a percentage\'s is "%".',
      "days",
    ),
    /** How many decimal places a figure may have and is shown with. */
    decimals: doc(
      z.number().int().min(0).max(6).optional(),
      "How many decimal places a figure may have and is shown with (a count has none).",
      1,
    ),
    /** Which way is better; implied by the comparison except for `between`. */
    better: doc(
      z.enum(["higher", "lower"]).optional(),
      "Which way is better; implied by the comparison, so needed only with `between`.",
      "lower",
    ),
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
    if (t.kind === "percentage") {
      for (const key of ["atLeast", "atMost", "moreThan", "fewerThan"] as const) {
        const v = t[key];
        if (v !== undefined && (v < 0 || v > 100))
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `it must be ${v < 0 ? "at least 0" : "at most 100"}`,
          });
      }
      if (t.between?.some((v) => v < 0 || v > 100))
        ctx.addIssue({ code: "custom", path: ["between"], message: "a percentage is 0 to 100" });
    }
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

/** What the refinement above says of a percentage, for docs/contract.schema.json (JSON Schema cannot run it). */
export function percentageBoundsJson(): Record<string, unknown> {
  const percent = { minimum: 0, maximum: 100 };
  const properties = Object.fromEntries([
    ...["atLeast", "atMost", "moreThan", "fewerThan"].map((k) => [k, percent]),
    ["between", { items: percent }],
  ]);
  return {
    if: { properties: { kind: { const: "percentage" } }, required: ["kind"] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own keyword, never awaited.
    then: { properties },
  };
}

export const ReportTargetSchema = z
  .object({
    kind: doc(z.literal("report"), "A report to be delivered.", "report"),
    everyMonths: doc(
      z.number().int().min(1).max(12),
      "A report is due once in every this many months; one delivered covers the months after it.",
      3,
    ),
    ...common,
  })
  .strict();

export const AnyTargetSchema = z.discriminatedUnion("kind", [MeasuredTargetSchema, ReportTargetSchema]);

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

/** A KPI's targets as a list, oldest first, whether it has one or several. */
export function targetList(targets: Targets): AnyTarget[] {
  return Array.isArray(targets) ? targets : [targets];
}

/** The latest target whose `from` is not after `month`; a first target without `from` has always applied. */
export function targetInForce(targets: Targets, month: Month): AnyTarget | undefined {
  let inForce: AnyTarget | undefined;
  for (const target of targetList(targets)) {
    if (target.from === undefined || target.from <= month) inForce = target;
  }
  return inForce;
}

/** The contract's year: the month it starts (4 = April, the UK financial year), and so its quarter ends. */
export const YearSchema = z
  .object({
    startMonth: doc(
      z.number().int().min(1).max(12).default(4),
      "The month the contract year starts (1 to 12; 4, April, unless given).",
      4,
    ),
    /** Overrides the quarter ends the start month implies (June, September, December, March for April). */
    quarterEnds: doc(
      z.array(z.number().int().min(1).max(12)).length(4).optional(),
      "The four months (1 to 12) that end its quarters, when not every third month from the start.",
      [6, 9, 12, 3],
    ),
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
