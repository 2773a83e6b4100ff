import type { Table } from "../../model/document.js";
import { NOTE_COLOUR, TEXT_COLOUR } from "../../model/palette.js";
import { BOLD, SIZE } from "./fonts.js";
import {
  CELL_PADDING,
  drawPlaced,
  gapOf,
  layoutTable,
  place,
  rowHeight,
  splitParagraphs,
  type CellLayout,
  type Placed,
  type RowLayout,
  type TableLayout,
} from "./layout.js";
import type { Pager } from "./page-furniture.js";
import { artifact, child, tagged, type StructElement } from "./tags.js";

const RULE = { width: 0.5, colour: "8C8C8C" };
const CAPTION_GAP = 4;
/** Space after a table, so the next caption is not read as part of it. */
const TABLE_GAP = 16;

/** A cell's structure element, and the P (or, in a list, LBody) elements of its paragraphs when it has several. */
interface CellTags {
  type: "TH" | "TD";
  element: StructElement;
  paragraphs: Map<number, StructElement>;
  list?: StructElement;
}

/** A table measured and its caption placed, before anything is drawn. */
export interface PlacedTable {
  table: Table;
  layout: TableLayout;
  caption: Placed;
}

export function layoutFor(pager: Pager, table: Table): PlacedTable {
  return {
    table,
    layout: layoutTable(pager.pen, table, pager.left, pager.widthsOf(table)),
    caption: place(
      pager.pen,
      { text: table.caption, role: "strong" },
      { font: BOLD, size: SIZE.caption },
      TEXT_COLOUR,
      pager.contentWidth,
    ),
  };
}

/** What must share a page with the table's start: caption, header row and the first row, or as much of it as a split leaves. */
export function tableLead(pager: Pager, placed: PlacedTable): number {
  const { layout, caption } = placed;
  const first = layout.rows[0];
  return (
    caption.height +
    CAPTION_GAP +
    layout.header.height +
    (first ? Math.min(first.height, splitMinimum(pager)) : 0)
  );
}

/**
 * Table > Caption, TR > TH | TD. A row that runs over the foot of a page is split: each cell goes
 * on where it stopped (whole paragraphs first, then line by line) under the header row, which
 * repeats on every page the table continues on, and the carried-over piece starts with the row's
 * "(continued)" marker. Repeated header and marker are artifacts, so a reader meets each once; a
 * split row's pieces stay in the same TR and cell elements, so the structure tree has one row.
 */
export function drawTable(pager: Pager, parent: StructElement, table: Table, placed?: PlacedTable): void {
  const { doc } = pager;
  const { layout, caption } = placed?.table === table ? placed : layoutFor(pager, table);
  // The caption and header row stay with the first row, as far as a page allows.
  if (tableLead(pager, { table, layout, caption }) > pager.space && !pager.atTop) pager.newPage();

  const element = child(doc, parent, "Table");
  const captionElement = child(doc, element, "Caption");
  tagged(doc, captionElement, "Caption", () => drawPlaced(pager.pen, caption, pager.left, pager.y));
  captionElement.end();
  pager.y += caption.height + CAPTION_GAP;

  const headerRow = child(doc, element, "TR");
  drawRow(
    pager,
    layout.header.cells,
    layout.header.height,
    layout.header.cells.map(() => cellTags(doc, headerRow, "TH", "Column")),
  );
  headerRow.end();

  for (const row of layout.rows) {
    const tr = child(doc, element, "TR");
    const tags = row.cells.map((c) =>
      c.cell.rowHeader ? cellTags(doc, tr, "TH", "Row") : cellTags(doc, tr, "TD"),
    );
    drawFlowingRow(pager, layout, row, tags);
    tr.end();
  }
  element.end();
  pager.y += TABLE_GAP;
}

/**
 * A row is split only where at least this many lines of its text fit above the foot of the page:
 * a sliver of a row reads worse than a gap, so a row with less room than that moves down whole.
 */
const MIN_SPLIT_LINES = 3;

function splitMinimum(pager: Pager): number {
  return MIN_SPLIT_LINES * pager.pen.lineHeight({ font: BOLD, size: SIZE.cell }) + 2 * CELL_PADDING.y;
}

