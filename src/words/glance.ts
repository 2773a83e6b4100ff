import type { KpiChange } from "../schema/results.js";
import type { Month } from "../schema/return.js";
import { outcomeWords } from "./outcomes.js";
import { joinList, kpiList } from "./lists.js";
import { monthLabel } from "./months.js";
import type { Id } from "../schema/id.js";
import type { ReportLabels } from "./labels.js";
import { BAND_WORDS, shortfallWords } from "./bands.js";

/** The month at a glance's own words: headings, tables' headers and captions, what changed. */
export const glanceHeading = (month: Month) => `Summary: ${monthLabel(month)} at a glance`;

/** What the glance is, under its heading; a contract without MSRs (`withMsrs` false) has no Appendix 2 to name. */
export const glanceIntro = (
  labels: Pick<ReportLabels, "appendix1" | "appendix2">,
  month: Month,
  previous: Month,
  withMsrs: boolean,
  banded: boolean,
) =>
  `A summary before the appendices, of how ${monthLabel(month)} compares with ${monthLabel(previous)}: the outcomes counted for both months, what changed, the KPIs ${shortfallWords(banded)}${banded ? "," : ""} and why, and the outcomes of every month Appendix 1 shows. ` +
  (withMsrs
    ? `Appendix 1 (the ${labels.appendix1}) and Appendix 2 (the ${labels.appendix2}) follow in full.`
    : `Appendix 1 (the ${labels.appendix1}) follows in full.`);

export const GLANCE_HEADINGS = {
  counts: (previous: Month) => `Outcomes against ${monthLabel(previous)}`,
  changes: (previous: Month) => `What changed since ${monthLabel(previous)}`,
  /** `banded`: the contract has red, amber and green bands, and the heading says them. */
  shortfalls: (banded: boolean) => `KPIs ${shortfallWords(banded)}`,
} as const;

/** "14 more", "3 fewer", "No change": a count's change in words, never a bare signed number. */
export function countChange(now: number, before: number): string {
  if (now === before) return "No change";
  return now > before ? `${now - before} more` : `${before - now} fewer`;
}

export const COUNTS_TABLE = {
  header: "Outcome",
  change: "Change",
  total: "All KPIs",
  noReturn: "No return",
  notComparable: "Not comparable",
  caption: (month: Month, previous: Month) =>
    `Outcomes, ${monthLabel(month)} against ${monthLabel(previous)}`,
  description: (month: Month, previous: Month) =>
    `One row for each outcome a KPI can have, then the total: how many KPIs had it in ${monthLabel(month)}, ` +
    `how many in ${monthLabel(previous)}, and the difference in words.`,
} as const;

export const SHORTFALL_TABLE = {
  number: "KPI Number",
  kpi: "KPI",
  outcome: "Outcome",
  figures: "Actual figures",
  reason: "Reason",
  /** `compared` is the month compared with, short ("Aug 2022"), or the like period's words. */
  direction: (compared: string) => `Direction against ${compared}`,
  notCompared: "Not compared",
  caption: (month: Month, banded: boolean) => `KPIs ${shortfallWords(banded)}, ${monthLabel(month)}`,
  description: (month: Month, banded: boolean) =>
    `One row for each KPI ${shortfallWords(banded)} in ${monthLabel(month)}: its number and name, the ${banded ? "band" : "outcome"}, the figures, the reason for the ${banded ? "band" : "outcome"}, and its direction of travel against the month before.`,
} as const;

export const noShortfallGlance = (month: Month, banded: boolean) =>
  `Every KPI was ${banded ? "green" : "met"}, not applicable or not due in ${monthLabel(month)}.`;

/**
 * "KPI 5 (not captured in August 2022), KPI 26 and 27 (not applicable in August 2022).": what each
 * KPI was, by band where the change says one ("KPI 4 (green in April 2024)").
 */
function changeList(list: readonly KpiChange[], previous: Month): string {
  const groups = new Map<string, Id[]>();
  for (const change of list) {
    const was = (change.wasBand ? BAND_WORDS[change.wasBand] : outcomeWords(change.was)).toLowerCase();
    groups.set(was, [...(groups.get(was) ?? []), change.number]);
  }
  const parts = [...groups].map(
    ([was, numbers]) => `${kpiList(numbers)} (${was} in ${monthLabel(previous)})`,
  );
  return `${joinList(parts)}.`;
}

/** The kinds of change the glance reports, in its order: by outcome, or in a contract with red, amber and green bands, by band. */
export const CHANGE_KINDS = ["newlyNotMet", "backToMet", "newlyNotCaptured", "newlyMet"] as const;
export const BAND_CHANGE_KINDS = [
  "newlyRed",
  "newlyAmber",
  "backToGreen",
  "newlyNotCaptured",
  "greenAfterNotCaptured",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number] | (typeof BAND_CHANGE_KINDS)[number];

const CHANGE_LABEL: Record<ChangeKind, string> = {
  newlyNotMet: "Newly not met",
  backToMet: "Back to met",
  newlyNotCaptured: "Newly not captured",
  newlyMet: "Met after not being captured",
  newlyRed: `Newly ${BAND_WORDS.red.toLowerCase()}`,
  newlyAmber: `Newly ${BAND_WORDS.amber.toLowerCase()}`,
  backToGreen: `Back to ${BAND_WORDS.green.toLowerCase()}`,
  greenAfterNotCaptured: `${BAND_WORDS.green} after not being captured`,
};

/** "Newly not met: KPI 5 (met in August 2022).", "Newly red: KPI 4 (green in April 2024)." */
export const changeLine = (kind: ChangeKind, list: readonly KpiChange[], previous: Month) =>
  `${CHANGE_LABEL[kind]}: ${changeList(list, previous)}`;

/** "No KPI was back to met or newly not captured.": the kinds of change that did not happen, in one sentence. */
export function noChangeLine(kinds: readonly ChangeKind[]): string {
  return `No KPI was ${joinList(
    kinds.map((kind) => CHANGE_LABEL[kind].toLowerCase()),
    "or",
  )}.`;
}

export const noPreviousReturn = (previous: Month) =>
  `There is no return for ${monthLabel(previous)}, so nothing is compared with it.`;
