import * as z from "zod";
import { IdValueSchema } from "./id.js";
import { MonthSchema, OutcomeSchema } from "./return.js";
import { ReviewStateSchema } from "./review.js";
import { COMPARISONS, MEASURES } from "./target.js";

/**
 * The figures behind an outcome, as numbers, and how they read (`form`): src/words/figures.ts words
 * them ("17 of 27 (63%)"), so evaluate decides what was found and never how it is said.
 */
export const FIGURES_FORMS = [
  "figures",
  "percentage",
  "no-activity",
  "count",
  "report-delivered",
  "no-report",
  "covered",
  "measured",
] as const;

export const ActualSchema = z
  .object({
    achieved: z.number().optional(),
    total: z.number().optional(),
    count: z.number().optional(),
    /** Computed from achieved/total where both are given, else as stated. */
    percentage: z.number().optional(),
    /** The council's review says these figures were read from the supplier's words, not stated. */
    derived: z.literal(true).optional(),
    /**
     * figures: whatever a row no target rule reads carries; percentage: judged against "at least N%";
     * no-activity: 0 of 0; count: judged against "fewer than N"; the report forms: a report KPI.
     */
    form: z.enum(FIGURES_FORMS),
    /** The percentage as printed: one decimal, never rounded up to a target it missed (97.96 of 98 is 97.9). */
    shown: z.number().optional(),
    /** The supplier's own percentage, printed instead, when it agrees with the counts but prints differently. */
    stated: z.number().optional(),
    /** For a count target, how much of the count was reported, when the row says. */
    reported: z.enum(["counts", "share", "none-to-report", "nothing-to-report"]).optional(),
    /** For a report KPI, the earlier month whose report covers this one. */
    coveredBy: MonthSchema.optional(),
    /** measured (a target of any kind, docs/targets.md): the figure judged, exactly, and what it measures. */
    value: z.number().optional(),
    measure: z.enum(MEASURES).optional(),
    unit: z.string().optional(),
    /** The target's decimal places, as the figure prints ("£1.40"). */
    decimals: z.number().int().optional(),
    /**
     * A KPI cumulative in the year: the figure is the year to date, `from` its first month to `to`.
     * For a count or a value, `part` is its latest part, from `partFrom` (`to` itself for this month
     * alone): the year to date less the last earlier return's of the year. Absent when that is unknown.
     */
    yearToDate: z
      .object({
        from: MonthSchema,
        to: MonthSchema,
        part: z.number().optional(),
        partFrom: MonthSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * Why a KPI has its outcome, as a code and the numbers it needs (src/words/reasons.ts words it).
 * An override keeps the figures' reason here; the council's own reason is in `override`.
 */
export const ReasonSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("no-activity") }).strict(),
  /** A percentage target, judged on the counts or (without them) on the stated percentage. */
  z
    .object({
      code: z.enum(["meets-target", "below-target"]),
      basis: z.enum(["counts", "stated"]),
      target: z.number(),
    })
    .strict(),
  z.object({ code: z.literal("zero-total"), achieved: z.number() }).strict(),
  z.object({ code: z.enum(["no-figures", "no-count", "no-row"]) }).strict(),
  /** A count target: under its limit (met) or at or over it (not met); with a reported share, reported unknown or too low. */
  z.object({ code: z.enum(["under-limit", "over-limit"]), count: z.number(), below: z.number() }).strict(),
  z
    .object({
      code: z.enum(["reported-unknown", "under-reported"]),
      count: z.number(),
      below: z.number(),
      reportedAtLeast: z.number(),
    })
    .strict(),
  z.object({ code: z.literal("covered"), month: MonthSchema }).strict(),
  z.object({ code: z.literal("report-delivered") }).strict(),
  z.object({ code: z.literal("no-report"), monthsBefore: z.number().int() }).strict(),
  /**
   * A target of any kind (docs/targets.md): the figure within or outside it. `bound` is the bound
   * missed, or the target's own (the lower of a range, `upper` the higher); `decimals` how it prints.
   */
  z
    .object({
      code: z.enum(["within-target", "outside-target"]),
      measure: z.enum(MEASURES),
      comparison: z.enum(COMPARISONS),
      bound: z.number(),
      upper: z.number().optional(),
      unit: z.string().optional(),
      decimals: z.number().int().optional(),
      basis: z.enum(["counts", "stated", "figure"]),
      /** A figure for a period longer than a month: the quarter, the year, or the year to date. */
      period: z.enum(["quarterly", "annual", "cumulative-in-year"]).optional(),
    })
    .strict(),
  /** The contract's year makes the KPI due only at its period's end (quarterly, annual); `nextDue` is the month it is next due in. */
  z
    .object({
      code: z.literal("off-period"),
      frequency: z.enum(["quarterly", "annual"]),
      nextDue: MonthSchema,
    })
    .strict(),
  /** A month before the first target of a list takes effect. */
  z.object({ code: z.literal("no-target") }).strict(),
  /** The supplier's status decides: nothing to judge. */
  z.object({ code: z.enum(["not-captured", "not-applicable", "no-service", "not-due"]) }).strict(),
]);

