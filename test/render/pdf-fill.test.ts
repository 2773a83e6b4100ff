import { beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../src/render/pdf/index.js";
import { bundledReport } from "../helpers/report-model.js";
import { fill, footerOf, LEAST_FILL, shortPages } from "./page-fill.js";
import { readPdf, type PdfRead } from "./pdf-read.js";

describe("September 2022's PDF pages", () => {
  let pdf: PdfRead;
  beforeAll(async () => {
    pdf = await readPdf(await renderPdf(await bundledReport({ month: "2022-09", from: "2022-03" })));
  }, 60_000);

  it("keep September to 16 pages: the summary 2, Appendix 1 10 and Appendix 2 4", () => {
    const sections = pdf.pages.map(footerOf);
    expect(pdf.pages.length).toBeLessThanOrEqual(16);
    expect(sections.filter((f) => f.startsWith("Summary")).length).toBeLessThanOrEqual(2);
    expect(sections.filter((f) => f.startsWith("Appendix 1")).length).toBeLessThanOrEqual(10);
    expect(sections.filter((f) => f.startsWith("Appendix 2")).length).toBeLessThanOrEqual(4);
  });

  it(`fill at least ${LEAST_FILL * 100}% of the content box, except the last page of each section`, () => {
    expect(shortPages(pdf)).toEqual([]);
    // The measure sees an empty foot: each section's last page here is short, none is full.
    const ends = pdf.pages.filter(
      (page, i) => !pdf.pages[i + 1] || footerOf(pdf.pages[i + 1]!) !== footerOf(page),
    );
    expect(ends.map(footerOf)).toEqual([
      "Summary: September 2022 at a glance",
      "Appendix 1: KPI schedule, September 2022",
      "Appendix 2: Minimum Service Requirements, September 2022",
    ]);
    expect(Math.min(...ends.map(fill))).toBeLessThan(0.9);
  });
});

describe("every bundled month's PDF", () => {
  // March to August have more KPIs not met or not captured: a longer table of them before the chart,
  // which then shares its page flatter, or has it to itself with its figures over the page.
  for (const month of ["2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08"] as const) {
    it(`${month}: no page under ${LEAST_FILL * 100}% filled but a section's last`, async () => {
      const pdf = await readPdf(await renderPdf(await bundledReport({ month, from: "2022-03" })));
      expect(shortPages(pdf)).toEqual([]);
    }, 60_000);
  }
});
