import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import { monthLabel } from "./months.js";
import type { ReportLabels } from "./labels.js";

/**
 * The document's own words: its title and subject (the file's metadata), and what the formats
 * label. A contract without MSRs (`withMsrs` false) has no Appendix 2, so neither names it.
 */
type Labels = Pick<ReportLabels, "appendix1" | "appendix2">;

export const reportTitle = (contract: Contract, labels: Labels, month: Month, withMsrs: boolean) =>
  `${contract.supplier} performance against KPIs${withMsrs ? ` and ${labels.appendix2}` : ""}, ${monthLabel(month)}`;

export const reportSubject = (contract: Contract, labels: Labels, month: Month, withMsrs: boolean) =>
  `${contract.title}: ${labels.appendix1}${withMsrs ? ` and ${labels.appendix2}` : ""} for ${monthLabel(month)}`;

export const REPORT_LABELS = { page: "Page", skipToContent: "Skip to the appendices" } as const;

/**
 * A row split over a page: the piece carried over starts with the row's name, "KPI 3 (continued)",
 * in its first cell, and each other cell whose text all went before the break says where it is,
 * so no cell of the piece is empty. "The page before", not "above": on the new page the row
 * above is the repeated header, and in the DOCX a screen reader meets the piece as a row of its
 * own, hearing the column's header and then where its text is. Short words, so it breaks only
 * between them in the narrowest column (Rank, about 27 pt of text: "previous" is 29 pt at 8 pt).
 */
export const CONTINUED_WORDS = {
  row: (name: string) => `${name} (continued)`,
  cell: "(see the page before)",
} as const;
