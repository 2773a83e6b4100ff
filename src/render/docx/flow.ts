import type { Block, ReportDocument, Section } from "../../model/document.js";
import type { ColumnWidths } from "../layout/columns.js";
import type { TableLayout } from "../layout/cells.js";
import { flowSection, type Cursor } from "../layout/page-flow.js";
import type { RowPiece } from "../layout/table-flow.js";
import { metricTypesetter } from "../layout/typesetter.js";
import { PAGE } from "../../model/page.js";

/**
 * Where the layout (layout/page-flow.ts, the PDF's) breaks each section's pages, kept for the
 * DOCX to say in its own terms: a page break before a heading, paragraph, chart or caption that
 * starts a page, and a table's rows in the layout's pieces, each piece that starts a page so
 * marked. Word and LibreOffice then start every page where the PDF does, whatever their own
 * sums of heights make of the page before.
 */
export interface BlockFlow {
  /** The block (for a figure, its chart) starts a page the section's own start does not. */
  breakBefore: boolean;
  /** The table's caption starts a page (a figure's table may start one its chart does not). */
  captionBreak: boolean;
  /** The table's rows as laid out, and the pieces the flow put them in. */
  layout?: TableLayout;
  pieces: RowPiece[];
  /** The chart's size in points, as the PDF draws it. */
  chart?: { width: number; height: number };
}

export type SectionFlow = Map<Block, BlockFlow>;

export function documentFlow(document: ReportDocument, widths: ColumnWidths): Map<Section, SectionFlow> {
  const flows = new Map<Section, SectionFlow>();
  for (const section of document.sections) flows.set(section, sectionFlow(section, widths));
  return flows;
}

function sectionFlow(section: Section, widths: ColumnWidths): SectionFlow {
  const landscape = section.orientation === "landscape";
  const [width, height] = landscape
    ? [Math.max(PAGE.width, PAGE.height), Math.min(PAGE.width, PAGE.height)]
    : [Math.min(PAGE.width, PAGE.height), Math.max(PAGE.width, PAGE.height)];
  let broke = false;
  const cursor: Cursor = {
    y: PAGE.margin,
    top: PAGE.margin,
    bottom: height - PAGE.margin,
    left: PAGE.margin,
    contentWidth: width - 2 * PAGE.margin,
    newPage() {
      this.y = this.top;
      broke = true;
    },
  };
  const taken = () => {
    const was = broke;
    broke = false;
    return was;
  };
  const flows: SectionFlow = new Map();
  const blockOf = new Map<unknown, Block>();
  for (const block of section.blocks) {
    flows.set(block, { breakBefore: false, captionBreak: false, pieces: [] });
    if (block.type === "table" || block.type === "figure") blockOf.set(block.table, block);
    if (block.type === "figure") blockOf.set(block.chart, block);
  }
  const flowOf = (key: unknown) => flows.get(blockOf.get(key)!)!;
  let index = 0;
  const next = (type: Block["type"]) => {
    while (section.blocks[index] && section.blocks[index]!.type !== type) index++;
    return flows.get(section.blocks[index++]!)!;
  };
  flowSection(
    metricTypesetter(),
    section,
    (table) => {
      const found = widths.get(table);
      if (!found) throw new Error(`The table "${table.caption}" was not laid out with its document.`);
      return found;
    },
    cursor,
    {
      heading: () => {
        next("heading").breakBefore = taken();
      },
      paragraph: (_, __, first) => {
        // A paragraph the PDF runs over a page runs over one in Word too: only its start is pinned.
        if (first) next("paragraph").breakBefore = taken();
      },
      figure: (chart, w, h) => {
        const flow = flowOf(chart);
        flow.breakBefore = taken();
        flow.chart = { width: w, height: h };
      },
      caption: (table, layout) => {
        const flow = flowOf(table);
        const broken = taken();
        if (flow.chart) flow.captionBreak = broken;
        else flow.breakBefore = flow.captionBreak = broken;
        flow.layout = layout;
      },
      header: () => undefined,
      row: () => undefined,
      piece: (table, _, piece) => {
        taken();
        flowOf(table).pieces.push(piece);
      },
      tableEnd: () => undefined,
    },
  );
  return flows;
}
