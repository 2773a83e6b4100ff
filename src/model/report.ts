import { shadingSentence } from "./kpi-cells.js";
import { comparedWith } from "../words/direction.js";
import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { monthLabel } from "../words/index.js";
import { para, type Block, type ReportDocument, type Section } from "./document.js";
import { MONTHS_PER_PART, scheduleBlocks } from "./appendix-1.js";
import { msrBlocks } from "./appendix-2.js";
import { glanceBlocks, glanceHeading } from "./glance.js";
import { identityLine } from "../words/identity.js";
import { reviewLine } from "../words/review.js";
import { renderSummary, summaryContext } from "./summary.js";
import { reportLabels } from "../words/labels.js";

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
  const label = monthLabel(month);
  const { contract } = input;
  // A contract without MSRs has no Appendix 2 at all, rather than an empty one.
  const withMsrs = contract.msrs.length > 0;
  const labels = reportLabels(contract);
  const appendix1 = `Appendix 1: ${labels.appendix1}, ${label}`;
  // Unreviewed figures say so, in words, at the head of each appendix: never passed off as reviewed.
  const reviewBlock = {
    type: "paragraph" as const,
    paragraph: para(reviewLine(results.review, month), results.review.filled ? "note" : "strong"),
  };
  const appendix2 = `Appendix 2: ${labels.appendix2}, ${label}`;
  const identity = { type: "paragraph" as const, paragraph: para(identityLine(contract, month)) };
  const glance: Section = {
    footer: glanceHeading(month),
    orientation: "landscape",
    blocks: opening(glanceBlocks(contract, results), [
      identity,
      ...(results.review.filled ? [] : [reviewBlock]),
    ]),
  };
  const appendix2Section: Section = {
    footer: appendix2,
    orientation: "landscape",
    blocks: [
      { type: "heading", level: 1, text: appendix2 },
      identity,
      reviewBlock,
      {
        type: "paragraph",
        paragraph: para(
          `${labels.msrHeading}, cross-referenced to the KPIs that evidence them, for ${label}.`,
        ),
      },
      ...msrBlocks(contract, results),
    ],
  };
  return {
    title: `${contract.supplier} performance against KPIs${withMsrs ? ` and ${labels.appendix2}` : ""}, ${label}`,
    subject: `${contract.title}: ${labels.appendix1}${withMsrs ? ` and ${labels.appendix2}` : ""} for ${label}`,
    author: contract.council,
    language: LANGUAGE,
    date: input.date,
    startPage: input.startPage,
    labels: { page: "Page", skipToContent: "Skip to the appendices" },
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
              [
                `Each month shows the outcome in words, the actual figures behind it, then the supplier's commentary and any council note.`,
                shadingSentence(label, results.summary.green !== undefined),
                `Each ${label} cell ends with the KPI's direction of travel against ${likePeriodWords(results)}: ▲ better, = same, ▼ worse or – not comparable, with the reason.`,
                ...(input.months.length > MONTHS_PER_PART
                  ? [
                      `The schedule starts with ${label} and the months just before it; each part after it goes further back.`,
                    ]
                  : []),
              ].join(" "),
              "note",
            ),
          },
          ...scheduleBlocks({ contract, months: input.months, results: input.results }),
        ],
      },
      ...(withMsrs ? [appendix2Section] : []),
    ],
  };
}

/** What opens a section, right under its heading: who and what, what the section is, and unreviewed figures saying so. */
function opening(blocks: Block[], lines: Block[]): Block[] {
  return [blocks[0]!, ...lines, ...blocks.slice(1)];
}

/** What the direction of travel is against: the month before, or each KPI's like period before. */
function likePeriodWords(results: MonthResults): string {
  const month = comparedWith(results);
  return month !== undefined
    ? monthLabel(month)
    : "the like period before (the month before for a monthly KPI, the quarter before for a quarterly one, the same month a year before for an annual KPI or a year to date)";
}
