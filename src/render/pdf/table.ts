import { CELL_PADDING, gapOf, type CellLayout, type Placed, type TableLayout } from "../layout/cells.js";
import type { RowPiece } from "../layout/table-flow.js";
import { drawPlaced } from "./blocks.js";
import type { Pager } from "./page-furniture.js";
import { artifact, child, tagged, type StructElement } from "./tags.js";

const RULE = { width: 0.5, colour: "8C8C8C" };

/** A cell's structure element, and the P (or, in a list, LBody) elements of its paragraphs when it has several. */
interface CellTags {
  type: "TH" | "TD";
  element: StructElement;
  paragraphs: Map<number, StructElement>;
  list?: StructElement;
}

/**
 * Table > Caption, TR > TH | TD, drawn where the layout puts each part (layout/page-flow.ts). A
 * split row's pieces stay in the same TR and cell elements, so the structure tree has one row;
 * the repeated header and the markers of a carried-over piece ("KPI 3 (continued)", "(see the
 * page before)" in a cell whose text all went before) are artifacts, so a reader meets each
 * cell once, whole.
 */
export class TableDrawer {
  private element: StructElement | undefined;
  private current: { index: number; tr: StructElement; tags: CellTags[] } | undefined;

  constructor(
    private readonly pager: Pager,
    private readonly parent: StructElement,
  ) {}

  caption(caption: Placed): void {
    const { doc } = this.pager;
    this.element = child(doc, this.parent, "Table");
    const captionElement = child(doc, this.element, "Caption");
    tagged(doc, captionElement, "Caption", () =>
      drawPlaced(this.pager.pen, caption, this.pager.left, this.pager.y),
    );
    captionElement.end();
  }

  header(layout: TableLayout, repeated: boolean): void {
    const { doc } = this.pager;
    const { cells, height } = layout.header;
    if (repeated) return artifact(doc, "Pagination", () => drawRow(this.pager, cells, height, null));
    const headerRow = child(doc, this.table(), "TR");
    drawRow(
      this.pager,
      cells,
      height,
      cells.map(() => cellTags(doc, headerRow, "TH", "Column")),
    );
    headerRow.end();
  }

  row(layout: TableLayout, index: number): void {
    const { doc } = this.pager;
    this.current?.tr.end();
    const tr = child(doc, this.table(), "TR");
    const tags = layout.rows[index]!.cells.map((c) =>
      c.cell.rowHeader ? cellTags(doc, tr, "TH", "Row") : cellTags(doc, tr, "TD"),
    );
    this.current = { index, tr, tags };
  }

  piece(piece: RowPiece): void {
    if (this.current?.index !== piece.row) throw new Error("A row's piece was drawn before its row began.");
    drawRow(this.pager, piece.cells, piece.height, this.current.tags);
  }

  end(): void {
    this.current?.tr.end();
    this.table().end();
  }

  private table(): StructElement {
    if (!this.element) throw new Error("A table's rows were drawn before its caption.");
    return this.element;
  }
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