/** Which way a KPI moved against an earlier month. "not comparable" always comes with its cause. */
export const DIRECTIONS = ["better", "same", "worse", "not comparable"] as const;
export const DirectionSchema = z.enum(DIRECTIONS);

/** Why two months cannot be compared: the earlier month has no return, either month's outcome carries no verdict, or the target moved. */
export const NOT_COMPARABLE_CAUSES = [
  "no-return",
  "no-result",
  "not-captured",
  "not-applicable",
  "not-due",
  "target-changed",
] as const;

export const TrendSchema = z
  .object({
    /** The earlier month compared with: the month before, or for `yearAgo` the same month a year before. */
    previous: MonthSchema,
    direction: DirectionSchema,
    /** What was compared: the target's measure in both months, or (without figures, or overridden) the outcomes. Absent when not comparable. */
    basis: z.enum(["figures", "outcome"]).optional(),
    /** Which figure, when the basis is figures: the percentage as printed, or the count (fewer is better). */
    measure: z.enum(MEASURES).optional(),
    /** The figures' unit ("days", "£"), for a value or an average, and the places they print with. */
    unit: z.string().optional(),
    decimals: z.number().int().optional(),
    /** Which way is better, for a target whose comparison alone does not make it plain (at most, fewer than: lower). */
    better: z.enum(["higher", "lower"]).optional(),
    /** The earlier month's figure as compared (a percentage to one decimal, or a count), and this month's minus it. */
    previousFigure: z.number().optional(),
    change: z.number().optional(),
    /** The earlier month's outcome, when it has a result for this KPI. */
    previousOutcome: OutcomeSchema.optional(),
    cause: z.enum(NOT_COMPARABLE_CAUSES).optional(),
    /** This month's figure as compared, beside `previousFigure`. */
    figure: z.number().optional(),
    /** For a count target whose counts tie: the shares reported, which then decide. */
    share: z.number().optional(),
    previousShare: z.number().optional(),
    /** When the target changed: the earlier month's target. */
    previousTarget: z.string().optional(),
    /** Why the verdicts were compared although both months have figures: an override, or figures that moved against the verdict. */
    because: z.enum(["overridden", "figures-moved-other-way"]).optional(),
  })
  .strict();

export const RAG = ["green", "amber", "red"] as const;
export type Rag = (typeof RAG)[number];

export const BandReasonSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("met") }).strict(),
  z.object({ code: z.literal("within-tolerance"), tolerance: z.number() }).strict(),
  z.object({ code: z.literal("improved"), previous: z.number(), month: MonthSchema }).strict(),
  z.object({ code: z.literal("beyond-tolerance"), tolerance: z.number().optional() }).strict(),
  z.object({ code: z.literal("no-activity") }).strict(),
  /** The council's override decides the band as it decides the outcome. */
  z.object({ code: z.literal("overridden") }).strict(),
]);

export const KpiResultSchema = z
  .object({
    number: IdValueSchema,
    month: MonthSchema,
    outcome: OutcomeSchema,
    /** The outcome the figures give; differs from `outcome` only when an officer overrode it. */
    computedOutcome: OutcomeSchema,
    override: z.object({ reason: z.string() }).strict().optional(),
    target: z.string(),
    actual: ActualSchema,
    reason: ReasonSchema,
    commentary: z.string(),
    verified: z.boolean().optional(),
    verificationNote: z.string().optional(),
    /** Red, amber or green, for a target with RAG bands (docs/targets.md), and why. */
    band: z.enum(RAG).optional(),
    bandReason: BandReasonSchema.optional(),
    /** Against the like period before (the month before, for a monthly KPI); set by evaluate/compare.ts for the reporting month. */
    trend: TrendSchema.optional(),
    /** Against the same month a year before, only when the data has that month. */
    yearAgo: TrendSchema.optional(),
  })
  .strict();

export const MSR_STATES = ["met", "not-met", "incomplete", "no-linked-kpis"] as const;
export const MsrStateSchema = z.enum(MSR_STATES);

