import type { Cell, Paragraph } from "../../model/document.js";
import { PAGE } from "../../model/page.js";
import { isStrong } from "../../model/emphasis.js";

/**
 * Rows are marked cantSplit so a KPI's month never breaks across pages. But a row taller than a
 * page cannot be kept whole: Word then splits it anyway, while LibreOffice (7.4) keeps it whole
 * and draws it past the bottom margin, over the footer and off the page, and leaves blank pages
 * before it. So a row that cannot fit on one page is left splittable.
 *
 * The renderer has no text layout engine, so this is an estimate that errs tall: Arial's
 * average advance is about 0.46 em for mixed text (measured on LibreOffice's output) and 0.5 em
 * bold; 0.55 and 0.6 are used, lines are 1.15 em, and words wrap greedily. Erring tall only
 * lets a nearly-page-tall row split.
 */
const ADVANCE = { regular: 0.55, bold: 0.6 } as const;
const LINE = 1.15;

export interface CellMetrics {
  /** Points of text per line: the column width less the cell's left and right padding. */
  textWidth: number;
  /** The cell's vertical padding, and the space after each paragraph, in points. */
  padding: number;
  paragraphGap: number;
  fontSize: number;
}

/** The page height a row may fill, in points, below a repeated header row of `headerHeight`. */
export function usableHeight(landscape: boolean, headerHeight: number): number {
  return (landscape ? Math.min(PAGE.width, PAGE.height) : Math.max(PAGE.width, PAGE.height)) - 2 * PAGE.margin - headerHeight;
}

/**
 * Whether a row can be kept whole below the header. Most rows are a few lines tall, so a bound
 * that is never below rowHeight settles them from the text's length alone; only a row that may
 * come near a page is estimated word by word. Greedy wrapping ends a line early only when the
 * next word would not fit, so each two lines hold at least a line's worth of characters, and a
 * word longer than a line fills whole lines: a line of L characters takes at most 1 + 3L/perLine.
 */
export function fitsPage(cells: readonly Cell[], metrics: readonly CellMetrics[], usable: number): boolean {
  let tallest = 0;
  cells.forEach((cell, i) => {
    const m = metrics[i]!;
    const perLine = Math.max(1, Math.floor(m.textWidth / (m.fontSize * ADVANCE.bold)));
    let height = m.padding + m.paragraphGap * cell.paragraphs.length;
    for (const { text } of cell.paragraphs) height += (hardLines(text) + (3 * text.length) / perLine) * m.fontSize * LINE;
    tallest = Math.max(tallest, height);
  });
  return tallest <= usable || rowHeight(cells, metrics) <= usable;
}

function hardLines(text: string): number {
  let count = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}

export function rowHeight(cells: readonly Cell[], metrics: readonly CellMetrics[]): number {
  let tallest = 0;
  cells.forEach((cell, i) => {
    const m = metrics[i]!;
    let height = m.padding + m.paragraphGap * cell.paragraphs.length;
    for (const paragraph of cell.paragraphs) height += lines(paragraph, m, cell.rowHeader) * m.fontSize * LINE;
    tallest = Math.max(tallest, height);
  });
  return tallest;
}

function lines(paragraph: Paragraph, m: CellMetrics, rowHeader: boolean): number {
  const bold = isStrong(paragraph, rowHeader);
  const perLine = Math.max(1, Math.floor(m.textWidth / (m.fontSize * (bold ? ADVANCE.bold : ADVANCE.regular))));
  let count = 0;
  for (const line of paragraph.text.split("\n")) {
    count += 1;
    let used = 0;
    for (const word of line.split(" ")) {
      // A word longer than a line breaks across lines wherever it must.
      const length = word.length;
      if (used > 0 && used + 1 + length > perLine) {
        count += 1;
        used = 0;
      }
      used += (used > 0 ? 1 : 0) + length;
      while (used > perLine) {
        count += 1;
        used -= perLine;
      }
    }
  }
  return count;
}
