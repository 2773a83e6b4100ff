import type { Cell, Paragraph } from "../../model/document.js";
import { PAGE } from "../../model/page.js";

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
  const bold = rowHeader || paragraph.role === "status" || paragraph.role === "figures" || paragraph.role === "strong";
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
