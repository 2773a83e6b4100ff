import type { Msr } from "../schema/contract.js";
import type { KpiResult, MsrResult, MsrState } from "../schema/results.js";
import type { Outcome } from "../schema/return.js";
import type { Id } from "../schema/id.js";
import { bandOfResult } from "./summary.js";

/**
 * One Minimum Service Requirement for one month, from its linked KPIs' outcomes (after any
 * override, since that is the council's verdict). A failure outranks a gap: an MSR with a
 * KPI not met is "not-met" even if others were not captured, because that is already known.
 * A linked KPI with no result (a contract error that validation reports) counts as not
 * captured, so the MSR shows as incomplete rather than quietly met.
 */
export function rollUpMsr(msr: Msr, kpiResults: readonly KpiResult[], comment?: string): MsrResult {
  return msrRoller(kpiResults)(msr, comment);
}

/**
 * rollUpMsr for many MSRs of one month: the month's outcomes and bands are looked up by KPI once,
 * not once per MSR (120 MSRs over 270 KPIs for 60 months made 4 million map entries, 0.2 s of a
 * build, docs/performance.md).
 */
export function msrRoller(kpiResults: readonly KpiResult[]): (msr: Msr, comment?: string) => MsrResult {
  const outcomes = new Map<Id, Outcome>(kpiResults.map((r) => [r.number, r.outcome]));
  // A contract with RAG bands says each linked KPI's band too, as its summary counts them.
  const banded = kpiResults.some((r) => r.band !== undefined);
  const bands = banded ? new Map(kpiResults.map((r) => [r.number, bandOfResult(r)])) : undefined;
  return (msr, comment) => {
    const linkedKpis = msr.linkedKpis.map((number) => {
      const band = bands?.get(number);
      return { number, outcome: outcomes.get(number) ?? "not-captured", ...(band ? { band } : {}) };
    });
    const notMet = linkedKpis.filter((k) => k.outcome === "not-met").map((k) => k.number);
    const notCaptured = linkedKpis.filter((k) => k.outcome === "not-captured").map((k) => k.number);
    const state: MsrState =
      linkedKpis.length === 0
        ? "no-linked-kpis"
        : notMet.length > 0
          ? "not-met"
          : notCaptured.length > 0
            ? "incomplete"
            : "met";
    const result: MsrResult = { number: msr.number, linkedKpis, notMet, notCaptured, state };
    if (comment !== undefined && comment.trim() !== "") result.comment = comment;
    return result;
  };
}
