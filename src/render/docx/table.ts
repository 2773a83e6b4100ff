import type { Cell, Paragraph, Table as ModelTable } from "../../model/document.js";
import { cellFill, emphasisOf, isStrong } from "../../model/emphasis.js";
import { HEADER_FILL } from "../../model/palette.js";
import { TABLE_HEADING_STYLE, TABLE_NOTE_STYLE, TABLE_STRONG_STYLE, TABLE_TEXT_STYLE } from "./styles.js";
import { columnTwips } from "./units.js";
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
 * Cell padding in twips: 3 pt at the sides and 2.5 pt at the top, as the PDF's cells, so text
 * does not touch the rules. None at the bottom: the Table Text style's space after the last
 * paragraph (CELL_GAP) is the bottom padding.
 */
const PADDING = { top: 50, bottom: 0, left: 60, right: 60 } as const;
const CELL_MARGINS = (["top", "left", "bottom", "right"] as const)
  .map((side) => `<w:${side} w:type="dxa" w:w="${PADDING[side]}"/>`)
  .join("");

/**
 * A model table as a fixed-layout Word table: the grid and every cell carry the document's widths
 * (layout/columns.ts, the same the PDF draws) in twips, so Word and LibreOffice lay it out alike instead of autofitting to the text. Its
 * caption is its w:tblCaption and the model's description of what it holds its w:tblDescription
 * (Word's alt text for tables); w:tblLook says the first row is the header row.
 */
export function tableXml(table: ModelTable, points: readonly number[]): string {
  const widths = columnTwips(points);
  const caption = escapeXml(table.caption);
  const total = widths.reduce((sum, w) => sum + w, 0);
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>`,
    `<w:tblCellMar>${CELL_MARGINS}</w:tblCellMar>${tblLook(table)}<w:tblCaption w:val="${caption}"/><w:tblDescription w:val="${escapeXml(table.description)}"/></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
    // The header row repeats at the top of every page the table runs onto.
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`,
    ...table.columns.map((column, i) =>
      cellXml(widths[i]!, HEADER_FILL, paragraphXml(TABLE_HEADING_STYLE, column.header)),
    ),
    "</w:tr>",
  ];
  for (const row of table.rows) {
    // Body rows may split at a page break, as the PDF's do, under the repeated header: kept whole,
    // a tall row leaves the foot of the page before it empty (and LibreOffice draws a row taller
    // than a page past the bottom margin).
    parts.push("<w:tr>");
    row.cells.forEach((cell, i) => parts.push(bodyCellXml(cell, widths[i]!)));
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

function bodyCellXml(cell: Cell, width: number): string {
  const fill = cellFill(cell);
  // A cell must end with a paragraph; the model never leaves one empty, but Word would refuse the file.
  const paragraphs =
    cell.paragraphs.map((p) => cellParagraphXml(p, cell.rowHeader, cell.list)).join("") || "<w:p/>";
  return cellXml(width, fill, paragraphs);
}

function cellXml(width: number, fill: string | undefined, paragraphs: string): string {
  const shading = fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : "";
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${shading}</w:tcPr>${paragraphs}</w:tc>`;
}

/** How a paragraph's role looks, by its style: emphasis and colour only; the words are the model's. */
function cellParagraphXml(paragraph: Paragraph, rowHeader: boolean, list: boolean): string {
  const bold = isStrong(paragraph, rowHeader);
  const item = list ? LIST_ITEM : "";
  if (emphasisOf(paragraph.role) === "quiet")
    return paragraphXml(TABLE_NOTE_STYLE, paragraph.text, bold ? "<w:b/><w:bCs/>" : "", item);
  return paragraphXml(bold ? TABLE_STRONG_STYLE : TABLE_TEXT_STYLE, paragraph.text, "", item);
}

/**
 * A list item: docx's own bullet list (numId 1, which pack.ts checks is there), indented less
 * than its default half inch, which would take a seventh of the linked-KPI column.
 */
const LIST_ITEM = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${BULLET_NUM_ID}"/></w:numPr><w:ind w:left="180" w:hanging="140"/>`;
