import type { Cell, Paragraph, Table as ModelTable } from "../../model/document.js";
import { cellFill, emphasisOf } from "../../model/emphasis.js";
import { BOLD } from "../layout/type.js";
import { HEADER_FILL } from "../../model/palette.js";
import {
  TABLE_CONTINUED_CELL_STYLE,
  TABLE_CONTINUED_STYLE,
  TABLE_HEADING_SMALL_STYLE,
  TABLE_HEADING_STYLE,
  TABLE_NOTE_STYLE,
  TABLE_STRONG_STYLE,
  TABLE_TEXT_STYLE,
} from "./styles.js";
import { columnTwips } from "./units.js";
import type { Placed, TableLayout } from "../layout/cells.js";
import type { RowPiece } from "../layout/table-flow.js";
import { SIZE } from "./styles.js";
import { escapeXml, paragraphXml } from "./xml-text.js";
import { BULLET_NUM_ID } from "./pack.js";

/**
 * Tables are written as WordprocessingML text, not built from docx's Table, TableRow, TableCell,
 * Paragraph and TextRun objects: a 270-KPI schedule has about 37,000 cells, and docx's object tree
 * and its formatter took seconds and most of a gigabyte to say what these few lines say. The
 * table takes the place of a placeholder in docx's document.xml (see table-slots.ts).
 */

const RULE = 'w:val="single" w:color="7F7F7F" w:sz="4"';
const BORDERS = ["top", "left", "bottom", "right", "insideH", "insideV"]
  .map((side) => `<w:${side} ${RULE}/>`)
  .join("");
/**
 * Cell padding in twips: 3 pt at the sides and 2.5 pt at the top, as the PDF's cells
 * (layout/columns.ts), so text does not touch the rules. None at the bottom: the Table Text
 * style's 2 pt after the last paragraph (CELL_GAP) and the 0.5 pt rule, which LibreOffice counts
 * in the row's height (the PDF draws its rules over the cells' edges), make the PDF's 2.5 pt.
 */
const PADDING = { top: 50, bottom: 0, left: 60, right: 60 } as const;
const CELL_MARGINS = (["top", "left", "bottom", "right"] as const)
  .map((side) => `<w:${side} w:type="dxa" w:w="${PADDING[side]}"/>`)
  .join("");

/**
 * A model table as a fixed-layout Word table: the grid and every cell carry the document's widths
 * (layout/columns.ts, the same the PDF draws) in twips, so Word and LibreOffice lay it out alike
 * instead of autofitting to the text. Its caption is its w:tblCaption and the model's description
 * of what it holds its w:tblDescription (Word's alt text for tables); w:tblLook says the first
 * row is the header row.
 *
 * The body rows are the layout's pieces (layout/table-flow.ts), each a row Word may not split: a
 * row the PDF splits over a page is two rows here, the second starting with the PDF's
 * "(continued)" marker and its other cells, where their text all went before, saying "(see the
 * page before)" (Word has no way to mark a row as the rest of the one before for a screen
 * reader, so the piece says it in words), and a piece that starts a page in the PDF starts one here (page break
 * before its first paragraph, which Word and LibreOffice apply to the row), under the header row
 * repeated.
 */
