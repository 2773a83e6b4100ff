import { likePeriodWords } from "../words/direction.js";
import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { para, type Block, type ReportDocument, type Section } from "./document.js";
import { MONTHS_PER_PART, scheduleBlocks } from "./appendix-1.js";
import { msrBlocks } from "./appendix-2.js";
import { glanceBlocks } from "./glance.js";
import { glanceHeading } from "../words/glance.js";
import { identityLine } from "../words/identity.js";
import { reviewLine } from "../words/review.js";
import { renderSummary, summaryContext } from "./summary.js";
import { reportLabels } from "../words/labels.js";
import { appendix1Heading, scheduleKey } from "../words/appendix-1.js";
import { appendix2Heading, appendix2Intro } from "../words/appendix-2.js";
import { REPORT_LABELS, reportSubject, reportTitle } from "../words/report.js";

export interface ReportInput {
  contract: Contract;
  /** The months Appendix 1 shows, oldest first; the last is the reporting month. */
  months: readonly Month[];
  /** Results for the months that have a return; a month without one shows "No return". */
  results: ReadonlyMap<Month, MonthResults>;
  summaryTemplate: string;
  /** ISO date for the document's metadata: from the data or SOURCE_DATE_EPOCH. */
  date: string;
  startPage: number;
  /** Whether the summary at a glance comes first; false for a pack whose covering report has it already. */
  glance?: boolean;
}

export const LANGUAGE = "en-GB";

/**
 * The month at a glance, then both appendices, as one document: one file to insert in the agenda
 * pack, one run of page numbers. The glance comes first because it is what a committee reads
 * first, unless it is left out (`glance: false`). Each section opens by naming the council, the
 * supplier, the contract and the month, so the first page does, whichever section it is.
 */
export function buildReport(input: ReportInput): ReportDocument {
  const month = input.months[input.months.length - 1]!;
  const results = input.results.get(month)!;
  const { contract } = input;
  // A contract without MSRs has no Appendix 2 at all, rather than an empty one.
  const withMsrs = contract.msrs.length > 0;
  const labels = reportLabels(contract);
  const appendix1 = appendix1Heading(labels, month);
  // Unreviewed figures say so, in words, at the head of each appendix: never passed off as reviewed.
  const reviewBlock = {
    type: "paragraph" as const,
    paragraph: para(reviewLine(results.review, month), results.review.filled ? "note" : "strong"),
  };
  const appendix2 = appendix2Heading(labels, month);
  const identity = { type: "paragraph" as const, paragraph: para(identityLine(contract, month)) };
  const glance: Section = {
    footer: glanceHeading(month),
    orientation: "landscape",
    blocks: opening(glanceBlocks(contract, results), [
      identity,
      ...(results.review.filled ? [] : [reviewBlock]),
    ]),
  };
  // Built only for a contract with MSRs: its heading names the first and last.
  const appendix2Section = (): Section => ({
    footer: appendix2,
    orientation: "landscape",
    blocks: [
      { type: "heading", level: 1, text: appendix2 },
      identity,
      reviewBlock,
      {
        type: "paragraph",
        paragraph: para(appendix2Intro(labels, month)),
      },
      ...msrBlocks(contract, results),
    ],
  });
  return {
    title: reportTitle(contract, labels, month, withMsrs),
    subject: reportSubject(contract, labels, month, withMsrs),
    author: contract.council,
    language: LANGUAGE,
    date: input.date,
    startPage: input.startPage,
    labels: REPORT_LABELS,
    sections: [
      ...(input.glance === false ? [] : [glance]),
      {
        footer: appendix1,
        orientation: "landscape",
        blocks: [
          { type: "heading", level: 1, text: appendix1 },
          identity,
          reviewBlock,
          {
            type: "paragraph",
            paragraph: para(renderSummary(input.summaryTemplate, summaryContext(contract, results))),
          },
          {
            type: "paragraph",
            paragraph: para(
              scheduleKey(
                month,
                results.summary.green !== undefined,
                likePeriodWords(results),
                input.months.length > MONTHS_PER_PART,
                results.summary.notDue > 0,
              ),
              "note",
            ),
          },
          ...scheduleBlocks({ contract, months: input.months, results: input.results }),
        ],
      },
      ...(withMsrs ? [appendix2Section()] : []),
    ],
  };
}

/** What opens a section, right under its heading: who and what, what the section is, and unreviewed figures saying so. */
function opening(blocks: Block[], lines: Block[]): Block[] {
  return [blocks[0]!, ...lines, ...blocks.slice(1)];
}
