/**
 * The contract workbook (`kpi-report init --contract-workbook`, read by `kpi-report contract`): the
 * same contract as contract.json for an officer who does not write JSON, the KPIs as rows. The
 * writer and the reader both take their sheets, headers and lists from here.
 */

export const CONTRACT_SHEETS = {
  instructions: "Instructions",
  contract: "Contract",
  labels: "Labels",
  kpis: "KPIs",
  msrs: "MSRs",
} as const;

/**
 * How a field's cell is read: as text; a month "YYYY-MM" (a date cell too, as Excel makes of a typed
 * 2021-04); a month of the year (4 or April); a list of them (6, 9, 12, 3); or text, where "none"
 * is false (a Rank column or Compliments row left out).
 */
export type FieldRead = "text" | "month" | "month-of-year" | "months-of-year" | "text-or-none";

/** A row of a label-and-value sheet: its label in column A, its value in column B, and where that goes in contract.json. */
export interface FieldRow {
  path: readonly [string] | readonly [string, string];
  label: string;
  help: string;
  read: FieldRead;
}

/** January to December, as a month of the year is written in the workbook ("April"; 4 is read too). */
export const MONTH_NAMES = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.UTC(2000, i, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" }),
);

/** The word for false in a "text-or-none" field. */
export const NONE_WORD = "none";

/** The Contract sheet: a label in column A, its value in column B. */
export const CONTRACT_FIELDS: readonly FieldRow[] = [
  {
    path: ["id"],
    label: "Contract id",
    help: "lower-case letters, digits and hyphens, e.g. highways-maintenance",
    read: "text",
  },
  { path: ["title"], label: "Title", help: "as the appendices print it", read: "text" },
  { path: ["council"], label: "Council", help: "", read: "text" },
  { path: ["supplier"], label: "Supplier", help: "", read: "text" },
  { path: ["committee"], label: "Committee", help: "optional", read: "text" },
  {
    path: ["term", "first"],
    label: "First month",
    help: "optional: the contract's first month, YYYY-MM (e.g. 2021-04); a return for an earlier month is refused",
    read: "month",
  },
  {
    path: ["term", "last"],
    label: "Last month",
    help: "optional, with a first month: its last month, YYYY-MM; a return for a later month is refused",
    read: "month",
  },
  {
    path: ["year", "startMonth"],
    label: "Year starts",
    help: "optional: the month the contract year starts (April, or 4); with it, a quarterly or annual KPI is due only at its period's end",
    read: "month-of-year",
  },
  {
    path: ["year", "quarterEnds"],
    label: "Quarter ends",
    help: "optional: the four months that end its quarters, when not every third month from the start (June, September, December, March)",
    read: "months-of-year",
  },
];

/**
 * The Labels sheet: what the appendices call their parts, where the contract words them otherwise
 * (docs/contract.md, Labels). A blank value keeps the default, shown beside it.
 */
export const LABEL_FIELDS: readonly FieldRow[] = [
  {
    path: ["labels", "appendix1"],
    label: "Appendix 1 title",
    help: 'after "Appendix 1: "; blank for KPI schedule',
    read: "text",
  },
  {
    path: ["labels", "appendix2"],
    label: "Appendix 2 title",
    help: 'after "Appendix 2: "; blank for Minimum Service Requirements',
    read: "text",
  },
  {
    path: ["labels", "msrHeading"],
    label: "MSR heading",
    help: "what Appendix 2's opening sentence calls the requirements; blank for Partnership-specific Minimum Service Requirements",
    read: "text",
  },
  {
    path: ["labels", "rank"],
    label: "Rank column",
    help: `the Rank column's heading; blank for Rank, ${NONE_WORD} for no Rank column`,
    read: "text-or-none",
  },
  {
    path: ["labels", "compliments"],
    label: "Compliments row",
    help: `the heading of Appendix 1's last row; blank for Compliments, ${NONE_WORD} for no such row`,
    read: "text-or-none",
  },
  ...(
    [
      ["msrColumn", "MSR column", "MSR"],
      ["requirementColumn", "Requirement column", "Minimum Service Requirement"],
      ["linkedColumn", "Linked KPIs column", 'Linked KPIs: outcome; " for" and the month follow it'],
      [
        "shortfallColumn",
        "Shortfall column",
        "Linked KPIs not met or not captured, or red or amber, or not captured, for bands",
      ],
      [
        "commentsColumn",
        "Comments column",
        'Matters being addressed and comments; " for" and the month follow it',
      ],
    ] as const
  ).map(
    ([key, label, fallback]): FieldRow => ({
      path: ["labels", key],
      label,
      help: `Appendix 2's table heading; blank for ${fallback}`,
      read: "text",
    }),
  ),
];

