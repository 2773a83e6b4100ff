import { describe, expect, it } from "vitest";
import { CONTINUED_CELL, type Cell, type ReportDocument } from "../../src/model/document.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { bundledReport } from "../helpers/report-model.js";
import { count, nodes, readPdf, textOf, type PdfPage } from "./pdf-read.js";

/** Page breaks: a year of months, a pack's page numbering, and rows or paragraphs taller than a page. */

const MARGIN = 36;
const HEIGHT = 595.28;

function footer(page: PdfPage): string {
  return page.items
    .filter((t) => t.y < MARGIN)
    .map((t) => t.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

function expectInsideMargins(pages: PdfPage[]): void {
  for (const page of pages) {
    expect(page.unmarkedDrawing, `page ${page.number}`).toEqual([]);
    for (const item of page.items) {
      expect(item.size, item.text).toBeGreaterThanOrEqual(8);
      expect(item.y + item.size, item.text).toBeLessThanOrEqual(HEIGHT - MARGIN);
      if (!item.artifact)
        expect(item.y, `${item.text} on page ${page.number}`).toBeGreaterThanOrEqual(MARGIN);
    }
  }
}

describe("a twelve-month schedule in an agenda pack", () => {
  it("shows every month from October 2021, says which have no return, and numbers pages from --start-page", async () => {
    const pdf = await readPdf(
      await renderPdf(await bundledReport({ month: "2022-09", from: "2021-10", startPage: 7 })),
    );
    // The schedule's tables where they start (their caption and header row are on that page), in page order.
    const schedule = pdf.pages
      .flatMap((p) => nodes(p.struct))
      .filter(
        (n) =>
          n.role === "Table" &&
          n.children[0]?.role === "Caption" &&
          textOf(n.children[0]).startsWith("KPI schedule"),
      );
    const headers = schedule.flatMap((t) =>
      nodes(t)
        .filter((n) => n.role === "TH")
        .map(textOf),
    );
    const months = [
      "October 2021",
      "November 2021",
      "December 2021",
      "January 2022",
      "February 2022",
      "March 2022",
      "April 2022",
      "May 2022",
      "June 2022",
      "July 2022",
      "August 2022",
      "September 2022",
    ];
    for (const month of months)
      expect(
        headers.filter((h) => h === month),
        month,
      ).toHaveLength(1);
    // The part holding the reporting month first; each part after it goes further back, each left to right in time.
    expect(headers.filter((h) => months.includes(h))).toEqual([
      ...months.slice(8),
      ...months.slice(4, 8),
      ...months.slice(0, 4),
    ]);
    expect(schedule.map((t) => textOf(t.children[0]!))).toEqual([
      "KPI schedule, Jun 2022 to Sep 2022 (part 1 of 3)",
      "KPI schedule, Feb 2022 to May 2022 (part 2 of 3)",
      "KPI schedule, Oct 2021 to Jan 2022 (part 3 of 3)",
    ]);
    const all = pdf.pages.map((p) => p.tagged).join(" ");
    expect(all).toContain("No return");
    // The glance's three tables, three parts of four months for the schedule, then the MSR table.
    expect(count(pdf.raw, /\/S \/Table\b/)).toBe(3 + 4);
    pdf.pages.forEach((page, i) => expect(footer(page)).toMatch(new RegExp(`Page ${7 + i}$`)));
    expectInsideMargins(pdf.pages);
  });
});

const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({
  paragraphs: [{ text, role: "body" }],
  coloured: false,
  rowHeader: false,
  list: false,
  ...extra,
});
const lines = Array.from({ length: 120 }, (_, i) => `Line ${i + 1} of a commentary far longer than a page.`);
const words = Array.from({ length: 2500 }, (_, i) => `w${i + 1}`).join(" ");

const tall: ReportDocument = {
  title: "Rows taller than a page",
  subject: "Pagination test",
  author: "Test",
  language: "en-GB",
  date: "2022-09-01T00:00:00.000Z",
  startPage: 3,
  labels: { page: "Page", skipToContent: "Skip to the table" },
  sections: [
    {
      footer: "Tall rows",
      orientation: "landscape",
      blocks: [
        { type: "heading", level: 1, text: "Tall rows" },
        { type: "paragraph", paragraph: { text: words, role: "body" } },
        {
          type: "table",
          table: {
            caption: "A table with rows taller than a page",
            description: "Two columns: a number and pages of text.",
            columns: [
              { header: "Number", width: 60 },
              { header: "Commentary", width: 300 },
              { header: "More", width: 409.89 },
            ],
            continuedCell: CONTINUED_CELL,
            rows: [
              { cells: [cell("1", { rowHeader: true }), cell("Short row before"), cell("Short")] },
              {
                cells: [
                  cell("2", { rowHeader: true }),
                  {
                    paragraphs: lines.map((text) => ({ text, role: "body" as const })),
                    outcome: "not-met",
                    coloured: true,
                    rowHeader: false,
                    list: false,
                  },
                  cell(words),
                ],
              },
              { cells: [cell("3", { rowHeader: true }), cell("Short row after"), cell("Short")] },
            ],
          },
        },
      ],
    },
  ],
};

describe("a row taller than a page", () => {
  it("is split across pages, in order, under a repeated header, still one row of the table", async () => {
    const bytes = await renderPdf(tall);
    const pdf = await readPdf(bytes);
    const all = pdf.pages.map((p) => p.tagged).join(" ");
    let from = 0;
    for (const line of lines) {
      const at = all.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
    // The long paragraph (above the table) and the long cell each say every word once, in order.
    expect(count(all, "w1 w2 w3 ")).toBe(2);
    expect(count(all, " w2500")).toBe(2);
    expect(all.replace(/\s+/g, " ")).toContain(words);
    expect(all.indexOf("Short row after")).toBeGreaterThan(all.indexOf(lines.at(-1)!));

    const tablePages = pdf.pages.filter((p) => p.tagged.includes("Line ") || p.tagged.includes("Short row"));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const page of tablePages)
      expect(
        count(page.tagged, "Commentary") + count(page.artifact, "Commentary"),
        `page ${page.number}`,
      ).toBe(1);
    expect(count(pdf.raw, /\/S \/TR\b/)).toBe(4);
    // Content of one structure element on several pages: the split row, and the paragraph that ran over.
    expect(count(pdf.raw, "/Type /MCR")).toBeGreaterThan(0);
    pdf.pages.forEach((page, i) => expect(footer(page)).toBe(`Tall rows Page ${3 + i}`));
    expectInsideMargins(pdf.pages);
  });

  it("renders the same bytes twice", async () => {
    expect(Buffer.from(await renderPdf(tall)).equals(Buffer.from(await renderPdf(tall)))).toBe(true);
  });
});
