import type { Table } from "../../model/document.js";
import { TEXT_COLOUR } from "../../model/palette.js";
import {
  CELL_PADDING,
  gapOf,
  layoutTable,
  place,
  type CellLayout,
  type Placed,
  type TableLayout,
} from "../layout/cells.js";
import { CAPTION_GAP, flowRows, tableLead as leadOf } from "../layout/table-flow.js";
import { BOLD, SIZE } from "./fonts.js";
import { drawPlaced } from "./blocks.js";
import type { Pager } from "./page-furniture.js";
import { artifact, child, tagged, type StructElement } from "./tags.js";

const RULE = { width: 0.5, colour: "8C8C8C" };
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
  return leadOf(pager.pen, placed.layout, placed.caption.height);
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

  // Where the rows go is the layout's (layout/table-flow.ts); the PDF draws its pieces.
  const pieces = flowRows(pager.pen, layout, { y: pager.y, top: pager.top, bottom: pager.bottom });
  let next = 0;
  layout.rows.forEach((row, index) => {
    const tr = child(doc, element, "TR");
    const tags = row.cells.map((c) =>
      c.cell.rowHeader ? cellTags(doc, tr, "TH", "Row") : cellTags(doc, tr, "TD"),
    );
    for (; next < pieces.length && pieces[next]!.row === index; next++) {
      const piece = pieces[next]!;
      for (let n = 0; n < piece.breaks; n++) continueTable(pager, layout);
      drawRow(pager, piece.cells, piece.height, tags);
    }
    tr.end();
  });
  element.end();
  pager.y += TABLE_GAP;
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
