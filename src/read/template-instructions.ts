import type { Contract } from "../schema/contract.js";
import { KPI_STATUSES, type Month } from "../schema/return.js";
import { SHEETS } from "../schema/workbook-layout.js";

export interface InstructionLine {
  text: string;
  heading?: boolean;
}

/** The Instructions sheet: enough for a supplier to fill the return without our docs. */
export function instructionLines(contract: Contract, month: Month): InstructionLine[] {
  return [
    { text: `${contract.supplier}: monthly KPI return for ${month}`, heading: true },
    { text: `For ${contract.council}, contract "${contract.id}" (${contract.title}).` },
    { text: "" },
    { text: "How to fill it in", heading: true },
    { text: `1. On the "${SHEETS.kpis}" sheet, fill the pale yellow cells of each KPI row. The KPI number, description and target are fixed.` },
    { text: `2. Status: choose from the list: ${KPI_STATUSES.join(", ")}. Use "not due" for a quarterly KPI in a month it is not due.` },
    { text: "3. Figures, only when the status is measured. Give the actual numbers, not just a percentage: Achieved and Out of (e.g. 17 and 27 for 17 of 27). For a KPI measured as a count (e.g. routes not operated), use Count. Use Percentage (0 to 100, e.g. 95.2) only when no counts exist." },
    { text: "   For a report KPI (e.g. a quarterly report), put 1 in Achieved and 1 in Out of in the month the report is delivered." },
    { text: "4. Commentary: what happened, in plain words. It is printed in the committee's KPI schedule as written." },
    { text: "5. Council verified, Verification note, Outcome override and Override reason are for the council's contract team. An override needs a written reason." },
    { text: `6. On the "${SHEETS.msrComments}" sheet, the council writes its comment on each Minimum Service Requirement for the month.` },
    { text: `7. On the "${SHEETS.details}" sheet, add who prepared the return and any compliments received this month.` },
    { text: "" },
    { text: "Before sending", heading: true },
    { text: "Check it with: kpi-report validate <this file>. It lists every problem with its sheet and cell. Do not rename sheets or columns, merge cells or add rows." },
  ];
}
