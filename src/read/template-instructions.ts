import type { Contract } from "../schema/contract.js";
import { KPI_STATUSES, type Month } from "../schema/return.js";
import { REVIEW_SHEETS, SHEETS } from "../schema/workbook-layout.js";

export interface InstructionLine {
  text: string;
  heading?: boolean;
}

/** The return's Instructions sheet: enough for a supplier to fill the return without our docs. */
export function instructionLines(
  contract: Contract,
  month: Month,
  carriesContract = false,
): InstructionLine[] {
  return [
    { text: `${contract.supplier}: monthly KPI return for ${month}`, heading: true },
    { text: `For ${contract.council}, contract "${contract.id}" (${contract.title}).` },
    { text: "" },
    { text: "How to fill it in", heading: true },
    {
      text: `1. On the "${SHEETS.kpis}" sheet, fill the pale yellow cells of each KPI row. The KPI number, description, target and the figures needed are fixed.`,
    },
    {
      text: `2. Status: choose from the list: ${KPI_STATUSES.join(", ")}. Use "not due" for a quarterly KPI in a month it is not due.`,
    },
    {
      text: '3. Figures, only when the status is measured: the "Figures needed" column says which ones each KPI needs. Give the actual numbers, not just a percentage: Achieved and Out of (e.g. 17 and 27 for 17 of 27). Use Percentage (0 to 100, e.g. 95.2) only when no counts exist.',
    },
    {
      text: "4. Commentary: what happened, in plain words. It is printed in the committee's KPI schedule as written.",
    },
    {
      text: `5. On the "${SHEETS.details}" sheet, add who prepared the return and any compliments received this month.`,
    },
    {
      text: `6. The return is yours alone: the council's verification, any outcome override and its comments${contract.msrs.length ? " on the Minimum Service Requirements" : ""} go in the council's own review, not here.`,
    },
    { text: "" },
    { text: "Before sending", heading: true },
    {
      text: carriesContract
        ? `Check it with: kpi-report validate <this file>, in any folder: it checks the file against the copy of contract "${contract.id}" this workbook carries (in a hidden sheet), or against the council's contract.json when run in its data folder. The council checks it again against its own. It lists every problem with its sheet and cell. Do not rename sheets or columns, merge cells or add rows.`
        : "Check it with: kpi-report validate <this file>, run in the council's data folder (it checks the file against the contract there; elsewhere, add --data DIR or --contract FILE). It lists every problem with its sheet and cell. Do not rename sheets or columns, merge cells or add rows.",
    },
  ];
}

/** The council review's Instructions sheet. */
export function reviewInstructionLines(contract: Contract, month: Month): InstructionLine[] {
  return [
    { text: `${contract.council}: review of ${contract.supplier}'s KPI return for ${month}`, heading: true },
    {
      text: `Contract "${contract.id}" (${contract.title}). This workbook is the council's: the supplier's return stays as it was sent.`,
    },
    { text: "" },
    { text: "How to fill it in", heading: true },
    {
      text: `1. On the "${REVIEW_SHEETS.kpis}" sheet, the grey columns show what the supplier returned and the outcome its figures alone give. They are locked and not read back.`,
    },
    {
      text: "2. Council verified: Yes or No where the council checked (or could not check) the figures; Verification note: what was or could not be verified. Both are printed with the KPI.",
    },
    {
      text: "3. Figures derived: Yes where the supplier's figures were read from the words of its commentary rather than stated; they are then labelled as derived wherever they are shown. It never changes an outcome.",
    },
    {
      text: "4. Outcome override: replaces the outcome the figures give. It needs a written reason in Override reason; both outcomes and the reason are printed.",
    },
    // A contract without MSRs has nothing to comment on: its sheet stays empty, and is not asked for.
    ...(contract.msrs.length
      ? [
          {
            text: `5. On the "${REVIEW_SHEETS.msrComments}" sheet, write the council's comment on each Minimum Service Requirement for the month: it is printed in Appendix 2.`,
          },
        ]
      : []),
    {
      text: `${contract.msrs.length ? 6 : 5}. On the "${REVIEW_SHEETS.details}" sheet, add who reviewed the return.`,
    },
    { text: "" },
    { text: "Before building", heading: true },
    {
      text: `Check it with: kpi-report validate <this file>. Keep it as reviews/${month}.xlsx in the data folder; kpi-report build reads it from there.`,
    },
  ];
}