/** Draws a row whole where it fits, else as much of it as fits, then the rest on the next page. */
function drawFlowingRow(pager: Pager, layout: TableLayout, row: RowLayout, tags: CellTags[]): void {
  let cells = row.cells;
  // Just below a repeated header, where nothing better can come of moving on: the row must start here.
  let fresh = false;
  for (;;) {
    const height = rowHeight(cells);
    if (height <= pager.space) return drawRow(pager, cells, height, tags);
    if (fresh || pager.space >= splitMinimum(pager)) {
      const space = pager.space - 2 * CELL_PADDING.y;
      const parts = cells.map((c) => splitParagraphs(pager.pen, c.paragraphs, space, fresh));
      if (parts.some(([head]) => head.some((p) => !p.artifact))) {
        drawRow(
          pager,
          cells.map((c, i) => ({ ...c, paragraphs: parts[i]![0] })),
          pager.space,
          tags,
        );
        cells = cells.map((c, i) => ({ ...c, paragraphs: parts[i]![1] }));
        if (row.continued) cells[0] = withMarker(pager, cells[0]!, row.continued);
      }
    }
    continueTable(pager, layout);
    fresh = true;
  }
}

/** The carried-over piece's first cell starts with the row's marker ("KPI 3 (continued)"), drawn as page furniture. */
function withMarker(pager: Pager, first: CellLayout, text: string): CellLayout {
  const marker = place(
    pager.pen,
    { text, role: "note" },
    { font: BOLD, size: SIZE.cellNote },
    NOTE_COLOUR,
    first.width - 2 * CELL_PADDING.x,
    -1,
  );
  return {
    ...first,
    paragraphs: [{ ...marker, artifact: true }, ...first.paragraphs.filter((p) => !p.artifact)],
  };
}

function continueTable(pager: Pager, layout: TableLayout): void {
  pager.newPage();
  artifact(pager.doc, "Pagination", () => drawRow(pager, layout.header.cells, layout.header.height, null));
}

function cellTags(
  doc: PDFKit.PDFDocument,
  tr: StructElement,
  type: "TH" | "TD",
  scope?: "Row" | "Column",
): CellTags {
  return { type, element: child(doc, tr, type, scope ? { scope } : {}), paragraphs: new Map() };
}

/** Shading and rules are layout artifacts; each cell's text is tagged, unless the whole row is an artifact (`tags` null). */
function drawRow(pager: Pager, cells: readonly CellLayout[], height: number, tags: CellTags[] | null): void {
  const { doc } = pager;
  const top = pager.y;
  const frames = () => {
    const boxes = cells.map((c) => ({ x: c.x, y: top, width: c.width, height, colour: c.fill ?? "" }));
    pager.pen.boxes(
      boxes.filter((b) => b.colour),
      boxes,
      RULE,
    );
  };
  if (tags) artifact(doc, "Layout", frames);
  else frames();
  cells.forEach((c, i) => {
    let y = top + CELL_PADDING.y;
    const cellTag = tags?.[i];
    c.paragraphs.forEach((p, n) => {
      if (n > 0) y += gapOf(p);
      const draw = () => drawPlaced(pager.pen, p, c.x + CELL_PADDING.x, y);
      if (!cellTag) draw();
      else if (p.artifact) artifact(doc, "Pagination", draw);
      else if (c.cell.list) tagged(doc, listItemElement(doc, cellTag, p.index), "LBody", draw);
      else if (c.cell.paragraphs.length === 1) tagged(doc, cellTag.element, cellTag.type, draw);
      else tagged(doc, paragraphElement(doc, cellTag, p.index), "P", draw);
      y += p.height;
    });
  });
  pager.y = top + height;
}

/** A list cell's items: L > LI > LBody, one item per paragraph (no label is drawn, so there is no Lbl). */
function listItemElement(doc: PDFKit.PDFDocument, tags: CellTags, index: number): StructElement {
  let body = tags.paragraphs.get(index);
  if (!body) {
    tags.list ??= child(doc, tags.element, "L");
    body = child(doc, child(doc, tags.list, "LI"), "LBody");
    tags.paragraphs.set(index, body);
  }
  return body;
}

function paragraphElement(doc: PDFKit.PDFDocument, tags: CellTags, index: number): StructElement {
  let element = tags.paragraphs.get(index);
  if (!element) {
    element = child(doc, tags.element, "P");
    tags.paragraphs.set(index, element);
  }
  return element;
}
