import type { Finding, Severity } from "./finding.js";
import { showHiddenControls } from "../text/hidden-controls.js";

type Group = "structure" | "values" | "council" | "contract" | "limits";

interface Entry {
  severity: Severity;
  /** What the finding means, in a line. */
  title: string;
  group: Group;
  /** What the person holding the file should do about it. */
  fix: string;
}

/**
 * Every finding the tool can report. Codes are stable: scripts match on them.
 * docs/findings.md is generated from this table (npm run docs:findings) and a test fails when they drift.
 */
export const CATALOGUE = {
  // Structure
  "workbook-wrong-kind": {
    severity: "error",
    title:
      "The workbook is of the other kind: a review where a return belongs, or a return (or an older combined workbook) where a review belongs",
    group: "structure",
    fix: "Move the file where the message says it belongs: returns/ holds the supplier's returns, reviews/ the council's reviews.",
  },
  "sheet-missing": {
    severity: "error",
    title: "A required sheet is missing",
    group: "structure",
    fix: "Add the sheet, or rename the sheet that holds it; the message lists the sheets the file has.",
  },
  "sheet-unexpected": {
    severity: "warning",
    title: "A sheet the return format does not have",
    group: "structure",
    fix: "Nothing, if the sheet is yours: it is not read. Delete it if it should not be sent.",
  },
  "column-missing": {
    severity: "error",
    title: "A required column is missing",
    group: "structure",
    fix: "Put the column back with its header in the header row; copy it from a fresh template (kpi-report template).",
  },
  "column-renamed": {
    severity: "error",
    title: "A column's header was changed, so it cannot be read",
    group: "structure",
    fix: "Change the header back to the one the message suggests.",
  },
  "column-duplicated": {
    severity: "error",
    title: "A column appears twice",
    group: "structure",
    fix: "Delete one of the two columns, keeping the one with the figures.",
  },
  "column-unexpected": {
    severity: "warning",
    title: "A column the return format does not have",
    group: "structure",
    fix: "Nothing, if the column is yours: it is not read. If it holds figures, move them to the right column.",
  },
  "column-unlabelled": {
    severity: "warning",
    title: "Data in a column with no header",
    group: "structure",
    fix: "Move the data to the column it belongs in; a column with no header is not read.",
  },
  "field-missing": {
    severity: "error",
    title: "A required field of the Return sheet is empty or absent",
    group: "structure",
    fix: "Fill in the field in column B beside its label in column A.",
  },
  "kpi-missing": {
    severity: "error",
    title: "A KPI of the contract has no row",
    group: "structure",
    fix: "Add a row for the KPI, with its number in the KPI column.",
  },
  "kpi-duplicated": {
    severity: "error",
    title: "A KPI has more than one row",
    group: "structure",
    fix: "Keep one row per KPI: merge the figures into one row and delete the other.",
  },
  "kpi-unknown": {
    severity: "error",
    title: "A row names a KPI the contract does not have",
    group: "structure",
    fix: "Correct the KPI number, or delete the row.",
  },
  "kpi-number-invalid": {
    severity: "error",
    title: "The KPI cell does not hold a KPI number",
    group: "structure",
    fix: "Type the KPI's number alone (e.g. 7), or delete the row if it is not a KPI.",
  },
  "row-blank": {
    severity: "warning",
    title: "A blank row between KPI rows",
    group: "structure",
    fix: "Delete the blank row; check that no figures were lost.",
  },
  "month-invalid": {
    severity: "error",
    title: "The month is not a month (YYYY-MM)",
    group: "structure",
    fix: "Type the month as YYYY-MM, e.g. 2022-09.",
  },
  "workbook-macros": {
    severity: "warning",
    title: "The workbook holds macros (a VBA project)",
    group: "structure",
    fix: "Send the return as a plain Excel Workbook (.xlsx) from a fresh template; do not enable macros when opening this one.",
  },
  "workbook-external-link": {
    severity: "warning",
    title: "The workbook links to other workbooks",
    group: "structure",
    fix: "Paste the linked values as values (Data > Edit Links > Break Link) and save again; do not update links when opening this one.",
  },
  "month-implausible": {
    severity: "error",
    title: "The month is before 1990 or more than a year from now",
    group: "structure",
    fix: "Type the month the return is for as YYYY-MM (2022-09); a date in 1900 is usually a 0 or a small number in a cell formatted as a date.",
  },
  "month-outside-term": {
    severity: "error",
    title: "The month is outside the contract's term",
    group: "structure",
    fix: "Check the return is for this contract and the month is right; the term is the contract's `term` (first and last month) in contract.json.",
  },
  "month-mismatch": {
    severity: "error",
    title: "The return is for another month",
    group: "structure",
    fix: "Check this is the right month's return; correct the month in the Return sheet or the file name.",
  },
  "contract-mismatch": {
    severity: "error",
    title: "The return is for another contract",
    group: "structure",
    fix: "Check this is the right contract's return; the Contract field must be the contract's identifier.",
  },
  // Values
  "status-unknown": {
    severity: "error",
    title: "The status is not one of the list",
    group: "values",
    fix: "Choose the status from the cell's list: measured, not captured, not applicable, no service running or not due.",
  },
  "status-missing": {
    severity: "error",
    title: "A KPI row has no status",
    group: "values",
    fix: "Choose the status from the cell's list.",
  },
  "figures-unexpected": {
    severity: "error",
    title: "Figures given where the status says there are none",
    group: "values",
    fix: 'Remove the figures, or set the status to "measured".',
  },
  "figures-missing": {
    severity: "error",
    title: "Status is measured but no figures are given",
    group: "values",
    fix: "Give Achieved and Out of (or Count, or Percentage), or choose another status.",
  },
  "achieved-exceeds-total": {
    severity: "error",
    title: "Achieved is greater than Out of",
    group: "values",
    fix: "Correct the figures: Achieved counts the cases that met the standard, out of the Out of cases.",
  },
  "achieved-without-total": {
    severity: "error",
    title: "Achieved or Out of given without the other",
    group: "values",
    fix: "Give both Achieved and Out of, or neither.",
  },
  "total-zero": {
    severity: "warning",
    title: "Out of is zero: no activity this month",
    group: "values",
    fix: 'Nothing, if there was no activity; otherwise give the number of cases. "not applicable" may be the better status.',
  },
  "number-negative": {
    severity: "error",
    title: "A count or percentage is negative",
    group: "values",
    fix: "Type the figure without a minus sign, or correct it.",
  },
  "number-fractional": {
    severity: "error",
    title: "A count is not a whole number",
    group: "values",
    fix: "Counts are whole numbers: type the count itself, not an average or a percentage.",
  },
  "number-invalid": {
    severity: "error",
    title: "Text where a number belongs",
    group: "values",
    fix: "Type the number alone, without commas, units or words; the message suggests one where it can.",
  },
  "percentage-out-of-range": {
    severity: "error",
    title: "A percentage outside 0 to 100",
    group: "values",
    fix: "Type the percentage as a number from 0 to 100 (95.2) or as a percentage (95.2%).",
  },
  "percentage-contradicts": {
    severity: "error",
    title: "The percentage contradicts Achieved and Out of",
    group: "values",
    fix: "Correct the figures, or leave Percentage empty: it is worked out from Achieved and Out of.",
  },
  "formula-no-result": {
    severity: "error",
    title: "A formula with no saved result",
    group: "values",
    fix: "Open the file in Excel or LibreOffice and save it, so the result is stored; or type the value.",
  },
  "cell-error": {
    severity: "error",
    title: "A cell holds a spreadsheet error such as #DIV/0!",
    group: "values",
    fix: "Fix the formula that gives the error, or type the value.",
  },
  "merged-cells": {
    severity: "error",
    title: "Merged cells over data that is read",
    group: "values",
    fix: "Unmerge the cells (Home > Merge & Center > Unmerge Cells) and fill each one.",
  },
  "hidden-data": {
    severity: "warning",
    title: "Data in a hidden sheet, row or column",
    group: "values",
    fix: "Unhide it and check it: hidden data is read like any other.",
  },
  "number-too-large": {
    severity: "error",
    title: "A count larger than any count can be",
    group: "values",
    fix: "Type the count itself; a count above a million million is a slip (a pasted reference or an exponent).",
  },
  "text-too-long": {
    severity: "error",
    title: "Text longer than its field's limit (at most a spreadsheet cell's 32,767 characters)",
    group: "values",
    fix: "Shorten the text to the limit the message gives; anything longer belongs in a document of its own.",
  },
  "commentary-too-long": {
    severity: "error",
    title: "Commentary longer than the limit",
    group: "values",
    fix: "Shorten the text to the limit; it must fit a cell of the printed schedule.",
  },
  "msr-unknown": {
    severity: "error",
    title: "A comment for an MSR the contract does not have",
    group: "values",
    fix: "Correct the MSR number, or delete the row.",
  },
  "msr-duplicated": {
    severity: "error",
    title: "An MSR has more than one comment row",
    group: "values",
    fix: "Keep one row per MSR, with the whole comment in it.",
  },
  "verified-invalid": {
    severity: "error",
    title: "Council verified is not Yes or No",
    group: "values",
    fix: "Choose Yes or No from the cell's list, or leave it empty.",
  },
  "override-invalid": {
    severity: "error",
    title: "The outcome override is not an outcome",
    group: "values",
    fix: "Choose an outcome from the cell's list, or leave it empty.",
  },
  "override-without-reason": {
    severity: "error",
    title: "An outcome override without a written reason",
    group: "values",
    fix: "Write the reason in Override reason: it is printed wherever the outcome is.",
  },
  "reason-without-override": {
    severity: "warning",
    title: "An override reason with no override",
    group: "values",
    fix: "Choose the outcome override, or delete the reason.",
  },
  "percentage-ambiguous": {
    severity: "warning",
    title: "A Percentage between 0 and 1 with no percentage format: a fraction, or under 1%?",
    group: "values",
    fix: "It is read as typed (0.995 is 0.995%). If you meant 99.5%, type 99.5, or 99.5% so the cell is formatted as a percentage.",
  },
  "figure-needed": {
    severity: "warning",
    title: "A measured KPI lacks a figure its target needs, so it cannot be judged",
    group: "values",
    fix: "Fill the cell the message names; without it the KPI is reported as not captured.",
  },
  "character-replaced": {
    severity: "warning",
    title: "Text holds a character no document can hold (a control character, half an emoji)",
    group: "values",
    fix: "Retype the text without it (a vertical tab often comes from text pasted from Word); it is read as a space.",
  },
  "character-hidden": {
    severity: "warning",
    title:
      "Text holds a character that is not seen but changes how it displays (a direction control, a zero-width character)",
    group: "values",
    fix: "Retype the text without it (they come with text pasted from web pages and chat messages); it is taken out, so the documents show what the text holds.",
  },
  // The council's fields: only its review may hold them
  "council-field-in-return": {
    severity: "error",
    title: "A return holds something only the council may say",
    group: "council",
    fix: "Delete it from the return: verification, overrides and MSR comments are the council's, written in its review (kpi-report review). Send the return from a fresh template (kpi-report template).",
  },
  "council-column-in-return": {
    severity: "warning",
    title: "An older return layout with the council's columns, left empty",
    group: "council",
    fix: "Nothing, if they are empty: they are not read. Use a fresh template (kpi-report template) next month.",
  },
  "review-not-filled": {
    severity: "warning",
    title: "The review does not say who reviewed it or when, so the month is not reviewed",
    group: "council",
    fix: "Fill in Reviewed by and Reviewed on in the Review sheet; until both are filled, every output says the figures are not yet verified by the council.",
  },
  "date-invalid": {
    severity: "error",
    title: "A date that cannot be read as a day",
    group: "values",
    fix: "Type the date as YYYY-MM-DD (2022-10-14) or DD/MM/YYYY (14/10/2022), or enter it as a date in the spreadsheet.",
  },
  "review-return-changed": {
    severity: "warning",
    title: "The review was made from another version of the return",
    group: "council",
    fix: "Check the review against the return as it is now; make a fresh review (kpi-report review --force) if the supplier's figures changed.",
  },
  // The contract file
  "contract-kpi-unlinked": {
    severity: "warning",
    title: "A KPI of the contract that no MSR links",
    group: "contract",
    fix: "Check the contract file: link the KPI to its MSR, if it has one.",
  },
  // Limits on what is scanned
  "limit-rows": {
    severity: "error",
    title: "Data below the last row that is read",
    group: "limits",
    fix: "Delete the data below the return; a return has one row per KPI.",
  },
  "limit-columns": {
    severity: "error",
    title: "Data right of the last column that is read",
    group: "limits",
    fix: "Delete the data right of the return's columns.",
  },
  "limit-findings": {
    severity: "warning",
    title: "Too many findings: the rest are not listed",
    group: "limits",
    fix: "Fix the findings listed, or raise --max-errors to see them all.",
  },
} as const satisfies Record<string, Entry>;

export type FindingCode = keyof typeof CATALOGUE;

export interface FindingDetails {
  sheet?: string;
  cell?: string;
  file?: string;
  found?: string;
  expected?: string;
}

/** The only way findings are made, so every code comes from the catalogue with its severity. */
export function finding(code: FindingCode, message: string, details: FindingDetails = {}): Finding {
  const entry = CATALOGUE[code];
  // A message may quote what a cell or a sheet's name holds: a direction control quoted raw would
  // make the message itself display other than it reads, so each is shown as its code point.
  const result: Finding = { code, severity: entry.severity, message: showHiddenControls(message) };
  if (details.file !== undefined) result.file = showHiddenControls(details.file);
  if (details.sheet !== undefined) result.sheet = showHiddenControls(details.sheet);
  if (details.cell !== undefined) result.cell = details.cell;
  if (details.found !== undefined) result.found = showHiddenControls(details.found);
  if (details.expected !== undefined) result.expected = details.expected;
  return result;
}
