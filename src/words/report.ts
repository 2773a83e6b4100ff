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
