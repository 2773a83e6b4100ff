import type { Paragraph } from "../../model/document.js";
import { TEXT_COLOUR } from "../../model/palette.js";
import { BOLD, SIZE, blockStyle, textColour } from "./fonts.js";
import { contentHeight, place, splitParagraphs, type Placed } from "../layout/cells.js";
import type { Pager } from "./page-furniture.js";
import type { Pen } from "./pen.js";
import { child, tagged, type StructElement } from "./tags.js";

/** A placed paragraph's lines, from their top at y: where the layout put them. */
export function drawPlaced(pen: Pen, p: Placed, x: number, y: number): void {
  pen.draw(p.lines, p.style, p.colour, x, y);
}

const HEADING_GAP = 8;
const PARAGRAPH_GAP = 8;
/** A heading is never left alone at the foot of a page: it needs this much room below it. */
const KEEP_WITH_NEXT = 60;

/**
 * A heading, and its bookmark on the page it lands on: an H1 at the outline's top level, an H2
 * under the H1 before it. `keep` is what must follow it on the same page (the start of a table).
 */
export function drawHeading(
  pager: Pager,
  parent: StructElement,
  level: 1 | 2,
  text: string,
  keep = KEEP_WITH_NEXT,
): void {
  const { doc } = pager;
  const type = `H${level}`;
  const heading = place(
    pager.pen,
    { text, role: "strong" },
    { font: BOLD, size: level === 1 ? SIZE.heading1 : SIZE.heading2 },
    TEXT_COLOUR,
    pager.contentWidth,
  );
  if (heading.height + HEADING_GAP + keep > pager.space && !pager.atTop) pager.newPage();
  pager.bookmark(level, text);
  const element = child(doc, parent, type);
  tagged(doc, element, type, () => drawPlaced(pager.pen, heading, pager.left, pager.y));
  element.end();
  pager.y += heading.height + HEADING_GAP;
}

/** A paragraph too long for what is left of the page goes on over the page, in the same P element. */
export function drawParagraph(pager: Pager, parent: StructElement, paragraph: Paragraph): void {
  const { doc } = pager;
  const width = pager.contentWidth;
  const element = child(doc, parent, "P");
  let rest: Placed[] = [
    place(pager.pen, paragraph, blockStyle(paragraph.role), textColour(paragraph.role), width),
  ];
  while (rest.length) {
    const [head, tail] =
      contentHeight(rest) <= pager.space
        ? [rest, []]
        : splitParagraphs(pager.pen, rest, pager.space, pager.atTop);
    for (const p of head) {
      tagged(doc, element, "P", () => drawPlaced(pager.pen, p, pager.left, pager.y));
      pager.y += p.height;
    }
    if (tail.length) pager.newPage();
    rest = tail;
  }
  element.end();
  pager.y += PARAGRAPH_GAP;
}