export const MsrResultSchema = z
  .object({
    number: IdValueSchema,
    /** Each linked KPI's outcome, and in a contract with RAG bands its band (met or not met counting green or red). */
    linkedKpis: z.array(
      z.object({ number: IdValueSchema, outcome: OutcomeSchema, band: z.enum(RAG).optional() }).strict(),
    ),
    notMet: z.array(IdValueSchema),
    notCaptured: z.array(IdValueSchema),
    state: MsrStateSchema,
    comment: z.string().optional(),
  })
  .strict();

/** How many KPIs had each outcome in a month: what the outcome chart draws. */
export const OutcomeCountsSchema = z
  .object({
    met: z.number().int(),
    notMet: z.number().int(),
    notCaptured: z.number().int(),
    notApplicable: z.number().int(),
    notDue: z.number().int(),
    /** For a contract with RAG bands: every judged KPI by band (met-not-met ones as green or red). */
    green: z.number().int().optional(),
    amber: z.number().int().optional(),
    red: z.number().int().optional(),
  })
  .strict();

export const SummarySchema = OutcomeCountsSchema.extend({
  notMetKpis: z.array(IdValueSchema),
  /** For a contract with RAG bands: the amber KPIs and the red ones (`notMetKpis` holds both). */
  amberKpis: z.array(IdValueSchema).optional(),
  redKpis: z.array(IdValueSchema).optional(),
  overridden: z.array(IdValueSchema),
}).strict();

export const MonthCountsSchema = OutcomeCountsSchema.extend({
  month: MonthSchema,
  /** False for a month the schedule shows with no return: every count is 0 and the month says "No return". */
  returned: z.boolean(),
}).strict();

/** A KPI whose outcome moved into a list of `changes`, with what it was the month before. */
export const KpiChangeSchema = z
  .object({
    number: IdValueSchema,
    was: OutcomeSchema,
    now: OutcomeSchema,
    /** In a contract with RAG bands, each month's band, where its outcome has one (met or not met counting green or red). */
    wasBand: z.enum(RAG).optional(),
    nowBand: z.enum(RAG).optional(),
  })
  .strict();

/** What changed since the month before: its counts beside this month's, and the KPIs that moved. */
export const ChangesSchema = z
  .object({
    previous: MonthSchema,
    counts: OutcomeCountsSchema,
    /** Absent when the month before has no return; the lists below are then empty, as nothing can be said to have changed. */
    previousCounts: OutcomeCountsSchema.optional(),
    /** Not met now, anything else before. */
    newlyNotMet: z.array(KpiChangeSchema),
    /** Met now, not met before. */
    backToMet: z.array(KpiChangeSchema),
    /** Not captured now, anything else before. */
    newlyNotCaptured: z.array(KpiChangeSchema),
    /** Met now, not captured before. */
    newlyMet: z.array(KpiChangeSchema),
    /** In a contract with RAG bands only (what its glance says instead of the four above, with `newlyNotCaptured`): red now, anything else before. */
    newlyRed: z.array(KpiChangeSchema).optional(),
    /** Amber now, anything else before (red included). */
    newlyAmber: z.array(KpiChangeSchema).optional(),
    /** Green now, red or amber before. */
    backToGreen: z.array(KpiChangeSchema).optional(),
    /** Green now, not captured before. */
    greenAfterNotCaptured: z.array(KpiChangeSchema).optional(),
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
    /** Whether the council reviewed the month: figures are "not reviewed" unless `filled`. */
    review: ReviewStateSchema,
    /** Against the month before; set with each KPI's trend. */
    changes: ChangesSchema.optional(),
    /** Outcome counts for each month the schedule shows, oldest first, ending with this month. */
    outcomesByMonth: z.array(MonthCountsSchema).optional(),
  })
  .strict();

export type BandReason = z.infer<typeof BandReasonSchema>;
export type Direction = z.infer<typeof DirectionSchema>;
export type Trend = z.infer<typeof TrendSchema>;
export type OutcomeCounts = z.infer<typeof OutcomeCountsSchema>;
export type MonthCounts = z.infer<typeof MonthCountsSchema>;
export type KpiChange = z.infer<typeof KpiChangeSchema>;
export type Changes = z.infer<typeof ChangesSchema>;
export type Actual = z.infer<typeof ActualSchema>;
export type Reason = z.infer<typeof ReasonSchema>;
export type KpiResult = z.infer<typeof KpiResultSchema>;
export type MsrState = z.infer<typeof MsrStateSchema>;
export type MsrResult = z.infer<typeof MsrResultSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type MonthResults = z.infer<typeof MonthResultsSchema>;
