import * as z from "zod";
import { IdSchema } from "./id.js";
import { LabelsSchema } from "./labels.js";
import { PeriodFrequencySchema, TargetsSchema, YearSchema, type AnyTarget } from "./target.js";

/**
 * contract.json: the council's contract as data. Every key carries its description and an example
 * (`.meta`), from which docs/contract.md and docs/contract.schema.json are made (npm run docs:schema),
 * so the reference, the editor's completion and the checks are one thing.
 */
const doc = <T extends z.ZodType>(schema: T, description: string, example: unknown): T =>
  schema.meta({ description, examples: [example] });

/**
 * How a KPI's target is judged (src/schema/target.ts, docs/targets.md). The wording the committee
 * sees is `targetText`; this is the same target as data the evaluator can apply.
 */
export const TargetSchema = TargetsSchema;

/** How often a KPI is reported; "not due" is computed from it when the contract gives its `year`. */
export const FrequencySchema = PeriodFrequencySchema;

export const KpiSchema = z
  .object({
    number: doc(
      IdSchema,
      'The KPI\'s number as the contract\'s schedule prints it: a whole number, or text such as "3a" or "PI-07". The appendices sort them as a person would (2, 3a, 10).',
      1,
    ),
    serviceCriteria: doc(
      z.string().min(1),
      "The group the KPI belongs to, Appendix 1's first column.",
      "Customer Service",
    ),
    description: doc(
      z.string().min(1),
      "What is measured, in the contract's words.",
      "Complaints acknowledged within 2 working days",
    ),
    shortName: doc(
      z.string().min(1),
      "The short name Appendix 2 uses beside each MSR.",
      "Complaints acknowledged",
    ),
    rank: doc(
      z.number().int().min(1).optional(),
      "The KPI's rank (weight) in the contract. When no KPI has one, Appendix 1 has no Rank column.",
      10,
    ),
    frequency: doc(
      FrequencySchema,
      "How often the KPI is reported: monthly, quarterly, annual, or a count cumulative in the year.",
      "monthly",
    ),
    target: doc(
      TargetSchema,
      "How a month's figure is judged (see A measured target, A report target): one target, or a list of targets that change, each with the month it takes effect `from` (docs/targets.md).",
      { kind: "percentage", atLeast: 98 },
    ),
    targetText: doc(z.string().min(1), 'The target as printed in the "Service Required" column.', "98%"),
    targetSource: doc(
      z.string().optional(),
      "Where the target comes from, when it is not the schedule itself.",
      "Appendix 2's comment on MSR 11",
    ),
  })
  .strict();

export const MsrSchema = z
  .object({
    number: doc(IdSchema, 'The MSR\'s number: a whole number, or text such as "2b".', 1),
    text: doc(
      z.string().min(1),
      "The requirement, in the contract's words.",
      "Complaints are answered within the times agreed.",
    ),
    linkedKpis: doc(
      z.array(IdSchema),
      "The numbers of the KPIs that evidence it, as each KPI's `number` writes them; [] for none.",
      [4, 5],
    ),
  })
  .strict();

/** A month as contract.json writes one; the return schema's own is not imported, to keep schemas apart. */
const TermMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month written YYYY-MM, e.g. 2021-04");

/** The months the contract runs: a return for a month outside them is refused (validate, add). */
export const TermSchema = z
  .object({
    first: doc(
      TermMonthSchema,
      "The contract's first month; a return for an earlier month is refused.",
      "2021-04",
    ),
    last: doc(
      TermMonthSchema.optional(),
      "Its last month, when it is known (an extension moves it); a return for a later month is refused.",
      "2028-03",
    ),
  })
  .strict()
  .refine((term) => term.last === undefined || term.first <= term.last, {
    message: "the term's last month is before its first",
    path: ["last"],
  });

export const ContractSchema = z
  .object({
    $schema: doc(
      z.string().optional(),
      "The JSON Schema an editor checks the file against; kpi-report does not read it.",
      "./contract.schema.json",
    ),
    id: doc(
      z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens"),
      'A stable name for the contract, in lower-case letters, digits and hyphens; a return names it in its "Contract" field.',
      "highways-maintenance",
    ),
    title: doc(
      z.string().min(1),
      "The contract's title, as the appendices print it.",
      "Highways maintenance term contract",
    ),
    council: doc(z.string().min(1), "The council.", "Anyshire County Council"),
    supplier: doc(z.string().min(1), "The supplier whose performance is reported.", "Roadworks Ltd"),
    committee: doc(
      z.string().min(1).optional(),
      "The committee the appendices go to.",
      "Place Scrutiny Committee",
    ),
    labels: doc(
      LabelsSchema.optional(),
      "What the appendices call their parts, where the contract words them otherwise (see Labels).",
      { appendix1: "Performance schedule", rank: false },
    ),
    year: doc(
      YearSchema.optional(),
      "The contract year (see The contract year): the month it starts and its quarter ends. When given, a quarterly or annual KPI is not due outside its period's last month, whatever the return says.",
      { startMonth: 4 },
    ),
    kpis: doc(z.array(KpiSchema).min(1), "The KPIs, one object each (see A KPI).", [
      {
        number: 1,
        serviceCriteria: "Safety",
        description: "Category 1 defects made safe within 24 hours",
        shortName: "Cat 1 made safe",
        rank: 10,
        frequency: "monthly",
        target: { kind: "percentage", atLeast: 98 },
        targetText: "98%",
      },
    ]),
    msrs: doc(
      z.array(MsrSchema).default([]),
      "The Minimum Service Requirements, one object each (see An MSR). Leave it out, or [], for a contract without them: the appendices then have no Appendix 2.",
      [{ number: 1, text: "Dangerous defects are made safe promptly.", linkedKpis: [1] }],
    ),
    term: doc(
      TermSchema.optional(),
      "The months the contract runs, first and last (see The term); without it, any month from 1990 to a year from now is read.",
      { first: "2021-04", last: "2028-03" },
    ),
  })
  .strict();

/** One target, as in force in a month. */
export type Target = AnyTarget;
export type Frequency = z.infer<typeof FrequencySchema>;
export type Kpi = z.infer<typeof KpiSchema>;
export type Msr = z.infer<typeof MsrSchema>;
export type Contract = z.infer<typeof ContractSchema>;
export type Term = z.infer<typeof TermSchema>;
