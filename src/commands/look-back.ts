import type { Contract } from "../schema/contract.js";

/** How many earlier months a judgement can depend on: a report delivered then still covers this month. */
export function lookBackMonths(contract: Contract): number {
  let months = 0;
  for (const kpi of contract.kpis) {
    if (kpi.target.kind === "report") months = Math.max(months, kpi.target.everyMonths - 1);
  }
  return months;
}
