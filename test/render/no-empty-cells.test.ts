import { beforeAll, describe, expect, it } from "vitest";
import { CONTINUED_CELL } from "../../src/model/document.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { paragraphsOf, tablesOf, textOf, unzipText } from "../helpers/docx-read.js";
import { bundledReport } from "../helpers/report-model.js";
import { pdfRects } from "./grid-read.js";
import { readPdf } from "./pdf-read.js";

/**
 * No empty cells (WCAG, the brief): a row split over a page is, in the carried-over piece, a cell
 * for every column, and a cell whose text all went before the break says "(see the page before)".
 * Read from September's files: every w:tc of the DOCX has text; in the PDF, every cell frame drawn
 * on a page that carries a row over holds some text.
 */
let docx: Uint8Array;
let pdf: Uint8Array;

beforeAll(async () => {
  const model = await bundledReport({ month: "2022-09", from: "2022-03" });
  [docx, pdf] = [await renderDocx(model), await renderPdf(model)];
}, 120_000);

describe("September's split rows leave no cell empty", () => {
  it("in the DOCX: every w:tc has text, and the carried-over pieces say where the rest is", () => {
    const tables = tablesOf(unzipText(docx)["word/document.xml"]!);
    const cells = tables.flatMap((t) => t.pieces.flatMap((r) => r.cells));
    expect(cells.length).toBeGreaterThan(500);
    for (const cell of cells) expect(textOf(cell.xml).trim(), cell.xml.slice(0, 300)).not.toBe("");
    const pieces = tables
      .flatMap((t) => t.pieces)
      .filter((r) => /\(continued\)$/.test(r.cells[0]!.text.split("\n")[0]!));
    expect(pieces.length).toBeGreaterThan(0);
    const said = pieces.flatMap((r) => r.cells.flatMap((c) => paragraphsOf(c.xml).map(textOf)));
    expect(said).toContain(CONTINUED_CELL);
  });

  it("in the PDF: every cell drawn on a page that carries a row over holds text, the markers as artifacts", async () => {
    const [read, frames] = [await readPdf(pdf), await pdfRects(pdf)];
    const carried = read.pages.filter((p) => /\(continued\)/.test(p.artifact));
    expect(carried.length).toBeGreaterThan(0);
    for (const page of carried) {
      const boxes = frames[page.number - 1]!;
      expect(boxes.length, `page ${page.number}`).toBeGreaterThan(0);
      for (const [x0, y0, x1, y1] of boxes) {
        const inside = page.items.some((t) => t.text.trim() && t.x >= x0 && t.x < x1 && t.y > y0 && t.y < y1);
        expect(inside, `page ${page.number}: the cell at ${x0.toFixed(1)}, ${y1.toFixed(1)}`).toBe(true);
      }
      // Page furniture, as the "(continued)" marker is: a reader of the structure meets each cell once, whole.
      expect(page.artifact).toContain(CONTINUED_CELL);
      expect(page.tagged).not.toContain(CONTINUED_CELL);
    }
  });
});
