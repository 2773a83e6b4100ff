import type { Cell, Paragraph, Table } from "../../model/document.js";
import { PAGE } from "../../model/page.js";
import { HEADER_FILL, HEADER_TEXT, NOTE_COLOUR, OUTCOME_FILL, TEXT_COLOUR } from "../../model/palette.js";
import { BOLD, SIZE, cellStyle, type TextStyle } from "./fonts.js";

export const CELL_PADDING = { x: 3, y: 3 };
export const PARAGRAPH_GAP = 2;

/** A paragraph measured at the width it will be drawn at, so drawing never re-decides the layout. */
export interface Placed {
  text: string;
  style: TextStyle;
  colour: string;
  height: number;
  /** Which of its cell's paragraphs this is (or is a piece of, once a tall row is split). */
  index: number;
}

export interface CellLayout {
  cell: Cell;
  x: number;
  width: number;
  fill: string | undefined;
  paragraphs: Placed[];
}

export interface RowLayout {
  cells: CellLayout[];
  height: number;
}

export interface TableLayout {
  header: RowLayout;
  rows: RowLayout[];
}

export function measure(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number): number {
  return doc.font(style.font).fontSize(style.size).heightOfString(text, { width });
}

/** Draws a paragraph exactly as `measure` measured it; an infinite height keeps pdfkit from breaking pages itself. */
export function drawPlaced(doc: PDFKit.PDFDocument, p: Placed, x: number, y: number, width: number): void {
  doc.font(p.style.font).fontSize(p.style.size).fillColor(`#${p.colour}`).text(p.text, x, y, { width, height: Infinity });
}

export function place(doc: PDFKit.PDFDocument, paragraph: Paragraph, style: TextStyle, colour: string, width: number, index = 0): Placed {
  return { text: paragraph.text, style, colour, height: measure(doc, paragraph.text, style, width), index };
}

export function contentHeight(paragraphs: readonly Placed[]): number {
  if (paragraphs.length === 0) return 0;
  return paragraphs.reduce((sum, p) => sum + p.height, 0) + PARAGRAPH_GAP * (paragraphs.length - 1);
}

export function rowHeight(cells: readonly CellLayout[]): number {
  return Math.max(0, ...cells.map((c) => contentHeight(c.paragraphs))) + 2 * CELL_PADDING.y;
}

/** Column labels are short: one that would break inside a word at 8.5 pt drops to 8 pt (never smaller). */
function headerStyle(doc: PDFKit.PDFDocument, text: string, width: number): TextStyle {
  doc.font(BOLD).fontSize(SIZE.cell);
  const fits = text.split(/\s+/).every((word) => doc.widthOfString(word) <= width);
  return { font: BOLD, size: fits ? SIZE.cell : SIZE.cellNote };
}

/**
 * Every row measured once, before anything is drawn: the tallest cell sets the row's height,
 * which is what decides page breaks. Linear in the number of cells.
 */
export function layoutTable(doc: PDFKit.PDFDocument, table: Table, left: number, contentWidth: number): TableLayout {
  // Widths are points on the model's page: kept as they are there (so a short last part of the
  // schedule lines up with the full ones above it), scaled only for a different page, and never
  // wider than the content box.
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const scale = Math.min(contentWidth / PAGE.contentWidth, contentWidth / total);
  const xs: number[] = [];
  let x = left;
  for (const column of table.columns) {
    xs.push(x);
    x += column.width * scale;
  }
  const widthOf = (i: number) => table.columns[i]!.width * scale;
  const textWidth = (i: number) => widthOf(i) - 2 * CELL_PADDING.x;

  const headerCells = table.columns.map((column, i): CellLayout => {
    const paragraph: Paragraph = { text: column.header, role: "strong" };
    const style = headerStyle(doc, column.header, textWidth(i));
    const cell: Cell = { paragraphs: [paragraph], coloured: false, rowHeader: false };
    return { cell, x: xs[i]!, width: widthOf(i), fill: HEADER_FILL, paragraphs: [place(doc, paragraph, style, HEADER_TEXT, textWidth(i))] };
  });

  const rows = table.rows.map((row): RowLayout => {
    const cells = row.cells.map((cell, i): CellLayout => ({
      cell,
      x: xs[i]!,
      width: widthOf(i),
      fill: cell.coloured && cell.outcome ? OUTCOME_FILL[cell.outcome] : undefined,
      paragraphs: cell.paragraphs.map((p, n) => place(doc, p, cellStyle(p.role), p.role === "note" ? NOTE_COLOUR : TEXT_COLOUR, textWidth(i), n)),
    }));
    return { cells, height: rowHeight(cells) };
  });
  return { header: { cells: headerCells, height: rowHeight(headerCells) }, rows };
}

/**
 * Splits paragraphs so the first part fits `space` points: whole paragraphs while they fit, then
 * the longest run of words of the next one (binary search on the measured height). Used only for
 * a row taller than a page and a block paragraph taller than what is left of one, so rare.
 * With `force`, at least one word goes first, so a fresh page always makes progress.
 */
export function splitParagraphs(doc: PDFKit.PDFDocument, paragraphs: readonly Placed[], space: number, width: number, force: boolean): [Placed[], Placed[]] {
  const head: Placed[] = [];
  let used = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const gap = head.length ? PARAGRAPH_GAP : 0;
    if (used + gap + p.height <= space) {
      head.push(p);
      used += gap + p.height;
      continue;
    }
    const words = p.text.split(/(?<=\s)/);
    let [low, high] = [0, words.length - 1];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (used + gap + measure(doc, words.slice(0, mid).join(""), p.style, width) <= space) low = mid;
      else high = mid - 1;
    }
    if (low === 0 && force && head.length === 0) low = 1;
    const rest = paragraphs.slice(i + 1);
    if (low === 0) return [head, [p, ...rest]];
    const first = words.slice(0, low).join("").trimEnd();
    const second = words.slice(low).join("");
    head.push({ ...p, text: first, height: measure(doc, first, p.style, width) });
    const tail = second.trim() ? [{ ...p, text: second, height: measure(doc, second, p.style, width) }] : [];
    return [head, [...tail, ...rest]];
  }
  return [head, []];
}
