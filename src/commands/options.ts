import { z } from "zod";
import { UsageError } from "../errors.js";
import { MonthSchema } from "../schema/return.js";

export const DEFAULT_DATA_DIR = "data";

export const FormatSchema = z.enum(["text", "json"]);

/** Options every command that reads the data directory shares. */
export const DataOptionsSchema = z.object({
  data: z.string().min(1).default(DEFAULT_DATA_DIR),
  contract: z.string().min(1).optional(),
});

export const StatusOptionsSchema = DataOptionsSchema.extend({
  month: MonthSchema,
  format: FormatSchema.default("text"),
});

export const TemplateOptionsSchema = z.object({
  month: MonthSchema,
  out: z.string().min(1).optional(),
  data: z.string().min(1).default(DEFAULT_DATA_DIR),
  contract: z.string().min(1).optional(),
  force: z.boolean().default(false),
});

export const ValidateOptionsSchema = z.object({
  file: z.string().min(1),
  month: MonthSchema.optional(),
  data: z.string().min(1).default(DEFAULT_DATA_DIR),
  contract: z.string().min(1).optional(),
  format: FormatSchema.default("text"),
  maxErrors: z.coerce.number().int().positive().default(200),
});

const FORMATS = ["pdf", "docx"] as const;

export const BuildOptionsSchema = DataOptionsSchema.extend({
  month: MonthSchema,
  from: MonthSchema.optional(),
  out: z.string().min(1).default("out"),
  formats: z
    .string()
    .default("pdf,docx")
    .transform((text) => [...new Set(text.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean))])
    .pipe(z.array(z.enum(FORMATS, { message: `formats are ${FORMATS.join(" and ")}, comma-separated` })).min(1)),
  startPage: z.coerce.number().int().positive().default(1),
});

export type BuildOptions = z.infer<typeof BuildOptionsSchema>;
export type StatusOptions = z.infer<typeof StatusOptionsSchema>;
export type TemplateOptions = z.infer<typeof TemplateOptionsSchema>;
export type ValidateOptions = z.infer<typeof ValidateOptionsSchema>;

/** Parses commander's options with a schema; a bad value is a usage error naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const option = issue.path.map(String).join(".");
  const flag = `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const given = (raw as Record<string, unknown>)[String(issue.path[0])];
  const message = given === undefined ? `${flag} is required` : `${flag} ${JSON.stringify(given)}: ${issue.message}`;
  throw new UsageError(message);
}
