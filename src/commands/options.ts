import { z } from "zod";
import { UsageError } from "../errors.js";
import { MonthSchema } from "../schema/return.js";

export const FormatSchema = z.enum(["text", "json"]);

/** Options every command that reads the data folder shares. No --data: KPI_REPORT_DATA, else ./data (read/data-dir.ts). */
export const DataOptionsSchema = z.object({
  data: z.string().min(1).optional(),
  contract: z.string().min(1).optional(),
});

export const StatusOptionsSchema = DataOptionsSchema.extend({
  month: MonthSchema,
  format: FormatSchema.default("text"),
});

export const TemplateOptionsSchema = DataOptionsSchema.extend({
  month: MonthSchema,
  out: z.string().min(1).optional(),
  force: z.boolean().default(false),
});

export const ReviewOptionsSchema = DataOptionsSchema.extend({
  month: MonthSchema,
  /** Default: <data>/reviews/YYYY-MM.xlsx, where build reads it. */
  out: z.string().min(1).optional(),
  force: z.boolean().default(false),
});

export const AddOptionsSchema = DataOptionsSchema.extend({
  file: z.string().min(1),
  replace: z.boolean().default(false),
});

export const InitOptionsSchema = z.object({
  /** The folder to start; the default is where the other commands look. */
  file: z.string().min(1).optional(),
  example: z.boolean().default(false),
});

export const ValidateOptionsSchema = DataOptionsSchema.extend({
  file: z.string().min(1),
  month: MonthSchema.optional(),
  format: FormatSchema.default("text"),
  maxErrors: z.coerce.number().int().positive().default(200),
});

const FORMATS = ["pdf", "docx"] as const;

export const RenderFormatSchema = z.enum(FORMATS, { message: `formats are ${FORMATS.join(" and ")}, comma-separated` });
export type RenderFormat = z.infer<typeof RenderFormatSchema>;

/** "2022-09", "2022-03..2022-09" or "2022-07,2022-09": one report per month named. */
export const MonthsSpecSchema = z
  .string()
  .transform((text) => text.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(
    z
      .array(
        z.union([
          MonthSchema.transform((m) => ({ from: m, to: m })),
          z
            .string()
            .regex(/^\d{4}-\d{2}\.\.\d{4}-\d{2}$/, "a month (YYYY-MM), a range (YYYY-MM..YYYY-MM) or a comma-separated list")
            .transform((r) => ({ from: r.slice(0, 7), to: r.slice(9) }))
            .pipe(z.object({ from: MonthSchema, to: MonthSchema }).refine((r) => r.from <= r.to, "the range ends before it starts")),
        ]),
      )
      .min(1),
  );

export const BuildOptionsSchema = DataOptionsSchema.extend({
  month: MonthsSpecSchema.optional(),
  config: z.string().min(1).optional(),
  from: MonthSchema.optional(),
  out: z.string().min(1).default("out"),
  formats: z
    .string()
    .default("pdf,docx")
    .transform((text) => [...new Set(text.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean))])
    .pipe(z.array(RenderFormatSchema).min(1)),
  startPage: z.coerce.number().int().positive().default(1),
  check: z.boolean().default(false),
  strict: z.boolean().default(false),
  summary: z.string().min(1).optional(),
  quiet: z.boolean().default(false),
  verbose: z.boolean().default(false),
}).refine((o) => (o.month === undefined) !== (o.config === undefined), { message: "give either --month or --config", path: ["month"] });

/** A config file for several contracts in one run (an archive rebuild): one entry per contract. */
export const BuildConfigSchema = z
  .object({
    builds: z
      .array(
        z
          .object({
            data: z.string().min(1),
            contract: z.string().min(1).optional(),
            month: MonthsSpecSchema,
            from: MonthSchema.optional(),
            out: z.string().min(1).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type BuildConfig = z.infer<typeof BuildConfigSchema>;
export type BuildOptions = z.infer<typeof BuildOptionsSchema>;
export type StatusOptions = z.infer<typeof StatusOptionsSchema>;
export type TemplateOptions = z.infer<typeof TemplateOptionsSchema>;
export type ReviewOptions = z.infer<typeof ReviewOptionsSchema>;
export type AddOptions = z.infer<typeof AddOptionsSchema>;
export type InitOptions = z.infer<typeof InitOptionsSchema>;
export type ValidateOptions = z.infer<typeof ValidateOptionsSchema>;

/** Parses commander's options with a schema; a bad value is a usage error naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const option = String(issue.path[0] ?? "");
  const flag = `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const given = (raw as Record<string, unknown>)[option];
  const message =
    issue.code === "custom" ? issue.message : given === undefined ? `${flag} is required` : `${flag} ${JSON.stringify(given)}: ${issue.message}`;
  throw new UsageError(message);
}
