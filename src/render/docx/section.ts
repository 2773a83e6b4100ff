import {
  Footer,
  ImageRun,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from "docx";
import type { Block, Table as ModelTable, Section } from "../../model/document.js";
import type { ColumnWidths } from "../layout/columns.js";
import type { OutcomeChart } from "../../model/outcome-chart.js";
import { CHART, TABLE_GAP } from "../layout/page-flow.js";
import type { BlockFlow, SectionFlow } from "./flow.js";
import { PAGE } from "../../model/page.js";
import { bodyParagraph, caption, heading } from "./paragraphs.js";
import { FOOTER_STYLE } from "./styles.js";
import { tableXml } from "./table.js";
import type { TableSlots } from "./table-slots.js";
import { twips } from "./units.js";

const PIXELS_PER_POINT = 96 / 72;
/** Points of the bottom margin the DOCX's pages may use beyond the PDF's: the footer sits below, at half the margin. */
const BOTTOM_TOLERANCE = 4;

/**
 * One model section as one Word section: its own page size and orientation, a footer with the
 * section's title and the page number, and a break that starts it on a new page. Only the first
 * section sets the starting page number; the others continue from it.
 */
/** Each chart of the document as its PNG, drawn before the sections are (resvg is asynchronous). */
export type Pictures = ReadonlyMap<OutcomeChart, Uint8Array>;

export function drawSection(
  section: Section,
  startPage: number | undefined,
  tables: TableSlots,
  pageLabel: string,
  widths: ColumnWidths,
  flow: SectionFlow,
  pictures: Pictures = new Map(),
): ISectionOptions {
  const landscape = section.orientation === "landscape";
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        // docx swaps width and height itself when the orientation is landscape, so it is given the
        // portrait dimensions; the result is w:w 16838, w:h 11906, w:orient "landscape" for A4.
        size: {
          width: twips(Math.min(PAGE.width, PAGE.height)),
          height: twips(Math.max(PAGE.width, PAGE.height)),
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: twips(PAGE.margin),
          // A little lower than the PDF's: every page break is the layout's (flow.ts), and the
          // room only keeps a page whose sums Word or LibreOffice round up from spilling over.
          bottom: twips(PAGE.margin - BOTTOM_TOLERANCE),
          left: twips(PAGE.margin),
          right: twips(PAGE.margin),
          header: twips(PAGE.margin / 2),
          footer: twips(PAGE.margin / 2),
        },
        ...(startPage === undefined ? {} : { pageNumbers: { start: startPage } }),
      },
    },
    footers: { default: footer(section.footer, landscape, pageLabel) },
    children: section.blocks.flatMap((block, i) => {
      const placed = flow.get(block);
      if (!placed) throw new Error("A block was not laid out with its section.");
      const previous = section.blocks[i - 1];
      // The PDF's space after a table, as space before what follows it (none where that starts a page).
      const afterTable = previous?.type === "table" || previous?.type === "figure";
      return drawBlock(block, placed, afterTable, tables, widths, pictures);
    }),
  };
}

function footer(text: string, landscape: boolean, pageLabel: string): Footer {
  const contentWidth =
    (landscape ? Math.max(PAGE.width, PAGE.height) : Math.min(PAGE.width, PAGE.height)) - 2 * PAGE.margin;
  return new Footer({
    children: [
      new Paragraph({
        style: FOOTER_STYLE,
        // The page number sits at the right margin, the section's title at the left.
        tabStops: [{ type: TabStopType.RIGHT, position: twips(contentWidth) }],
        children: [new TextRun({ text }), new TextRun({ children: [`\t${pageLabel} `, PageNumber.CURRENT] })],
      }),
    ],
  });
}

function drawBlock(
  block: Block,
  flow: BlockFlow,
  afterTable: boolean,
  tables: TableSlots,
  widths: ColumnWidths,
  pictures: Pictures,
): FileChild[] {
  const before = { pageBreakBefore: flow.breakBefore, afterTable };
  const table = (t: ModelTable) => {
    const points = widths.get(t);
    if (!points || !flow.layout)
      throw new Error(`The table "${t.caption}" was not laid out with its document.`);
    return tables.add(tableXml(t, points, flow.layout, flow.pieces));
  };
  switch (block.type) {
    case "heading":
      return [heading(block.level, block.text, before)];
    case "paragraph":
      return [bodyParagraph(block.paragraph, before)];
    case "table":
      return [caption(block.table.caption, before), table(block.table)];
    case "figure":
      return [
        picture(block.chart, pictures, flow, afterTable),
        caption(block.table.caption, { pageBreakBefore: flow.captionBreak, afterTable: false }),
        table(block.table),
      ];
  }
}

/**
 * The chart as an inline picture whose alt text (wp:docPr descr) is the model's description: what
 * it shows and every figure behind it; its title is the chart's. The id is fixed, so the bytes do
 * not depend on how many pictures docx made before in the process (one document holds one chart).
 */
function picture(chart: OutcomeChart, pictures: Pictures, flow: BlockFlow, afterTable: boolean): Paragraph {
  const data = pictures.get(chart);
  if (!data || !flow.chart) throw new Error(`The chart "${chart.title}" was not drawn before its section.`);
  return new Paragraph({
    keepNext: true,
    pageBreakBefore: flow.breakBefore,
    // At the PDF's size: docx takes pixels, at 96 to the inch.
    spacing: { before: flow.breakBefore || !afterTable ? 0 : twips(TABLE_GAP), after: twips(CHART.gap) },
    children: [
      new ImageRun({
        type: "png",
        data,
        transformation: {
          width: flow.chart.width * PIXELS_PER_POINT,
          height: flow.chart.height * PIXELS_PER_POINT,
        },
        altText: { id: "1", name: "Outcome chart", title: chart.title, description: chart.description },
      }),
    ],
  });
}
