import { describe, expect, it } from "vitest";
import { CONTINUED_CELL, type ReportDocument } from "../../src/model/document.js";
import { type ColumnBounds, solveColumns } from "../../src/render/layout/columns.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { docxEdges, near, pdfEdges, unmatched } from "./grid-read.js";
import { bundledReport } from "../helpers/report-model.js";

/**
 * Columns are sized once, from their content, and both editions draw that grid: the DOCX's
 * w:gridCol widths and the PDF's cell rules (read back with pdf.js) give the same edges.
 */

async function grids(document: ReportDocument) {
  return { docx: docxEdges(await renderDocx(document)), pdf: await pdfEdges(await renderPdf(document)) };
}

describe("column widths", () => {
  it.each([
    ["Southend, September 2022", { month: "2022-09" as const }],
    ["Southend, with the glance left out", { month: "2022-09" as const, glance: false }],
  ])("%s: every DOCX table's grid is drawn in the PDF", async (_name, options) => {
    const { docx, pdf } = await grids(await bundledReport(options));
    expect(docx.length).toBeGreaterThan(2);
    expect(unmatched(docx, pdf)).toEqual([]);
  });

  it("a column narrower than its longest word grows to hold it, one of short content gives up room", async () => {
    const body = (text: string) => ({
      paragraphs: [{ text, role: "body" as const }],
      coloured: false,
      rowHeader: false,
      list: false,
    });
    const long =
      "Commentary that runs on well past a line of its column and wraps several times over. ".repeat(8);
    const document: ReportDocument = {
      title: "Column widths",
      subject: "Column widths test",
      author: "Test",
      language: "en-GB",
      date: "2022-09-01T00:00:00.000Z",
      startPage: 1,
      labels: { page: "Page", skipToContent: "Skip to the table" },
      sections: [
        {
          footer: "Widths",
          orientation: "landscape",
          blocks: [
            {
              type: "table",
              table: {
                caption: "Columns of every kind",
                description: "A reference, a count and a comment.",
                columns: [
                  { header: "Ref", width: 20 },
                  { header: "Count", width: 300 },
                  { header: "Comment", width: 449.89 },
                ],
                continuedCell: CONTINUED_CELL,
                rows: [{ cells: [body("Unbreakable-reference-code"), body("12"), body(long)] }],
              },
            },
          ],
        },
      ],
    };
    const { docx, pdf } = await grids(document);
    const [edges] = docx as [number[]];
    const widths = edges.slice(1).map((e, i) => e - edges[i]!);
    const [ref, count, comment] = widths as [number, number, number];
    // The reference's one word is about 100 pt at 8 pt: a 20 pt column would break it in both editions.
    expect(ref).toBeGreaterThan(90);
    // Two digits need nothing like 300 pt; the comment takes what they leave.
    expect(count).toBeLessThan(60);
    expect(comment).toBeGreaterThan(449.89);
    expect(edges.at(-1)! - edges[0]!).toBeCloseTo(769.89, 1);
    expect(edges.every((e) => pdf[0]!.some((x) => near(x, e)))).toBe(true);
  });
});

describe("the column solver", () => {
  const column = (share: number, min: number, max: number): ColumnBounds => ({ share, min, max });
  it.each([
    ["all fit their shares: widths are the shares", [column(100, 10, 50), column(100, 10, 50)], 200],
    ["a taker gets what a donor gives", [column(100, 10, 20), column(100, 10, 500)], 200],
    ["a word wider than its share", [column(20, 60, 60), column(180, 10, 500)], 200],
    ["least widths over the total", [column(50, 150, 150), column(50, 150, 150)], 200],
    [
      "three equal donors and a taker",
      [column(50, 5, 10), column(50, 5, 10), column(50, 5, 10), column(50, 5, 900)],
      200,
    ],
  ])("%s: widths add up to the total, each within its bounds where they allow", (_name, columns, total) => {
    const { widths } = solveColumns(columns, total);
    expect(widths.reduce((sum, w) => sum + w, 0)).toBeCloseTo(total, 6);
    const leastSum = columns.reduce((sum, c) => sum + c.min, 0);
    if (leastSum <= total) columns.forEach((c, i) => expect(widths[i]).toBeGreaterThanOrEqual(c.min - 1e-9));
    // Columns alike in share and content stay alike.
    columns.forEach((c, i) =>
      columns.forEach((d, j) => {
        if (c.share === d.share && c.min === d.min && c.max === d.max)
          expect(widths[i]).toBeCloseTo(widths[j]!, 9);
      }),
    );
  });

  it("donors give up only what takers can use", () => {
    const { widths } = solveColumns([column(100, 10, 20), column(100, 10, 150)], 200);
    expect(widths[1]).toBeCloseTo(150, 6);
    expect(widths[0]).toBeCloseTo(50, 6);
  });
});
