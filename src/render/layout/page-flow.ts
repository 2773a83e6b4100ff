import type { Block, Paragraph, Section, Table } from "../../model/document.js";
import type { OutcomeChart } from "../../model/outcome-chart.js";
import { HEADING_COLOUR } from "../../model/palette.js";
import {
  contentHeight,
  layoutTable,
  place,
  splitParagraphs,
  type Placed,
  type TableLayout,
  type Typesetter,
} from "./cells.js";
import { CAPTION_GAP, flowRows, tableLead, type RowPiece } from "./table-flow.js";
import { BOLD, SIZE, blockStyle, textColour } from "./type.js";

/**
 * Where every block of a section goes, page by page: the one layout both editions follow. The
 * PDF draws each step as it is decided (pdf/index.ts); the DOCX records where pages break and
 * says so in its own terms (docx/flow.ts): a page break before a heading or a caption, a table's
 * rows in the pieces the layout split them into, each piece that starts a page marked so.
 */

/** Where the flow is on its page, in points from the page's top: the PDF's Pager, or the DOCX's record. */
export interface Cursor {
  y: number;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly contentWidth: number;
  newPage(): void;
}

/** What an edition does at each step, at the cursor's y; the flow moves the cursor on afterwards. */
export interface Painter {
  heading(level: 1 | 2, text: string, placed: Placed): void;
  /** A paragraph's lines on this page: `first` for its first piece, `last` for its last. */
  paragraph(paragraph: Paragraph, placed: Placed, first: boolean, last: boolean): void;
  figure(chart: OutcomeChart, width: number, height: number): void;
  caption(table: Table, layout: TableLayout, caption: Placed): void;
  /** The header row: once below the caption, then again (`repeated`) at the top of each page the table goes on to. */
  header(table: Table, layout: TableLayout, repeated: boolean): void;
  /** A body row begins: before any page break its first piece needs. */
  row(table: Table, layout: TableLayout, index: number): void;
  piece(table: Table, layout: TableLayout, piece: RowPiece): void;
  tableEnd(table: Table): void;
}

export const HEADING_GAP = 8;
/** Space after a body paragraph. */
export const BLOCK_GAP = 8;
/** A heading is never left alone at the foot of a page: it needs this much room below it. */
const KEEP_WITH_NEXT = 60;
/** Space after a table, so the next caption is not read as part of it. */
export const TABLE_GAP = 16;

/** The chart's size in points: 640 by 240, so the chart, its table of figures and the end of the table before them share a page. */
export const CHART = { width: 640, height: 240, minHeight: 170, gap: 10 } as const;

const space = (cursor: Cursor) => cursor.bottom - cursor.y;
const atTop = (cursor: Cursor) => cursor.y === cursor.top;

/** A table measured and its caption placed, before anything is drawn. */
export interface PlacedTable {
  table: Table;
  layout: TableLayout;
  caption: Placed;
}

export function placeTable(
  type: Typesetter,
  cursor: Cursor,
  table: Table,
  widths: readonly number[],
): PlacedTable {
  return {
    table,
    layout: layoutTable(type, table, cursor.left, widths),
    caption: place(
      type,
      { text: table.caption, role: "strong" },
      { font: BOLD, size: SIZE.caption },
      HEADING_COLOUR,
      cursor.contentWidth,
    ),
  };
}

/** One section's blocks, from the top of its first page. */
export function flowSection(
  type: Typesetter,
  section: Section,
  widthsOf: (table: Table) => readonly number[],
  cursor: Cursor,
  painter: Painter,
): void {
  const placeFor = (table: Table) => placeTable(type, cursor, table, widthsOf(table));
  let kept: PlacedTable | undefined;
  section.blocks.forEach((block, i) => {
    const next: Block | undefined = section.blocks[i + 1];
    if (block.type === "heading") {
      // A heading stays with the start of the table it introduces (its caption, header and first
      // row), or with the chart at its flattest.
      kept = next?.type === "table" ? placeFor(next.table) : undefined;
      const keep = kept
        ? tableLead(type, kept.layout, kept.caption.height)
        : next?.type === "figure"
          ? CHART.minHeight + Math.min(figuresHeight(placeFor(next.table)), CHART.gap)
          : KEEP_WITH_NEXT;
      flowHeading(type, cursor, painter, block.level, block.text, keep);
      return;
    }
    if (block.type === "paragraph") flowParagraph(type, cursor, painter, block.paragraph);
    else if (block.type === "figure") {
      const placed = placeFor(block.table);
      const width = Math.min(CHART.width, cursor.contentWidth);
      const height = chartHeight(cursor, figuresHeight(placed));
      painter.figure(block.chart, width, height);
      cursor.y += height + CHART.gap;
      flowTable(type, cursor, painter, placed);
    } else flowTable(type, cursor, painter, kept?.table === block.table ? kept : placeFor(block.table));
    kept = undefined;
  });
}

