import type { Contract, Kpi, Msr, Target } from "../../src/schema/contract.js";
import type { KpiResult } from "../../src/schema/results.js";
import type { Month, MonthlyReturn, Outcome, ReturnKpi } from "../../src/schema/return.js";
import type { MonthlyReview, ReviewKpi } from "../../src/schema/review.js";
import type { Id } from "../../src/schema/id.js";

/** Small hand-made contracts and returns: each test states the few fields it is about. */

export function kpi(number: number, target: Target, targetText = "target"): Kpi {
  return {
    number,
    serviceCriteria: "Service",
    description: `KPI ${number} description`,
    shortName: `KPI ${number}`,
    rank: 1,
    frequency: target.kind === "report" && target.everyMonths === 3 ? "quarterly" : "monthly",
    target,
    targetText,
  };
}

export const percentageKpi = (number: number, atLeast: number) =>
  kpi(number, { kind: "percentage", atLeast }, `${atLeast}%`);
export const countKpi = (number: number, below: number, reportedAtLeast?: number) =>
  kpi(
    number,
    reportedAtLeast === undefined ? { kind: "count", below } : { kind: "count", below, reportedAtLeast },
    `< ${below} per month`,
  );
export const reportKpi = (number: number, everyMonths: number) =>
  kpi(number, { kind: "report", everyMonths }, "Quarterly report");

export function row(kpiNumber: Id, fields: Partial<Omit<ReturnKpi, "kpi">> = {}): ReturnKpi {
  return { kpi: kpiNumber, status: "measured", commentary: "", ...fields };
}

export function monthReturn(
  month: Month,
  kpis: ReturnKpi[],
  extra: Partial<MonthlyReturn> = {},
): MonthlyReturn {
  return { contract: "test-contract", month, kpis, ...extra };
}

/** The council's line for a KPI, as its review gives it. */
export function councilRow(kpiNumber: Id, fields: Partial<Omit<ReviewKpi, "kpi">> = {}): ReviewKpi {
  return { kpi: kpiNumber, ...fields };
}

export function monthReview(
  month: Month,
  kpis: ReviewKpi[],
  extra: Partial<MonthlyReview> = {},
): MonthlyReview {
  return { contract: "test-contract", month, kpis, msrComments: [], ...extra };
}

export function returnsOf(...returns: MonthlyReturn[]): ReadonlyMap<Month, MonthlyReturn> {
  return new Map(returns.map((r) => [r.month, r]));
}

export const noHistory: ReadonlyMap<Month, MonthlyReturn> = new Map();

export function contract(kpis: Kpi[], msrs: Msr[] = []): Contract {
  return { id: "test-contract", title: "Test", council: "Council", supplier: "Supplier", kpis, msrs };
}

/** A KpiResult with only what roll-ups and summaries read; the rest filled plausibly. */
export function result(number: number, outcome: Outcome, overrideReason?: string): KpiResult {
  const r: KpiResult = {
    number,
    month: "2022-09",
    outcome,
    computedOutcome: outcome,
    target: "100%",
    actual: { form: "figures" },
    reason: { code: "no-row" },
    commentary: "",
  };
  if (overrideReason !== undefined) r.override = { reason: overrideReason };
  return r;
}
