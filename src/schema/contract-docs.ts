import * as z from "zod";
import { ContractSchema, KpiSchema, MsrSchema, TermSchema } from "./contract.js";
import {
  MeasuredTargetSchema,
  percentageBoundsJson,
  RagBandsSchema,
  ReportTargetSchema,
  YearSchema,
} from "./target.js";
import { LabelsSchema } from "./labels.js";

/**
 * docs/contract.schema.json and the key reference in docs/contract.md, made from the zod schema
 * and the description and example each key carries, so neither can say what the checks do not.
 * `npm run docs:schema` writes both; test/read/contract-docs.test.ts fails when they differ.
 */

export function contractJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ContractSchema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
    override: (ctx) => {
      if (ctx.zodSchema === MeasuredTargetSchema) Object.assign(ctx.jsonSchema, percentageBoundsJson());
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "kpi-report contract",
    description:
      "A council's contract for kpi-report: its KPIs, their targets and its Minimum Service Requirements. The reference is docs/contract.md.",
    ...rest,
  };
}

interface Section {
  title: string;
  intro: string;
  schema: z.ZodObject;
}

function sections(): Section[] {
  return [
    { title: "The contract", intro: "The file's top level: one object.", schema: ContractSchema },
    {
      title: "The contract year",
      intro: "The value of `year`, when given. How periods follow from it: docs/targets.md.",
      schema: YearSchema,
    },
    { title: "A KPI", intro: "Each entry of `kpis`.", schema: KpiSchema },
    {
      title: "A measured target",
      intro:
        'The value of a KPI\'s `target` (or of each entry of a list of targets) when its `kind` is `"percentage"`, `"count"`, `"value"` or `"average"`. Give exactly one of `atLeast`, `atMost`, `moreThan`, `fewerThan` (`below` for a count) or `between`. How it is judged: docs/targets.md.',
      schema: MeasuredTargetSchema,
    },
    {
      title: "A report target",
      intro: 'The value of a KPI\'s `target` when its `kind` is `"report"`.',
      schema: ReportTargetSchema,
    },
    {
      title: "Bands",
      intro:
        'The value of a target\'s `bands` for red, amber and green; `{"kind": "met-not-met"}`, or no `bands`, is met or not met.',
      schema: RagBandsSchema,
    },
    { title: "An MSR", intro: "Each entry of `msrs`.", schema: MsrSchema },
    {
      title: "Labels",
      intro:
        'The value of `labels`: each key left out keeps the default (Appendix 1 "KPI schedule", Appendix 2 "Minimum Service Requirements", "Rank", "Compliments", and Appendix 2\'s column headings as each says).',
      schema: LabelsSchema,
    },
    { title: "The term", intro: "The value of `term`, when the contract gives one.", schema: TermSchema },
  ];
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The markdown tables of every key: name, whether it must be given, what it holds, an example. */
export function contractKeysMarkdown(): string {
  return sections()
    .map(({ title, intro, schema }) => {
      const rows = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => {
        const meta = z.globalRegistry.get(field);
        const literal = field instanceof z.ZodLiteral ? field._zod.def.values[0] : undefined;
        const description =
          meta?.description ?? (literal !== undefined ? "Says which kind of target this is." : undefined);
        const example = meta?.examples !== undefined ? (meta.examples as unknown[])[0] : literal;
        if (description === undefined || example === undefined)
          throw new Error(`contract key ${title} > ${key} has no description or example`);
        const required = field.safeParse(undefined).success ? "no" : "yes";
        return `| \`${key}\` | ${required} | ${cell(typeWords(field))} | ${cell(description)} | \`${cell(JSON.stringify(example))}\` |`;
      });
      return [
        `### ${title}`,
        "",
        intro,
        "",
        "| key | required | holds | meaning | example |",
        "|---|---|---|---|---|",
        ...rows,
      ].join("\n");
    })
    .join("\n\n");
}

function typeWords(field: z.ZodType): string {
  const json = z.toJSONSchema(field, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  if (json.const !== undefined) return JSON.stringify(json.const);
  if (Array.isArray(json.enum)) return `one of ${json.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const options = (json.anyOf ?? json.oneOf) as Record<string, unknown>[] | undefined;
  if (options?.every((o) => o.type === "integer" || o.type === "string")) return "a whole number or text";
  if (options?.every((o) => o.type === "string" || o.const === false)) return "text, or false";
  if (options) return "an object (see below)";
  const words: Record<string, string> = {
    string: "text",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
    object: "an object",
  };
  if (json.type === "array") {
    const item = json.items as Record<string, unknown> | undefined;
    const items = Array.isArray(item?.anyOf) ? "id" : String(item?.type);
    return `a list${({ object: " of objects", integer: " of whole numbers", string: " of texts", number: " of numbers", id: " of whole numbers or texts" } as Record<string, string>)[items] ?? ""}`;
  }
  let text = words[String(json.type)] ?? String(json.type);
  if (typeof json.minimum === "number" && typeof json.maximum === "number" && json.maximum < 1e9)
    text += `, ${json.minimum} to ${json.maximum}`;
  else if (typeof json.minimum === "number") text += `, at least ${json.minimum}`;
  else if (typeof json.exclusiveMinimum === "number") text += `, more than ${json.exclusiveMinimum}`;
  return text;
}

const BEGIN =
  "<!-- keys: generated from src/schema/contract.ts by `npm run docs:schema`; edit the schema, not this -->";
const END = "<!-- end of keys -->";

/** `page` with its generated part replaced by what the schema says now. */
export function withKeys(page: string): string {
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/contract.md has lost its markers ${BEGIN} ... ${END}`);
  return `${page.slice(0, start)}${BEGIN}\n\n${contractKeysMarkdown()}\n\n${page.slice(end)}`;
}
