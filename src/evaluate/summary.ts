import type { KpiResult, Summary } from "../schema/results.js";
import type { Outcome } from "../schema/return.js";

/** English list of numbers: "5", "5 and 26", "5, 26 and 27" (no Oxford comma, as the briefing note writes). */
export function joinNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.map(String).join("");
  return `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

/** "KPI 5", "KPI 5 and 26", "KPI 5, 26 and 27": one "KPI" for the list, as the committee's papers write it. */
export function kpiList(numbers: readonly number[]): string {
  return `KPI ${joinNumbers(numbers)}`;
}

const ascending = (a: number, b: number) => a - b;

/** The optional tail, in reading order; each only when non-zero, so a clean month reads cleanly. */
const TAIL: ReadonlyArray<[Outcome, string]> = [
  ["not-captured", "not captured"],
  ["not-applicable", "not applicable"],
  ["not-due", "not due"],
];

/**
 * The month in one line and in counts, from the final outcomes (overrides included: the
 * summary states the council's verdict; `overridden` says where that differs from the figures).
 */
export function summarise(kpiResults: readonly KpiResult[]): Summary {
  const count = (outcome: Outcome) => kpiResults.filter((r) => r.outcome === outcome).length;
  const notMetKpis = kpiResults.filter((r) => r.outcome === "not-met").map((r) => r.number).sort(ascending);
  const overridden = kpiResults.filter((r) => r.override !== undefined).map((r) => r.number).sort(ascending);
  const met = count("met");

  const head = `${met} ${met === 1 ? "KPI" : "KPIs"} achieved, ${
    notMetKpis.length === 0 ? "none not met" : `${notMetKpis.length} not met: ${kpiList(notMetKpis)}`
  }`;
  // A semicolon, because the KPI list before it already uses commas.
  const tail = TAIL.map(([outcome, words]) => [count(outcome), words] as const)
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`)
    .join(", ");

  return {
    met,
    notMet: notMetKpis.length,
    notCaptured: count("not-captured"),
    notApplicable: count("not-applicable"),
    notDue: count("not-due"),
    notMetKpis,
    overridden,
    line: tail === "" ? head : `${head}; ${tail}`,
  };
}
