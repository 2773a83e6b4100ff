/**
 * The monthly return workbook's layout: sheet names and column headers. The template writer
 * and the reader both take them from here, so the two cannot drift. docs/return-format.md
 * describes the same layout for people.
 */

export const SHEETS = {
  instructions: "Instructions",
  details: "Return",
  kpis: "KPIs",
  msrComments: "MSR comments",
} as const;

/** Rows of the "Return" sheet: a label in column A, its value in column B. */
export const DETAIL_FIELDS = {
  contract: "Contract",
  month: "Month",
  supplier: "Supplier",
  preparedBy: "Prepared by",
  compliments: "Compliments",
} as const;

export type DetailField = keyof typeof DETAIL_FIELDS;

/** Columns of the "KPIs" sheet, in order. `input` columns are the supplier's or the council's to fill. */
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
  { key: "verified", header: "Council verified", width: 12, input: true },
  { key: "verificationNote", header: "Verification note", width: 40, input: true },
  { key: "overrideOutcome", header: "Outcome override", width: 16, input: true },
  { key: "overrideReason", header: "Override reason", width: 40, input: true },
] as const;

export type KpiColumnKey = (typeof KPI_COLUMNS)[number]["key"];

export const MSR_COLUMNS = [
  { key: "msr", header: "MSR", width: 6, input: false },
  { key: "requirement", header: "Requirement", width: 70, input: false },
  { key: "linkedKpis", header: "Linked KPIs", width: 24, input: false },
  { key: "comment", header: "Council comment", width: 70, input: true },
] as const;

export type MsrColumnKey = (typeof MSR_COLUMNS)[number]["key"];

export const YES_NO = ["Yes", "No"] as const;

/** Commentary longer than this is refused: it would not fit a cell of the printed schedule. */
export const MAX_COMMENTARY_LENGTH = 2000;

/** Header matching tolerates case, surrounding and non-breaking spaces, and repeated spaces. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\u00a0\s]+/g, " ").trim().toLowerCase();
}
