import type { Contract } from "../schema/contract.js";

/** What the appendices call their parts: the contract's `labels`, else these, Southend's words. */
const DEFAULTS = {
  appendix1: "KPI schedule",
  appendix2: "Minimum Service Requirements",
  msrHeading: "Partnership-specific Minimum Service Requirements",
  rank: "Rank",
  compliments: "Compliments",
} as const;

/** A KPI without a rank, and the compliments row, in a schedule with a Rank column. */
export const NOT_RANKED = "Not ranked";

export interface ReportLabels {
  appendix1: string;
  appendix2: string;
  msrHeading: string;
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
    ...(rank !== false && contract.kpis.some((k) => k.rank !== undefined) ? { rank } : {}),
    ...(compliments !== false ? { compliments } : {}),
  };
}
