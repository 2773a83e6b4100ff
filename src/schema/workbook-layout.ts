/**
 * The layouts of the two monthly workbooks, the supplier's return and the council's review:
 * sheet names and column headers. The template writers and the readers both take them from
 * here, so the two cannot drift. docs/return-format.md describes the same layouts for people.
 */

export const SHEETS = {
  instructions: "Instructions",
  details: "Return",
  kpis: "KPIs",
} as const;

/**
 * The hidden sheet of a return made by `template`: a copy of the council's contract, so `validate`
 * can check the return where there is no contract.json (the supplier's desk). Never used by add or
 * build, which check against the council's own contract (read/contract-copy.ts).
 */
export const CONTRACT_COPY_SHEET = "kpi-report contract";

/** Rows of the "Return" sheet: a label in column A, its value in column B. */
export const DETAIL_FIELDS = {
  contract: "Contract",
  month: "Month",
  supplier: "Supplier",
  preparedBy: "Prepared by",
  compliments: "Compliments",
} as const;

export type DetailField = keyof typeof DETAIL_FIELDS;

/**
 * Columns of the return's "KPIs" sheet, in order. `input` columns are the supplier's to fill;
 * the others are copied from the contract for reference and never read back, except the KPI number.
 */
export const KPI_COLUMNS = [
  { key: "kpi", header: "KPI", width: 6, input: false },
  { key: "serviceCriteria", header: "Service criteria", width: 18, input: false },
  { key: "description", header: "KPI description", width: 48, input: false },
  { key: "target", header: "Target", width: 16, input: false },
  { key: "status", header: "Status", width: 18, input: true },
  { key: "achieved", header: "Achieved", width: 10, input: true },
  { key: "total", header: "Out of", width: 10, input: true },
  { key: "count", header: "Count", width: 10, input: true },
  { key: "percentage", header: "Percentage", width: 12, input: true },
  { key: "commentary", header: "Commentary", width: 60, input: true },
  // Last, so the columns a supplier fills keep the letters they have always had (E to J).
  { key: "figuresNeeded", header: "Figures needed", width: 34, input: false },
] as const;

export type KpiColumnKey = (typeof KPI_COLUMNS)[number]["key"];

/**
 * Headers that belong to the council, which older returns carried as columns of their own (and
 * a sheet of MSR comments). A return holding anything under one of them is refused: the
 * council's word is only ever read from its review.
 */
export const COUNCIL_KPI_HEADERS = [
  "Council verified",
  "Verification note",
  "Figures derived",
  "Outcome override",
  "Override reason",
] as const;
export const COUNCIL_MSR_SHEET = "MSR comments";

/** The council's review workbook: its own sheets, with the supplier's side shown for reference. */
export const REVIEW_SHEETS = {
  instructions: "Instructions",
  details: "Review",
  kpis: "KPIs",
  msrComments: "MSR comments",
} as const;

export const REVIEW_DETAIL_FIELDS = {
  contract: "Contract",
  month: "Month",
  reviewedBy: "Reviewed by",
  reviewedOn: "Reviewed on",
} as const;

export type ReviewDetailField = keyof typeof REVIEW_DETAIL_FIELDS;

/**
 * Columns of the review's "KPIs" sheet. `input` columns are the council's; the others show, locked,
 * what the supplier returned and what the figures alone give, and are never read back.
 */
export const REVIEW_KPI_COLUMNS = [
  { key: "kpi", header: "KPI", width: 6, input: false },
  { key: "description", header: "KPI description", width: 36, input: false },
  { key: "target", header: "Target", width: 14, input: false },
  { key: "supplierStatus", header: "Supplier's status", width: 14, input: false },
  { key: "supplierFigures", header: "Supplier's figures", width: 22, input: false },
  { key: "supplierCommentary", header: "Supplier's commentary", width: 40, input: false },
  { key: "figuresGive", header: "Figures alone give", width: 16, input: false },
  { key: "verified", header: "Council verified", width: 11, input: true },
  { key: "verificationNote", header: "Verification note", width: 36, input: true },
  { key: "derived", header: "Figures derived", width: 11, input: true },
  { key: "overrideOutcome", header: "Outcome override", width: 15, input: true },
  { key: "overrideReason", header: "Override reason", width: 36, input: true },
] as const;

export type ReviewKpiColumnKey = (typeof REVIEW_KPI_COLUMNS)[number]["key"];

export const MSR_COLUMNS = [
  { key: "msr", header: "MSR", width: 6, input: false },
  { key: "requirement", header: "Requirement", width: 60, input: false },
  { key: "linkedKpis", header: "Linked KPIs", width: 20, input: false },
  { key: "figuresGive", header: "Figures alone give", width: 30, input: false },
  { key: "comment", header: "Council comment", width: 70, input: true },
] as const;

export type MsrColumnKey = (typeof MSR_COLUMNS)[number]["key"];

export const YES_NO = ["Yes", "No"] as const;

/** Commentary longer than this is refused: it would not fit a cell of the printed schedule. */
export const MAX_COMMENTARY_LENGTH = 2000;

/** Compliments print on one line of the schedule, as commentary prints in one cell: the same limit. */
export const MAX_COMPLIMENTS_LENGTH = MAX_COMMENTARY_LENGTH;

/** Excel's own limit on a cell's text: no field a supplier or the council types holds more. */
export const MAX_TEXT_LENGTH = 32_767;

/**
 * The largest count read: far above any month's cases (a million million), far below where a
 * double stops holding every whole number (2^53), so a count is always exact and finite.
 */
export const MAX_COUNT = 1_000_000_000_000;
