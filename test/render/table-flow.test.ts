import { describe, expect, it } from "vitest";
import { CONTINUED_CELL, type Table } from "../../src/model/document.js";
import { CELL_PADDING, contentHeight, layoutTable } from "../../src/render/layout/cells.js";
import { flowRows, splitMinimum } from "../../src/render/layout/table-flow.js";
import { metricTypesetter } from "../../src/render/layout/typesetter.js";

/**
 * Where layout/table-flow.ts splits a row, with the layout's own typesetter: never leaving a
 * sliver of a row on either page (less than three lines' worth, splitMinimum), unless the row is
 * taller than a page and must split wherever a page ends; every page's rows within it.
 */
const type = metricTypesetter();

function table(lines: readonly number[]): Table {
  return {
    caption: "Rows",
    description: "Rows of given heights.",
    columns: [{ header: "Row", width: 200 }],
    continuedCell: CONTINUED_CELL,
    rows: lines.map((n, i) => ({
      cells: [
        {
          paragraphs: Array.from({ length: n }, (_, k) => ({
            text: `Row ${i + 1} line ${k + 1}`,
            role: "body" as const,
          })),
          coloured: false,
          rowHeader: false,
          list: false,
        },
      ],
      continued: `Row ${i + 1} (continued)`,
    })),
  };
}

/** Room for the header and about 30 lines below it. */
const PAGE = { top: 0, bottom: 400 };

describe("a table's rows over pages", () => {
  it("split only where three lines or more stay and three or more go on, every page within its foot", () => {
    const least = splitMinimum(type);
    let split = 0;
    // A first row of every height up to a page, then a second of every height up to two pages:
    // the second starts at every height the first leaves, and needs every number of lines more.
    for (let first = 1; first <= 32; first++)
      for (let second = 1; second <= 64; second++) {
        const lines = [first, second];
        const layout = layoutTable(type, table(lines), 0, [200]);
        const pieces = flowRows(type, layout, { y: layout.header.height, ...PAGE });
        const room = PAGE.bottom - PAGE.top - layout.header.height;
        for (const [i, row] of layout.rows.entries()) {
          const mine = pieces.filter((p) => p.row === i);
          const text = mine.flatMap((p) => p.cells[0]!.paragraphs.filter((q) => !q.artifact));
          expect(text.map((p) => p.lines.join("")).join(" ")).toBe(
            Array.from({ length: lines[i]! }, (_, k) => `Row ${i + 1} line ${k + 1}`).join(" "),
          );
          if (mine.length === 1) continue;
          split++;
          for (const [n, piece] of mine.entries()) {
            if (n > 0) expect(piece.cells[0]!.paragraphs[0]!.artifact).toBe("row");
            const own = contentHeight(piece.cells[0]!.paragraphs.filter((q) => !q.artifact));
            // A piece in the middle of a row taller than a page is a whole page; the last may be short only if the row could not fit a page.
            if (row.height <= room || n === 0)
              expect(
                own + 2 * CELL_PADDING.y,
                `${lines}: row ${i + 1}, piece ${n + 1}`,
              ).toBeGreaterThanOrEqual(least);
          }
        }
        let y = layout.header.height;
        for (const piece of pieces) {
          if (piece.breaks) y = PAGE.top + layout.header.height;
          y += piece.height;
          expect(y, `${lines}`).toBeLessThanOrEqual(PAGE.bottom + 0.001);
        }
      }
    expect(split).toBeGreaterThan(100);
  });
});
