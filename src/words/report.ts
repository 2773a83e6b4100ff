import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import { monthLabel } from "./months.js";

/** The document's own words: its title and subject (the file's metadata), and what the formats label. */
export const reportTitle = (contract: Contract, month: Month) =>
  `${contract.supplier} performance against KPIs and Minimum Service Requirements, ${monthLabel(month)}`;

export const reportSubject = (contract: Contract, month: Month) =>
  `${contract.title}: KPI schedule and Minimum Service Requirements for ${monthLabel(month)}`;

export const REPORT_LABELS = { page: "Page", skipToContent: "Skip to the appendices" } as const;
