import type { Month } from "../schema/return.js";
import { monthLabel } from "./months.js";
import type { Id } from "../schema/id.js";

/** Appendix 2's own words: its headings, its table's headers, caption and description. */
export const appendix2Heading = (month: Month) =>
  `Appendix 2: Minimum Service Requirements, ${monthLabel(month)}`;

export const appendix2Intro = (month: Month) =>
  `Partnership-specific Minimum Service Requirements, cross-referenced to the KPIs that evidence them, for ${monthLabel(month)}.`;

export const msrPartHeading = (msrCount: number) =>
  `Minimum Service Requirements 1 to ${msrCount} and their linked KPIs`;

/** A row's label when the table continues on the next page: "MSR 3". */
export const msrRowLabel = (number: Id) => `MSR ${number}`;

export const NO_COMMENT = "No comment this month";

export const msrCaption = (month: Month) =>
  `Minimum Service Requirements and their linked KPIs, ${monthLabel(month)}`;

export const msrDescription = (msrCount: number, month: Month) =>
  `One row for each of the ${msrCount} Minimum Service Requirements: its number and wording, each KPI linked to it ` +
  `with that KPI's outcome for ${monthLabel(month)}, which linked KPIs were not met or not captured, and the council's comments.`;

export const msrHeaders = (month: Month) => ({
  msr: "MSR",
  requirement: "Minimum Service Requirement",
  linked: `Linked KPIs: outcome for ${monthLabel(month)}`,
  shortfall: SHORTFALL_HEADER,
  comments: `Matters being addressed and comments for ${monthLabel(month)}`,
});

/** The shortfall column's header, the same in Appendix 2 and `status`. */
export const SHORTFALL_HEADER = "Linked KPIs not met or not captured";
