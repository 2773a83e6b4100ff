import type { Placed } from "../layout/cells.js";
import type { Pager } from "./page-furniture.js";
import type { Pen } from "./pen.js";
import { child, tagged, type StructElement } from "./tags.js";

/** A placed paragraph's lines, from their top at y: where the layout put them. */
export function drawPlaced(pen: Pen, p: Placed, x: number, y: number): void {
  pen.draw(p.lines, p.style, p.colour, x, y);
}

/** A heading where the layout put it, and its bookmark on that page: an H1 at the outline's top level, an H2 under the H1 before it. */
export function drawHeading(
  pager: Pager,
  parent: StructElement,
  level: 1 | 2,
  text: string,
  heading: Placed,
): void {
  const { doc } = pager;
  const type = `H${level}`;
  pager.bookmark(level, text);
  const element = child(doc, parent, type);
  tagged(doc, element, type, () => drawPlaced(pager.pen, heading, pager.left, pager.y));
  element.end();
}

/** A paragraph's lines on one page, in its one P element however many pages it runs over. */
export function drawParagraphPiece(pager: Pager, element: StructElement, p: Placed): void {
  tagged(pager.doc, element, "P", () => drawPlaced(pager.pen, p, pager.left, pager.y));
}
