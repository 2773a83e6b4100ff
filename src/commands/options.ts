import * as z from "zod";
import { UsageError } from "../errors.js";
import { MonthSchema } from "../schema/return.js";
import { DEFAULT_DOCUMENT_FORMATS, DOCUMENT_FORMATS } from "../render/registry.js";
import { optionProblem } from "./option-words.js";
import { formatsAllowed, OPTION_RULES } from "../words/commands/options.js";

export const FormatSchema = z.enum(["text", "json"]);
export const ValidateFormatSchema = z.enum(["text", "json", "github"]);

/** Options every command that reads the data folder shares. No --data: KPI_REPORT_DATA, else ./data (read/data-dir.ts). */
export const DataOptionsSchema = z.object({
  data: z.string().min(1).optional(),
  contract: z.string().min(1).optional(),
});

export const StatusOptionsSchema = DataOptionsSchema.extend({
  month: MonthSchema,
  format: FormatSchema.default("text"),
  /** The output folder whose manifest is checked against its files, as build's --out. */
  out: z.string().min(1).default("out"),
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
  /** A blank contract to fill in, instead of the bundled Southend one. */
  blank: z.boolean().default(false),
  /** Also write contract.xlsx, the contract as a workbook to fill in. */
  contractWorkbook: z.boolean().default(false),
});

export const ContractOptionsSchema = z.object({
  /** The contract workbook. */
  file: z.string().min(1),
  data: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  force: z.boolean().default(false),
});

export const ValidateOptionsSchema = DataOptionsSchema.extend({
  files: z.array(z.string().min(1)).min(1),
  month: MonthSchema.optional(),
  format: ValidateFormatSchema.default("text"),
  maxErrors: z.coerce.number().int().positive().default(200),
});

export const RenderFormatSchema = z.enum(DOCUMENT_FORMATS, { message: formatsAllowed(DOCUMENT_FORMATS) });
export type RenderFormat = z.infer<typeof RenderFormatSchema>;

/** "2022-09", "2022-03..2022-09" or "2022-07,2022-09": one report per month named. */
export const MonthsSpecSchema = z
  .string()
  .transform((text) =>
    text
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.union([
          MonthSchema.transform((m) => ({ from: m, to: m })),
          z
            .string()
            .regex(/^\d{4}-\d{2}\.\.\d{4}-\d{2}$/, OPTION_RULES.monthSpec)
            .transform((r) => ({ from: r.slice(0, 7), to: r.slice(9) }))
            .pipe(
              z
                .object({ from: MonthSchema, to: MonthSchema })
                .refine((r) => r.from <= r.to, OPTION_RULES.rangeBackwards),
            ),
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
    .default(DEFAULT_DOCUMENT_FORMATS.join(","))
    .transform((text) => [
      ...new Set(
        text
          .split(",")
          .map((f) => f.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(RenderFormatSchema).min(1)),
  startPage: z.coerce.number().int().positive().default(1),
  /** --no-glance: the summary at a glance is left out, for a pack whose covering report has it. */
  glance: z.boolean().default(true),
  check: z.boolean().default(false),
  strict: z.boolean().default(false),
  summary: z.string().min(1).optional(),
  quiet: z.boolean().default(false),
  verbose: z.boolean().default(false),
}).superRefine((o, ctx) => {
  if (o.month !== undefined && o.config !== undefined) {
    ctx.addIssue({
      code: "custom",
      message: OPTION_RULES.monthAndConfig,
    });
  } else if (o.month === undefined && o.config === undefined) {
    ctx.addIssue({
      code: "custom",
      message: OPTION_RULES.monthRequired,
    });
  }
});

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
            /** false leaves the summary at a glance out of this entry's reports, as --no-glance does. */
            glance: z.boolean().optional(),
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
export type ContractOptions = z.infer<typeof ContractOptionsSchema>;
export type ValidateOptions = z.infer<typeof ValidateOptionsSchema>;

/** Which entry of OPTION_WORDS tells each command's options, where it is not the option's own name. */
export const OPTION_WORDING: Record<string, Record<string, string>> = {
  build: { month: "months" },
  validate: { format: "validateFormat" },
};

/**
 * Parses commander's options with a schema; a bad value is a usage error naming the option, what
 * was given, what is allowed and an example (option-words.ts), never the schema library's words.
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  words: Record<string, string> = {},
): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new UsageError(optionProblem(parsed.error.issues[0]!, raw as Record<string, unknown>, words));
}
