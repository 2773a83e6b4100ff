import type { Month } from "../schema/return.js";
import type { Id } from "../schema/id.js";
import { monthLabel } from "./months.js";
import type { ReportLabels } from "./labels.js";
import { shortfallWords } from "./bands.js";

/**
 * Appendix 2's own words: its headings, its opening sentence, its table's headers, caption and
 * description. The contract's `labels` name the requirements (`appendix2`, `msrHeading`).
 */
type Labels = Pick<ReportLabels, "appendix2">;

/** "Appendix 2: Minimum Service Requirements, September 2022", the heading and the section's footer. */
export const appendix2Heading = (labels: Labels, month: Month) =>
  `Appendix 2: ${labels.appendix2}, ${monthLabel(month)}`;

export const appendix2Intro = (labels: Pick<ReportLabels, "msrHeading">, month: Month) =>
  `${labels.msrHeading}, cross-referenced to the KPIs that evidence them, for ${monthLabel(month)}.`;

/** "Minimum Service Requirements 1 to 12 and their linked KPIs": the first and last MSR's numbers. */
export const msrPartHeading = (labels: Labels, first: Id, last: Id) =>
  `${labels.appendix2} ${first} to ${last} and their linked KPIs`;

/** A row's label when the table continues on the next page: "MSR 3", by the contract's name for the number column. */
export const msrRowLabel = (labels: Pick<ReportLabels, "msrColumn">, number: Id) =>
  `${labels.msrColumn} ${number}`;

export const NO_COMMENT = "No comment this month";

export const msrCaption = (labels: Labels, month: Month) =>
  `${labels.appendix2} and their linked KPIs, ${monthLabel(month)}`;

export const msrDescription = (labels: Labels, msrCount: number, month: Month, banded: boolean) =>
  `One row for each of the ${msrCount} ${labels.appendix2}: its number and wording, each KPI linked to it ` +
  `with that KPI's outcome for ${monthLabel(month)}, which linked KPIs were ${shortfallWords(banded)}, and the council's comments.`;

/** The shortfall column's header, the same in Appendix 2 and `status`: the contract's, else by its bands. */
export const shortfallHeader = (labels: Pick<ReportLabels, "shortfallColumn">, banded: boolean) =>
  labels.shortfallColumn ?? `Linked KPIs ${shortfallWords(banded)}`;

type Headers = Pick<
  ReportLabels,
  "msrColumn" | "requirementColumn" | "linkedColumn" | "shortfallColumn" | "commentsColumn"
>;

/** Appendix 2's column headings: the contract's `labels`, else Southend's words; the month after two of them. */
export const msrHeaders = (labels: Headers, month: Month, banded: boolean) => ({
  msr: labels.msrColumn,
  requirement: labels.requirementColumn,
  linked: `${labels.linkedColumn} for ${monthLabel(month)}`,
  shortfall: shortfallHeader(labels, banded),
  comments: `${labels.commentsColumn} for ${monthLabel(month)}`,
});
