import { plural, stopLine } from "./lines.js";

/** The words of the commands that file or write one workbook: add, review, template and contract. */
export const ADD_WORDS = {
  isReview: (file: string) => `${file} is a council review, not a supplier's return.`,
  saveReviewAs: (path: string) => `Save it as ${path}; add files returns only.`,
  notFiled: (file: string) => stopLine(`${file} was not filed: fix the errors above first.`),
  unchanged: (target: string) => `${target} already holds this file (the same bytes): nothing changed.`,
  filed: (file: string, target: string, supplier: string, month: string, kept: string | undefined) =>
    `Filed ${file} as ${target}: ${supplier}'s return for ${month}.${kept ? ` The return it replaced is kept as ${kept}.` : ""}`,
  reviewFromReplaced: (review: string, month: string) =>
    `the council's review ${review} was made from the return it replaced: check it against this one (kpi-report review --month ${month} --force writes a fresh one).`,
  nextReview: (month: string, dataFlag: string) =>
    `Next: kpi-report review --month ${month}${dataFlag} writes the council's review to fill.`,
  alreadyHeld: (target: string, month: string) =>
    `${target} already holds a return for ${month}; nothing changed.`,
  replaceHint: (file: string, replaced: string) =>
    `Add --replace to file ${file} instead: the return there now is then kept in ${replaced}.`,
  /** What the lock is for, in "Another kpi-report run has held … (the return for 2022-09)". */
  lockPurpose: (month: string) => `the return for ${month}`,
} as const;

export const REVIEW_WORDS = {
  alreadyThere: (out: string, month: string) =>
    `${out} already exists: the council's review of ${month} may already be filled in there.`,
  alreadyThereHint:
    "Nothing was written. Add --force to replace it (what it holds is lost), or --out FILE to write another.",
  broken: (count: number, month: string) =>
    stopLine(
      `${plural(count, "the return")} above must be fixed before ${month} can be reviewed; nothing was written.`,
    ),
  wrote: (out: string, month: string, kpis: number, msrs: number, summary: string) =>
    `Wrote ${out}: the council's review of ${month}, ${kpis} KPIs${msrs ? ` and ${msrs} MSRs` : ""} to fill. The figures alone give: ${summary}.`,
} as const;

export const TEMPLATE_COMMAND_WORDS = {
  alreadyThere: (out: string) => `${out} already exists; a return may already be filled in there.`,
  alreadyThereHint: "Choose another --out, or add --force to replace it.",
  outsideTerm: (month: string, term: string) =>
    `${month} is outside the contract's term (${term}): a return for it would be refused; nothing was written.`,
  outsideTermHint: "Check --month; the term is the contract's `term` in contract.json.",
  wrote: (out: string, month: string, supplier: string, kpis: number) =>
    `Wrote ${out}: the ${month} return for ${supplier} to fill in, ${kpis} KPIs.`,
} as const;

export const CONTRACT_WORDS = {
  workbookHint:
    "Fix the cells named in the contract workbook and run kpi-report contract again; nothing was written.",
  alreadyThere: (out: string) => `${out} already exists; nothing was changed.`,
  alreadyThereHint: "Add --force to replace it (the workbook then is the contract), or give another --out.",
  cannotUse: (file: string, problems: readonly string[]) =>
    `The contract workbook ${file} cannot be used:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
  /** Where a finding of the contract workbook is, for checkContract's messages. */
  place: (file: string) => `workbook ${file}`,
  wrote: (out: string, kpis: number, msrs: number, file: string, schemaFile: string) =>
    `Wrote ${out}: ${kpis} KPI${kpis === 1 ? "" : "s"}${msrs ? ` and ${msrs} MSR${msrs === 1 ? "" : "s"}` : ""} from ${file}, with ${schemaFile} beside it for your editor.`,
} as const;
