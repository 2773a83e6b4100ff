import type { Contract } from "../schema/contract.js";

/** What the appendices call their parts: the contract's `labels`, else these, Southend's words. */
const DEFAULTS = {
  appendix1: "KPI schedule",
  appendix2: "Minimum Service Requirements",
  msrHeading: "Partnership-specific Minimum Service Requirements",
  rank: "Rank",
  compliments: "Compliments",
  msrColumn: "MSR",
  requirementColumn: "Minimum Service Requirement",
  linkedColumn: "Linked KPIs: outcome",
  commentsColumn: "Matters being addressed and comments",
} as const;

/** A KPI without a rank, and the compliments row, in a schedule with a Rank column. */
export const NOT_RANKED = "Not ranked";

export interface ReportLabels {
  appendix1: string;
  appendix2: string;
  msrHeading: string;
  /** Appendix 2's column headings; `shortfallColumn` absent: the default, worded by the contract's bands. */
  msrColumn: string;
  requirementColumn: string;
  linkedColumn: string;
  shortfallColumn?: string;
  commentsColumn: string;
  /** Absent: no Rank column (the contract says so, or no KPI has a rank). */
  rank?: string;
  /** Absent: no Compliments row. */
  compliments?: string;
}

export function reportLabels(contract: Pick<Contract, "labels" | "kpis">): ReportLabels {
  const given = contract.labels ?? {};
  const rank = given.rank ?? DEFAULTS.rank;
  const compliments = given.compliments ?? DEFAULTS.compliments;
  return {
    appendix1: given.appendix1 ?? DEFAULTS.appendix1,
    appendix2: given.appendix2 ?? DEFAULTS.appendix2,
    msrHeading: given.msrHeading ?? DEFAULTS.msrHeading,
    msrColumn: given.msrColumn ?? DEFAULTS.msrColumn,
    requirementColumn: given.requirementColumn ?? DEFAULTS.requirementColumn,
    linkedColumn: given.linkedColumn ?? DEFAULTS.linkedColumn,
    ...(given.shortfallColumn !== undefined ? { shortfallColumn: given.shortfallColumn } : {}),
    commentsColumn: given.commentsColumn ?? DEFAULTS.commentsColumn,
    ...(rank !== false && contract.kpis.some((k) => k.rank !== undefined) ? { rank } : {}),
    ...(compliments !== false ? { compliments } : {}),
  };
}