export function tableXml(
  table: ModelTable,
  points: readonly number[],
  layout: TableLayout,
  pieces: readonly RowPiece[],
): string {
  const widths = columnTwips(points);
  const caption = escapeXml(table.caption);
  const total = widths.reduce((sum, w) => sum + w, 0);
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>`,
    `<w:tblCellMar>${CELL_MARGINS}</w:tblCellMar>${tblLook(table)}<w:tblCaption w:val="${caption}"/><w:tblDescription w:val="${escapeXml(table.description)}"/></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
    // The header row repeats at the top of every page the table runs onto.
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`,
    ...table.columns.map((column, i) => {
      // The layout sets a label at 8 pt where 8.5 pt would break inside a word.
      const size = layout.header.cells[i]?.paragraphs[0]?.style.size;
      const style = size === SIZE.tableStrong ? TABLE_HEADING_STYLE : TABLE_HEADING_SMALL_STYLE;
      return cellXml(widths[i]!, HEADER_FILL, paragraphXml(style, column.header));
    }),
    "</w:tr>",
  ];
  for (const piece of pieces) {
    const row = table.rows[piece.row]!;
    parts.push("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    piece.cells.forEach((cell, i) =>
      parts.push(bodyCellXml(row.cells[i]!, cell.paragraphs, widths[i]!, i === 0 && piece.breaks > 0)),
    );
    parts.push("</w:tr>");
  }
  parts.push("</w:tbl>");
  return parts.join("");
}

/** The header row on; the first column too where it holds the row headers (Appendix 2's MSR numbers); no banding. */
function tblLook(table: ModelTable): string {
  const firstColumn = table.rows.length > 0 && table.rows.every((r) => r.cells[0]?.rowHeader);
  const val = (0x0020 | (firstColumn ? 0x0080 : 0) | 0x0200 | 0x0400)
    .toString(16)
    .padStart(4, "0")
    .toUpperCase();
  return `<w:tblLook w:val="${val}" w:firstRow="1" w:lastRow="0" w:firstColumn="${firstColumn ? 1 : 0}" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`;
}

function bodyCellXml(cell: Cell, placed: readonly Placed[], width: number, pageBreak: boolean): string {
  const fill = cellFill(cell);
  const xml = placed.map((p, n) => {
    const last = n === placed.length - 1;
    // No space after a list item but the last: the layout sets a list's items as lines of one list.
    const spacing = cell.list && !last ? NO_SPACE_AFTER : "";
    const breakBefore = pageBreak && n === 0 ? PAGE_BREAK_BEFORE : "";
    // In the schema's order: w:pageBreakBefore, w:numPr, w:spacing, w:ind.
    const properties = breakBefore + (cell.list ? LIST_NUMBER + spacing + LIST_INDENT : spacing);
    if (p.artifact) {
      const style = p.artifact === "row" ? TABLE_CONTINUED_STYLE : TABLE_CONTINUED_CELL_STYLE;
      return paragraphXml(style, p.lines.join("").trimEnd(), "", breakBefore);
    }
    const paragraph = cell.paragraphs[p.index]!;
    const whole = p.lines.join("");
    // A paragraph split over a page is as many words here as the layout put on each page.
    const text = whole === paragraph.text ? paragraph.text : whole.trimEnd();
    return cellParagraphXml({ ...paragraph, text }, p, properties);
  });
  // Every piece's cell has a paragraph: one whose text all went on the page before says so (layout/table-flow.ts).
  if (xml.length === 0) throw new Error("A table cell was laid out with nothing in it.");
  return cellXml(width, fill, xml.join(""));
}

const PAGE_BREAK_BEFORE = "<w:pageBreakBefore/>";
const NO_SPACE_AFTER = '<w:spacing w:after="0"/>';

function cellXml(width: number, fill: string | undefined, paragraphs: string): string {
  const shading = fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : "";
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${shading}</w:tcPr>${paragraphs}</w:tc>`;
}

/**
 * How a paragraph looks, by its style: the face the layout set it in (bold or not) and its
 * colour; the words are the model's.
 */
function cellParagraphXml(paragraph: Paragraph, placed: Placed, item: string): string {
  const bold = placed.style.font === BOLD;
  if (emphasisOf(paragraph.role) === "quiet")
    return paragraphXml(TABLE_NOTE_STYLE, paragraph.text, bold ? "<w:b/><w:bCs/>" : "", item);
  return paragraphXml(bold ? TABLE_STRONG_STYLE : TABLE_TEXT_STYLE, paragraph.text, "", item);
}

/**
 * A list item: docx's own bullet list (numId 1, which pack.ts checks is there), indented less
 * than its default half inch, which would take a seventh of the linked-KPI column.
 */
const LIST_NUMBER = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${BULLET_NUM_ID}"/></w:numPr>`;
const LIST_INDENT = '<w:ind w:left="180" w:hanging="140"/>';
