import * as z from "zod";
import { IdValueSchema } from "./id.js";
import {
  ActualSchema,
  ChangesSchema,
  KpiResultSchema,
  MonthCountsSchema,
  MsrResultSchema,
  RAG,
  type Reason,
  ReasonSchema,
  SummarySchema,
  TrendSchema,
} from "./results.js";
import { OutcomeSchema } from "./return.js";
import { ReviewStateSchema } from "./review.js";

/**
 * The results JSON that `build` writes and `status --format json` prints, version 2: codes and numbers
 * first (what a script matches on), each with the sentence a person reads beside it, in `text` (the
 * summary's in `line`). docs/results-json.md describes it; docs/results.schema.json is made from it.
 */
export const RESULTS_JSON_VERSION = 2;

const worded = { text: z.string() };

export const TrendJsonSchema = TrendSchema.extend(worded).strict();

export const KpiJsonSchema = KpiResultSchema.extend({
  actual: ActualSchema.extend(worded).strict(),
  /** The figures' reason, as a code with its numbers; an override's own reason is in `override`. */
  reason: z.discriminatedUnion(
    "code",
    ReasonSchema.options.map((option) =>
      option.extend(worded).strict(),
    ) as unknown as typeof ReasonSchema.options,
  ) as unknown as z.ZodType<Reason & { text: string }>,
  /** What a reader is told: the council's override when there is one, else the figures' reason. */
  verdict: z.string(),
  trend: TrendJsonSchema.optional(),
  yearAgo: TrendJsonSchema.optional(),
}).strict();

export const ResultsJsonSchema = z
  .object({
    version: z.literal(RESULTS_JSON_VERSION),
    month: z.string(),
    contract: z.string(),
    kpis: z.array(KpiJsonSchema),
    msrs: z.array(
      MsrResultSchema.extend({
        linkedKpis: z.array(IdValueSchema),
        linkedOutcomes: z.array(
          z.object({ number: IdValueSchema, outcome: OutcomeSchema, band: z.enum(RAG).optional() }).strict(),
        ),
      }).strict(),
    ),
    /** The counts, and the line CI jobs grep for: "24 KPIs achieved, 3 not met: KPI 5, 26 and 27". */
    summary: SummarySchema.extend({ line: z.string() }).strict(),
    /** Whether a council review of the month was read, and whether it was filled in (who reviewed it, and when). */
    review: ReviewStateSchema.extend({ state: z.enum(["reviewed", "not reviewed"]) }).strict(),
    compliments: z.string().optional(),
    changes: ChangesSchema.optional(),
    outcomesByMonth: z.array(MonthCountsSchema).optional(),
  })
  .strict();

export type ResultsJson = z.infer<typeof ResultsJsonSchema>;
