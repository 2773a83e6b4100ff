import type { Cell, ReportDocument, Section, Table } from "../../model/document.js";
import { isStrong } from "../../model/emphasis.js";
import { PAGE } from "../../model/page.js";
import type { Measure } from "./measure.js";
import { BOLD, REGULAR, SIZE, cellStyle, type TextStyle } from "./type.js";

/**
 * Column widths sized from what the columns hold, worked out once per document and used by the
 * PDF and the DOCX alike, so the two editions' tables have the same grid.
 *
 * The model gives each column a width (its share of the table); each column's content gives a
 * least width (its widest word, which no edition may break) and a most (its longest paragraph on
 * one line). A column whose content is narrower than its share shrinks to it; one whose widest
 * word is wider grows to hold it; the others share what is left in proportion to the model's
 * widths, as CSS's automatic table layout does, never past their longest line.
 */
export interface ColumnBounds {
  /** The model's width, in points on the section's page: the column's share of what is left. */
  share: number;
  /** The widest word, with the cell's padding: the column is never narrower (unless nothing else fits). */
  min: number;
  /** The longest paragraph on one line, with the padding: the column never needs more. */
  max: number;
}

/** Cell padding at each side, in both editions (the DOCX's w:tblCellMar is 60 twips). */
export const CELL_PADDING = { x: 3, y: 2.5 };
/**
 * Room over the measured width: the measure leaves out kerning, and LibreOffice and Word round
 * positions to their own units; a word sized to the point would sometimes break in one of them.
 */
const SLACK = 1;
/** The DOCX's list items are indented by 9 pt (180 twips), bullet included: the PDF's by none. */
const LIST_INDENT = 9;
/**
 * A word wider than this share of its table (a pasted link in a comment) is left to break inside
 * itself rather than widen its column at the others' expense.
 */
const WIDEST_WORD = 0.25;

export interface Solved {
  widths: number[];
  /** Points per point of share given to the columns sized by share alone: a later part of the same table reuses it. */
  stretch: number;
}

/**
 * Widths adding up to `total`. The columns whose content is wider than their share (the takers)
 * share what the others leave in proportion to their shares, each between its least and most;
 * the others (the donors) give up room only as far as the takers can use it, all by the same
 * fraction of their shares, and never below their longest line: columns of equal share and
 * short content stay equal.
 */
export function solveColumns(columns: readonly ColumnBounds[], total: number): Solved {
  const least = columns.reduce((sum, c) => sum + c.min, 0);
  if (least >= total) return { widths: columns.map((c) => (c.min * total) / least), stretch: total / least };
  const takers = columns.flatMap((c, i) => (c.max > c.share ? [i] : []));
  const donors = columns.flatMap((c, i) => (c.max > c.share ? [] : [i]));
  const donorWidths = (t: number) =>
    donors.map((i) => Math.max(columns[i]!.max, columns[i]!.share * (1 - t)));
  const given = (t: number) => total - donorWidths(t).reduce((sum, w) => sum + w, 0);
  const wanted = takers.reduce((sum, i) => sum + columns[i]!.max, 0);
  // The least fraction the donors must give for every taker to hold its longest line, if they can give that much.
  let t = 0;
  if (given(0) < wanted) {
    let [low, high] = [0, 1];
    if (given(1) <= wanted) low = high;
    else
      for (let n = 0; n < 40; n++) {
        const mid = (low + high) / 2;
        if (given(mid) < wanted) low = mid;
        else high = mid;
      }
    t = high;
  }
  const widths = columns.map(() => 0);
  donorWidths(t).forEach((w, i) => {
    widths[donors[i]!] = w;
  });
  const shared = shareOut(
    takers.map((i) => columns[i]!),
    given(t),
  );
  takers.forEach((i, n) => {
    widths[i] = shared.widths[n]!;
  });
  return { widths, stretch: shared.stretch };
}

/** `room` shared by share, each column between its least and most; what is left once every column has its most goes to all by share. */
function shareOut(columns: readonly ColumnBounds[], room: number): Solved {
  const widths = columns.map(() => 0);
  const fixed = columns.map(() => false);
  let stretch = 1;
  for (;;) {
    const free = columns.flatMap((_, i) => (fixed[i] ? [] : [i]));
    const rest = room - widths.reduce((sum, w, i) => sum + (fixed[i] ? w : 0), 0);
    const shares = free.reduce((sum, i) => sum + columns[i]!.share, 0);
    if (free.length === 0 || shares <= 0) break;
    stretch = rest / shares;
    const over = free.filter((i) => columns[i]!.share * stretch > columns[i]!.max);
    const under = free.filter((i) => columns[i]!.share * stretch < columns[i]!.min);
    // Capping the widest first leaves more for the rest, which may lift some over their least.
    const settle = over.length ? over : under;
    if (settle.length === 0) {
      for (const i of free) widths[i] = columns[i]!.share * stretch;
      return { widths, stretch };
    }
    for (const i of settle) {
      widths[i] = over.length ? columns[i]!.max : columns[i]!.min;
      fixed[i] = true;
    }
  }
  const used = widths.reduce((sum, w) => sum + w, 0);
  const shares = columns.reduce((sum, c) => sum + c.share, 0);
  if (shares <= 0) return { widths, stretch };
  return { widths: widths.map((w, i) => w + ((room - used) * columns[i]!.share) / shares), stretch };
}

