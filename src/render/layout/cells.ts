import type { Cell, Paragraph, Table } from "../../model/document.js";
import { cellFill } from "../../model/emphasis.js";
import { HEADER_FILL, HEADER_TEXT } from "../../model/palette.js";
import { CELL_PADDING } from "./columns.js";
import { BOLD, SIZE, cellStyle, textColour, type TextStyle } from "./type.js";

export { CELL_PADDING } from "./columns.js";
export const PARAGRAPH_GAP = 2;

/**
 * What the layout asks of an edition's type: where a paragraph's lines break at a width, and how
 * tall and wide text is. The PDF's Pen answers with the faces it embeds and draws with.
 */
export interface Typesetter {
  lines(text: string, style: TextStyle, width: number): readonly string[];
  lineHeight(style: TextStyle): number;
  width(text: string, style: TextStyle): number;
}

/** A paragraph broken into lines at the width it will be drawn at, so drawing never re-decides the layout. */
export interface Placed {
  lines: readonly string[];
  style: TextStyle;
  colour: string;
  /** The lines' height, exactly what `drawPlaced` fills. */
  height: number;
  /** Which of its cell's paragraphs this is (or is a piece of, once a tall row is split). */
  index: number;
  /** Space above it when it follows another paragraph of its cell: none between a list's items, which read as lines of one list. */
  gap?: number;
  /**
   * Drawn as page furniture, not content: `row`, the "(continued)" marker a split row's
   * carried-over piece starts with (bold); `cell`, the "(see the page before)" of a cell whose
   * text all went before.
   */
  artifact?: "row" | "cell";
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
  /** What the row's carried-over piece starts with, if a page breaks inside it. */
  continued?: string;
}

export interface TableLayout {
  header: RowLayout;
  rows: RowLayout[];
  /** What a cell of a split row's carried-over piece says when all its text went before the break. */
  continuedCell: string;
}

export function place(
  type: Typesetter,
  paragraph: Paragraph,
  style: TextStyle,
  colour: string,
  width: number,
  index = 0,
): Placed {
  const lines = type.lines(paragraph.text, style, width);
  return { lines, style, colour, height: linesHeight(type, style, lines), index };
}

function withLines(type: Typesetter, p: Placed, lines: readonly string[]): Placed {
  return { ...p, lines, height: linesHeight(type, p.style, lines) };
}

/** A paragraph is as tall as its lines: said once, for a whole paragraph and for a piece of a split one. */
function linesHeight(type: Typesetter, style: TextStyle, lines: readonly string[]): number {
  return lines.length * type.lineHeight(style);
}

export function gapOf(p: Placed): number {
  return p.gap ?? PARAGRAPH_GAP;
}

export function contentHeight(paragraphs: readonly Placed[]): number {
  if (paragraphs.length === 0) return 0;
  return paragraphs.reduce((sum, p, i) => sum + p.height + (i > 0 ? gapOf(p) : 0), 0);
}

export function rowHeight(cells: readonly CellLayout[]): number {
  return Math.max(0, ...cells.map((c) => contentHeight(c.paragraphs))) + 2 * CELL_PADDING.y;
}

/** Column labels are short: one that would break inside a word at 8.5 pt drops to 8 pt (never smaller). */
function headerStyle(type: Typesetter, text: string, width: number): TextStyle {
  const fits = text.split(/\s+/).every((word) => type.width(word, { font: BOLD, size: SIZE.cell }) <= width);
  return { font: BOLD, size: fits ? SIZE.cell : SIZE.cellNote };
}

/**
 * Every row measured once, before anything is drawn: the tallest cell sets the row's height,
 * which is what decides page breaks. Linear in the number of cells.
 */
export function layoutTable(
  type: Typesetter,
  table: Table,
  left: number,
  widths: readonly number[],
): TableLayout {
  // The widths are the document's (layout/columns.ts), the same the DOCX draws.
  const xs: number[] = [];
  let x = left;
  for (const width of widths) {
    xs.push(x);
    x += width;
  }
  const widthOf = (i: number) => widths[i]!;
  const textWidth = (i: number) => widthOf(i) - 2 * CELL_PADDING.x;

  const headerCells = table.columns.map((column, i): CellLayout => {
    const paragraph: Paragraph = { text: column.header, role: "strong" };
    const style = headerStyle(type, column.header, textWidth(i));
    const cell: Cell = { paragraphs: [paragraph], coloured: false, rowHeader: false, list: false };
    return {
      cell,
      x: xs[i]!,
      width: widthOf(i),
      fill: HEADER_FILL,
      paragraphs: [place(type, paragraph, style, HEADER_TEXT, textWidth(i))],
    };
  });

  const rows = table.rows.map((row): RowLayout => {
    const cells = row.cells.map(
      (cell, i): CellLayout => ({
        cell,
        x: xs[i]!,
        width: widthOf(i),
        fill: cellFill(cell),
        paragraphs: cell.paragraphs.map((p, n) => {
          const placed = place(type, p, cellStyle(p.role), textColour(p.role), textWidth(i), n);
          return cell.list ? { ...placed, gap: 0 } : placed;
        }),
      }),
    );
    return { cells, height: rowHeight(cells), ...(row.continued ? { continued: row.continued } : {}) };
  });
  return {
    header: { cells: headerCells, height: rowHeight(headerCells) },
    rows,
    continuedCell: table.continuedCell,
  };
}

/**
 * Splits paragraphs so the first part fits `space` points: whole paragraphs while they fit, then
 * as many lines of the next one as fit. Used for a row that runs over the foot of a page and a
 * block paragraph taller than what is left of one. With `force`, at least one line goes first,
 * so a fresh page always makes progress.
 */
export function splitParagraphs(
  type: Typesetter,
  paragraphs: readonly Placed[],
  space: number,
  force: boolean,
): [Placed[], Placed[]] {
  const head: Placed[] = [];
  let used = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const gap = head.length ? gapOf(p) : 0;
    if (used + gap + p.height <= space) {
      head.push(p);
      used += gap + p.height;
      continue;
    }
    let fit = Math.max(0, Math.floor((space - used - gap) / type.lineHeight(p.style)));
    while (fit > 0 && used + gap + fit * type.lineHeight(p.style) > space) fit--;
    if (fit === 0 && force && head.length === 0) fit = 1;
    const rest = paragraphs.slice(i + 1);
    if (fit === 0) return [head, [p, ...rest]];
    head.push(withLines(type, p, p.lines.slice(0, fit)));
    const tail = p.lines.length > fit ? [withLines(type, p, p.lines.slice(fit))] : [];
    return [head, [...tail, ...rest]];
  }
  return [head, []];
}
