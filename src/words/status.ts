import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import type { Direction } from "../schema/results.js";
import { directionMark } from "./direction.js";
import { monthLabel } from "./months.js";

/** The words of `status`'s view and the CI job's summary, beside the sentences they share with the appendices. */
export const statusTitle = (contract: Contract, month: Month, contractId: string) =>
  `${contract.supplier}: KPIs for ${monthLabel(month)} (${contractId})`;

export const STATUS_COLUMNS = {
  kpi: "KPI",
  name: "Name",
  target: "Target",
  figures: "Actual figures",
  outcome: "Outcome",
  reason: "Reason",
  linked: "Linked KPIs",
} as const;

/** An MSR that links no KPI, in `status`'s narrow column. */
export const NO_LINKED = "None";

export const jobSummaryHeading = (month: Month, contractId: string) =>
  `KPI report: ${monthLabel(month)} (${contractId})`;

export const NO_SHORTFALL = "Every KPI was met, not applicable or not due.";
export const FILES_LABEL = "Files";

/** "Direction of travel against August 2022: ▲ better: 0, = same: 10, ▼ worse: 0, – not comparable: 17." */
export function directionCounts(compared: string, counts: readonly (readonly [Direction, number])[]): string {
  return `Direction of travel against ${compared}: ${counts.map(([d, n]) => `${directionMark(d)}: ${n}`).join(", ")}.`;
}