/** The width tables are laid out in on a section's pages. */
export function sectionContentWidth(section: Section): number {
  const long = Math.max(PAGE.width, PAGE.height);
  const short = Math.min(PAGE.width, PAGE.height);
  return (section.orientation === "landscape" ? long : short) - 2 * PAGE.margin;
}

/** Every table's widths, in points, the PDF and the DOCX both draw. */
export type ColumnWidths = ReadonlyMap<Table, readonly number[]>;

/**
 * Each section's tables in turn. A later table of a section that is narrower than the page and
 * shares columns (same header, same model width) with an earlier one is a later part of that
 * table (Appendix 1's earlier months): its shared columns keep their widths and the others are
 * stretched as the earlier part's were, so the parts line up down the pages.
 */
export function columnWidths(document: ReportDocument, measure: Measure): ColumnWidths {
  const widths = new Map<Table, readonly number[]>();
  for (const section of document.sections) {
    const contentWidth = sectionContentWidth(section);
    const known = new Map<string, number>();
    let stretch = 1;
    for (const block of section.blocks) {
      if (block.type !== "table" && block.type !== "figure") continue;
      const table = block.table;
      const total = table.columns.reduce((sum, c) => sum + c.width, 0);
      // Model widths are points on the model's page: scaled only for a different page, and never wider than it.
      const scale = Math.min(contentWidth / PAGE.contentWidth, contentWidth / total);
      const bounds = boundsOf(table, measure, scale, total * scale);
      const keys = table.columns.map((c) => `${c.header}\u0000${c.width}`);
      const part = total * scale < contentWidth - 0.5 && keys.some((k) => known.has(k));
      const asPart = part ? partWidths(bounds, keys, known, stretch) : undefined;
      if (asPart && asPart.reduce((sum, w) => sum + w, 0) <= contentWidth) {
        widths.set(table, asPart);
        continue;
      }
      const solved = solveColumns(bounds, total * scale);
      widths.set(table, solved.widths);
      keys.forEach((k, i) => known.set(k, solved.widths[i]!));
      stretch = solved.stretch;
    }
  }
  return widths;
}

function partWidths(
  bounds: readonly ColumnBounds[],
  keys: readonly string[],
  known: ReadonlyMap<string, number>,
  stretch: number,
): number[] {
  return bounds.map((b, i) => known.get(keys[i]!) ?? Math.max(b.min, b.share * stretch));
}

function boundsOf(table: Table, measure: Measure, scale: number, total: number): ColumnBounds[] {
  const header: TextStyle = { font: BOLD, size: SIZE.cell };
  const marker: TextStyle = { font: BOLD, size: SIZE.cellNote };
  const quiet: TextStyle = { font: REGULAR, size: SIZE.cellNote };
  return table.columns.map((column, i) => {
    const share = column.width * scale;
    // A split row's carried-over piece may say "(see the page before)" in any of its cells.
    let min = Math.max(
      widestWord(column.header, header, measure),
      widestWord(table.continuedCell, quiet, measure),
    );
    let max = 0;
    for (const row of table.rows) {
      // A split row's carried-over piece starts with its marker ("KPI 3 (continued)") in the first cell.
      if (i === 0 && row.continued) min = Math.max(min, widestWord(row.continued, marker, measure));
      const cell = row.cells[i];
      if (!cell) continue;
      for (const [text, style, indent] of paragraphsOf(cell)) {
        for (const line of text.includes("\n") ? text.split("\n") : [text]) {
          const extent = measure.extent(line, style);
          if (extent.word + indent > min) min = extent.word + indent;
          if (extent.line + indent > max) max = extent.line + indent;
        }
      }
    }
    const pad = 2 * CELL_PADDING.x + SLACK;
    const least = Math.min(min + pad, WIDEST_WORD * total);
    return { share, min: least, max: Math.max(max + pad, least) };
  });
}

/** A cell's paragraphs in the face each edition sets them in (a row header is bold in the DOCX), with any list indent. */
function paragraphsOf(cell: Cell): [string, TextStyle, number][] {
  return cell.paragraphs.map((p) => {
    const style = cellStyle(p.role);
    const strong = isStrong(p, cell.rowHeader) ? { font: BOLD, size: style.size } : style;
    return [p.text, strong, cell.list ? LIST_INDENT : 0];
  });
}

function widestWord(text: string, style: TextStyle, measure: Measure): number {
  return measure.extent(text.replace(/\s+/g, " "), style).word;
}