function flowHeading(
  type: Typesetter,
  cursor: Cursor,
  painter: Painter,
  level: 1 | 2,
  text: string,
  keep: number,
): void {
  const placed = place(
    type,
    { text, role: "strong" },
    { font: BOLD, size: level === 1 ? SIZE.heading1 : SIZE.heading2 },
    HEADING_COLOUR,
    cursor.contentWidth,
  );
  if (placed.height + HEADING_GAP + keep > space(cursor) && !atTop(cursor)) cursor.newPage();
  painter.heading(level, text, placed);
  cursor.y += placed.height + HEADING_GAP;
}

/** A paragraph too long for what is left of the page goes on over the page. */
function flowParagraph(type: Typesetter, cursor: Cursor, painter: Painter, paragraph: Paragraph): void {
  let rest: Placed[] = [
    place(type, paragraph, blockStyle(paragraph.role), textColour(paragraph.role), cursor.contentWidth),
  ];
  let first = true;
  while (rest.length) {
    const [head, tail] =
      contentHeight(rest) <= space(cursor)
        ? [rest, []]
        : splitParagraphs(type, rest, space(cursor), atTop(cursor));
    head.forEach((p, n) => {
      painter.paragraph(paragraph, p, first, tail.length === 0 && n === head.length - 1);
      first = false;
      cursor.y += p.height;
    });
    if (tail.length) cursor.newPage();
    rest = tail;
  }
  cursor.y += BLOCK_GAP;
}

/**
 * A table: caption, header and first row together where a page allows, then the rows where
 * layout/table-flow.ts puts them, the header repeated on each page the table goes on to.
 */
function flowTable(type: Typesetter, cursor: Cursor, painter: Painter, placed: PlacedTable): void {
  const { table, layout, caption } = placed;
  if (tableLead(type, layout, caption.height) > space(cursor) && !atTop(cursor)) cursor.newPage();
  painter.caption(table, layout, caption);
  cursor.y += caption.height + CAPTION_GAP;
  painter.header(table, layout, false);
  cursor.y += layout.header.height;
  let row = -1;
  for (const piece of flowRows(type, layout, { y: cursor.y, top: cursor.top, bottom: cursor.bottom })) {
    if (piece.row !== row) painter.row(table, layout, (row = piece.row));
    for (let n = 0; n < piece.breaks; n++) {
      cursor.newPage();
      painter.header(table, layout, true);
      cursor.y += layout.header.height;
    }
    painter.piece(table, layout, piece);
    cursor.y += piece.height;
  }
  painter.tableEnd(table);
  cursor.y += TABLE_GAP;
}

/** The table of figures under the chart, as drawn. */
function figuresHeight({ layout, caption }: PlacedTable): number {
  return (
    CHART.gap +
    caption.height +
    2 * CHART.gap +
    layout.header.height +
    layout.rows.reduce((sum, row) => sum + row.height, 0)
  );
}

/**
 * How tall the chart is drawn, starting a page first if need be. The chart and its figures share
 * the page where they can, the chart a little flatter if that is what it takes; else the chart
 * takes what is left of the page and its figures follow on the next, so no page is left half
 * empty for them.
 */
function chartHeight(cursor: Cursor, figures: number): number {
  const fitting = () =>
    CHART.height + figures <= space(cursor)
      ? CHART.height
      : CHART.minHeight + figures <= space(cursor)
        ? Math.floor(space(cursor) - figures)
        : undefined;
  const here = fitting();
  if (here !== undefined) return here;
  if (CHART.minHeight + CHART.gap <= space(cursor))
    return Math.floor(Math.min(CHART.height, space(cursor) - CHART.gap));
  if (!atTop(cursor)) cursor.newPage();
  return fitting() ?? CHART.height;
}
