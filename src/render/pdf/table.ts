import type { Table } from "../../model/document.js";
import { TEXT_COLOUR } from "../../model/palette.js";
import { BOLD, SIZE } from "./fonts.js";
import { CELL_PADDING, PARAGRAPH_GAP, drawPlaced, layoutTable, place, rowHeight, splitParagraphs, type CellLayout, type Placed, type RowLayout, type TableLayout } from "./layout.js";
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
    layout: layoutTable(pager.pen, table, pager.left, pager.contentWidth),
    caption: place(pager.pen, { text: table.caption, role: "strong" }, { font: BOLD, size: SIZE.caption }, TEXT_COLOUR, pager.contentWidth),
  };
}

/** What must share a page with the table's start: caption, header row and first row (as far as a page allows). */
export function tableLead(pager: Pager, placed: PlacedTable): number {
  const { layout, caption } = placed;
  return caption.height + CAPTION_GAP + layout.header.height + Math.min(layout.rows[0]?.height ?? 0, bodySpace(pager, layout));
}

/**
 * Table > Caption, TR > TH | TD. Rows are measured first and never split across pages; the
 * header row repeats on every page the table continues on, as an artifact, so it is read once.
 */
export function drawTable(pager: Pager, parent: StructElement, table: Table, placed?: PlacedTable): void {
  const { doc } = pager;
  const { layout, caption } = placed?.table === table ? placed : layoutFor(pager, table);
  const body = bodySpace(pager, layout);
  // The caption and header row stay with the first row, as far as a page allows.
  if (tableLead(pager, { table, layout, caption }) > pager.space && !pager.atTop) pager.newPage();

  const element = child(doc, parent, "Table");
  const captionElement = child(doc, element, "Caption");
  tagged(doc, captionElement, "Caption", () => drawPlaced(pager.pen, caption, pager.left, pager.y));
  captionElement.end();
  pager.y += caption.height + CAPTION_GAP;

  const headerRow = child(doc, element, "TR");
  drawRow(pager, layout.header.cells, layout.header.height, layout.header.cells.map(() => cellTags(doc, headerRow, "TH", "Column")));
  headerRow.end();

  let rowsOnPage = 0;
  for (const row of layout.rows) {
    const tr = child(doc, element, "TR");
    const tags = row.cells.map((c) => (c.cell.rowHeader ? cellTags(doc, tr, "TH", "Row") : cellTags(doc, tr, "TD")));
    if (row.height > body) {
      if (rowsOnPage > 0) continueTable(pager, layout);
      drawTallRow(pager, layout, row, tags);
      rowsOnPage = 1;
    } else {
      if (row.height > pager.space) {
        continueTable(pager, layout);
        rowsOnPage = 0;
      }
      drawRow(pager, row.cells, row.height, tags);
      rowsOnPage++;
    }
    tr.end();
  }
  element.end();
  pager.y += TABLE_GAP;
}

/** The room a row has on a page that holds only the repeated header. */
function bodySpace(pager: Pager, layout: TableLayout): number {
  return pager.bottom - pager.top - layout.header.height;
}

function continueTable(pager: Pager, layout: TableLayout): void {
  pager.newPage();
  artifact(pager.doc, "Pagination", () => drawRow(pager, layout.header.cells, layout.header.height, null));
}

/**
 * Only a row taller than a whole page comes here (say, pages of commentary in one month). It
 * starts below a header, fills the page, and each cell goes on where it stopped on the next page
 * (whole paragraphs first, then word by word) under the repeated header. Its pieces stay in the
 * same TR and cell elements, so the structure tree still has one row.
 */
function drawTallRow(pager: Pager, layout: TableLayout, row: RowLayout, tags: CellTags[]): void {
  let cells = row.cells;
  for (;;) {
    const height = rowHeight(cells);
    if (height <= pager.space) return drawRow(pager, cells, height, tags);
    const space = pager.space - 2 * CELL_PADDING.y;
    const parts = cells.map((c) => splitParagraphs(pager.pen, c.paragraphs, space, true));
    drawRow(pager, cells.map((c, i) => ({ ...c, paragraphs: parts[i]![0] })), pager.space, tags);
    cells = cells.map((c, i) => ({ ...c, paragraphs: parts[i]![1] }));
    continueTable(pager, layout);
  }
}

function cellTags(doc: PDFKit.PDFDocument, tr: StructElement, type: "TH" | "TD", scope?: "Row" | "Column"): CellTags {
  return { type, element: child(doc, tr, type, scope ? { scope } : {}), paragraphs: new Map() };
}

/** Shading and rules are layout artifacts; each cell's text is tagged, unless the whole row is an artifact (`tags` null). */
function drawRow(pager: Pager, cells: readonly CellLayout[], height: number, tags: CellTags[] | null): void {
  const { doc } = pager;
  const top = pager.y;
  const frames = () => {
    const boxes = cells.map((c) => ({ x: c.x, y: top, width: c.width, height, colour: c.fill ?? "" }));
    pager.pen.boxes(boxes.filter((b) => b.colour), boxes, RULE);
  };
  if (tags) artifact(doc, "Layout", frames);
  else frames();
  cells.forEach((c, i) => {
    let y = top + CELL_PADDING.y;
    const cellTag = tags?.[i];
    for (const p of c.paragraphs) {
      const draw = () => drawPlaced(pager.pen, p, c.x + CELL_PADDING.x, y);
      if (!cellTag) draw();
      else if (c.cell.list) tagged(doc, listItemElement(doc, cellTag, p.index), "LBody", draw);
      else if (c.cell.paragraphs.length === 1) tagged(doc, cellTag.element, cellTag.type, draw);
      else tagged(doc, paragraphElement(doc, cellTag, p.index), "P", draw);
      y += p.height + PARAGRAPH_GAP;
    }
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