export const COMPARISON_WORDS = {
  "at least": "atLeast",
  "at most": "atMost",
  "more than": "moreThan",
  "fewer than": "fewerThan",
  between: "between",
} as const;
export const BAND_WORDS = { "met / not met": "met-not-met", "red / amber / green": "rag" } as const;
export const YES_NO = ["yes", "no"] as const;

export type KpiColumnKey =
  | "number"
  | "serviceCriteria"
  | "description"
  | "shortName"
  | "rank"
  | "frequency"
  | "kind"
  | "comparison"
  | "target"
  | "upper"
  | "unit"
  | "decimals"
  | "reportedAtLeast"
  | "everyMonths"
  | "bands"
  | "tolerance"
  | "amberIfImproved"
  | "from"
  | "targetText"
  | "targetSource";

export interface ContractColumn {
  key: KpiColumnKey;
  header: string;
  width: number;
  required: boolean;
  /** A note on the header cell: what goes in the column. */
  help: string;
}

export const CONTRACT_KPI_COLUMNS: readonly ContractColumn[] = [
  {
    key: "number",
    header: "KPI",
    width: 7,
    required: true,
    help: "The KPI's number or id as the contract prints it: 1, 3a, PI-07. A second row with the same KPI and a 'Target from' month is a target that changes.",
  },
  {
    key: "serviceCriteria",
    header: "Service criteria",
    width: 16,
    required: true,
    help: "The group the KPI belongs to.",
  },
  {
    key: "description",
    header: "Description",
    width: 40,
    required: true,
    help: "What is measured, in the contract's words.",
  },
  {
    key: "shortName",
    header: "Short name",
    width: 20,
    required: true,
    help: "The short name printed beside each MSR.",
  },
  {
    key: "rank",
    header: "Rank",
    width: 7,
    required: false,
    help: "The KPI's rank (weight), a whole number.",
  },
  { key: "frequency", header: "Frequency", width: 12, required: true, help: "How often it is reported." },
  {
    key: "kind",
    header: "Kind of target",
    width: 13,
    required: true,
    help: "percentage, count, value (e.g. pounds), average (e.g. days) or report (delivered or not).",
  },
  {
    key: "comparison",
    header: "Comparison",
    width: 12,
    required: false,
    help: "at least, at most, more than, fewer than or between. Not for a report.",
  },
  {
    key: "target",
    header: "Target",
    width: 9,
    required: false,
    help: "The number: 98 or 98% for a percentage, 5 for 5 days. The lower bound for between.",
  },
  {
    key: "upper",
    header: "Upper bound",
    width: 9,
    required: false,
    help: "For between only: the upper bound.",
  },
  {
    key: "unit",
    header: "Unit",
    width: 8,
    required: false,
    help: "days, hours, minutes, £; a percentage's unit is %.",
  },
  {
    key: "decimals",
    header: "Decimals",
    width: 9,
    required: false,
    help: "How many decimal places a figure may have and is shown with.",
  },
  {
    key: "reportedAtLeast",
    header: "Reported at least",
    width: 10,
    required: false,
    help: "For a count of things that must also be reported: the percentage of them reported.",
  },
  {
    key: "everyMonths",
    header: "Report every (months)",
    width: 10,
    required: false,
    help: "For a report: due once every this many months.",
  },
  {
    key: "bands",
    header: "Bands",
    width: 14,
    required: false,
    help: "met / not met (the default) or red / amber / green.",
  },
  {
    key: "tolerance",
    header: "Tolerance",
    width: 10,
    required: false,
    help: "For red / amber / green: how far off is amber. 5% is 5% of the target; 0.5 is 0.5 in the target's unit.",
  },
  {
    key: "amberIfImproved",
    header: "Amber if improved",
    width: 10,
    required: false,
    help: "yes: a miss beyond the tolerance is amber, not red, when better than the period before.",
  },
  {
    key: "from",
    header: "Target from",
    width: 10,
    required: false,
    help: "YYYY-MM: the month this target takes effect from (earlier months keep the one before).",
  },
  {
    key: "targetText",
    header: "Service required (as printed)",
    width: 16,
    required: true,
    help: "The target as the schedule prints it, e.g. 98%, At most 5 days. On a second row for a KPI (a target that changes), the words of that target while it is in force.",
  },
  {
    key: "targetSource",
    header: "Target source",
    width: 16,
    required: false,
    help: "Where the target comes from, when not the schedule itself.",
  },
];

export const CONTRACT_MSR_COLUMNS = [
  { key: "number", header: "MSR", width: 7, help: "The MSR's number or id." },
  { key: "text", header: "Requirement", width: 60, help: "The requirement, in the contract's words." },
  {
    key: "linkedKpis",
    header: "Linked KPIs",
    width: 16,
    help: "The KPIs that evidence it, separated by commas: 1, 3a, 5. Blank for none.",
  },
] as const;

/** The rows read at most: a contract has tens of KPIs, and a hostile workbook is not read for ever. */
export const MAX_CONTRACT_ROWS = 2000;
