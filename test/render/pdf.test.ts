import { beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../src/render/pdf/index.js";
import { bundledContract } from "../helpers/contract.js";
import { bundledReport } from "../helpers/report-model.js";
import { count, nodes, readPdf, squash, textOf, type PdfRead } from "./pdf-read.js";

/**
 * The bundled data (March to September 2022) drawn as PDF and read back with pdfjs: what it
 * says, how it is tagged, and that it is the same every time. Expected values are written out
 * here or come from data/contract.json, never from the renderer.
 */

const contract = bundledContract();
const GLANCE = "Summary: September 2022 at a glance";
const APPENDIX_1 = "Appendix 1: KPI schedule, September 2022";
const APPENDIX_2 = "Appendix 2: Minimum Service Requirements, September 2022";
const PAGE = { width: 841.89, height: 595.28, margin: 36 };

let bytes: Uint8Array;
let pdf: PdfRead;
let all: string;

beforeAll(async () => {
  bytes = await renderPdf(await bundledReport({ month: "2022-09", from: "2022-03" }));
  pdf = await readPdf(bytes);
  // In reading order from the document's structure tree: a row split at a page break reads on where it stopped.
  all = textOf(pdf.tree);
});

describe("what the PDF says", () => {
  it("has the bundled contract's 27 KPIs and 12 MSRs to look for", () => {
    expect(contract.kpis).toHaveLength(27);
    expect(contract.msrs).toHaveLength(12);
  });

  it("describes every KPI and states every MSR in full", () => {
    // A line may break after a hyphen or a slash ("Dial-a-" / "Ride"), which text extraction reads as a space.
    const loose = (s: string) => squash(s).replace(/([-/]) /g, "$1");
    for (const kpi of contract.kpis)
      expect(loose(all), `KPI ${kpi.number}`).toContain(loose(kpi.description));
    for (const msr of contract.msrs) expect(loose(all), `MSR ${msr.number}`).toContain(loose(msr.text));
  });

  it("heads a column for every month, as a column header", () => {
    const headers = nodes(pdf.tree)
      .filter((n) => n.role === "TH")
      .map(textOf);
    for (const month of [
      "March 2022",
      "April 2022",
      "May 2022",
      "June 2022",
      "July 2022",
      "August 2022",
      "September 2022",
    ]) {
      expect(headers).toContain(month);
    }
    expect(headers).toEqual(
      expect.arrayContaining(["Service Criteria", "KPI Number", "KPI", "Rank", "Service Required", "MSR"]),
    );
  });

  it("gives every KPI number as a row header in both parts of the schedule, every MSR number once more, and the glance's shortfalls", () => {
    // Read from the whole structure tree: a row split at a page break is still one row with one header.
    const headers = nodes(pdf.tree)
      .filter((n) => n.role === "TH")
      .map(textOf);
    // KPIs 5, 26 and 27 were not met in September: the glance's table of shortfalls heads a row with each.
    for (let n = 1; n <= 27; n++)
      expect(
        headers.filter((h) => h === String(n)),
        `KPI ${n}`,
      ).toHaveLength((n <= 12 ? 3 : 2) + ([5, 26, 27].includes(n) ? 1 : 0));
  });

  it("opens with the summary's counts and carries the seed's commentary", () => {
    expect(all).toContain(
      "For the month of September 2022, of the 27 KPIs in the contract, 24 were fully achieved and 3 did not fully meet the requirements (KPI 5, 26 and 27).",
    );
    expect(all).toContain("95.2%%");
    expect(all).toContain("Kingsdown 87 crew changes over 690 trips");
    expect(all).toContain("Not met: KPI 5, 26 and 27");
  });

  it("puts each section's footer and a running page number on every page, as artifacts", () => {
    const a1 = pdf.pages.findIndex((p) => p.tagged.startsWith(APPENDIX_1));
    const start = pdf.pages.findIndex((p) => p.tagged.startsWith(APPENDIX_2));
    expect(a1).toBeGreaterThan(0);
    expect(start).toBeGreaterThan(a1);
    pdf.pages.forEach((page, i) => {
      const footer = squash(
        page.items
          .filter((t) => t.y < PAGE.margin)
          .map((t) => t.text)
          .join(" "),
      );
      expect(footer).toBe(`${i < a1 ? GLANCE : i < start ? APPENDIX_1 : APPENDIX_2} Page ${i + 1}`);
      expect(page.items.filter((t) => t.y < PAGE.margin).every((t) => t.artifact)).toBe(true);
      expect(page.tagged).not.toMatch(/\bPage \d+\b/);
    });
    expect(pdf.pages[0]!.tagged.startsWith(GLANCE)).toBe(true);
  });
});

describe("how it is tagged", () => {
  it("is a marked PDF in en-GB with the model's title, author and dates", () => {
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.info).toMatchObject({
      Language: "en-GB",
      PDFFormatVersion: "1.7",
      Title: "Vecteo performance against KPIs and Minimum Service Requirements, September 2022",
      Author: "Southend-on-Sea City Council",
      CreationDate: "D:20220901000000Z",
      ModDate: "D:20220901000000Z",
    });
    expect(pdf.raw).toContain("/DisplayDocTitle true");
  });

  it("has a structure tree of Document > Sect > H1, P, H2, Table > Caption, TR > TH, TD", () => {
    const roles = new Set(nodes(pdf.tree).map((n) => n.role));
    for (const role of [
      "Document",
      "Sect",
      "H1",
      "H2",
      "P",
      "Table",
      "Caption",
      "TR",
      "TH",
      "TD",
      "L",
      "LI",
      "LBody",
      "Figure",
    ])
      expect(roles).toContain(role);
    const a1 = pdf.pages.findIndex((p) => p.tagged.startsWith(APPENDIX_1));
    const document = pdf.pages[a1]!.struct!.children[0]!;
    expect(document.role).toBe("Document");
    // A page's tree holds what is on it: Appendix 1 starts a page of its own, in its own Sect, after the glance's.
    expect(textOf(pdf.pages[0]!.struct!.children[0]!.children[0]!.children[0]!)).toBe(GLANCE);
    expect(document.children.map((n) => n.role)).toEqual(["Sect"]);
    const appendix1 = document.children[0]!;
    expect(textOf(appendix1.children[0]!)).toBe(APPENDIX_1);
    // Heading, who and what, the review state, the summary and the key, then the first part.
    expect(appendix1.children.map((n) => n.role).slice(0, 7)).toEqual([
      "H1",
      "P",
      "P",
      "P",
      "P",
      "H2",
      "Table",
    ]);
    expect(textOf(appendix1.children[1]!)).toMatch(
      /^Council: Southend-on-Sea City Council\. Supplier: Vecteo\. Contract: Services Agreement: /,
    );
    // The part holding the reporting month comes first.
    expect(textOf(appendix1.children[5]!)).toBe("Part 1 of 2: June 2022 to September 2022");
    const table = appendix1.children[6]!;
    expect(table.children[0]!.role).toBe("Caption");
    expect(textOf(table.children[0]!)).toBe("KPI schedule, Jun 2022 to Sep 2022 (part 1 of 2)");
  });

  it("has one TR per row, tagged once, with column and row scopes on the TH cells", () => {
    // The glance: its counts (a header row, 5 outcomes and the total), its 3 shortfalls under a header
    // row, and the chart's figures (a header row and 7 months). Then two parts of the schedule with
    // a header row, 27 KPI rows and a compliments row each; the MSR table a header row and 12 rows.
    expect(count(pdf.raw, /\/S \/Sect\b/)).toBe(3);
    expect(count(pdf.raw, /\/S \/Table\b/)).toBe(3 + 3);
    expect(count(pdf.raw, /\/S \/TR\b/)).toBe(1 + 6 + (1 + 3) + (1 + 7) + 2 * (1 + 27 + 1) + 1 + 12);
    // Column headers: the glance's 4, 6 and 7; 4 key columns + 4 months + target, 4 + 3 + 1, and the MSR table's 5.
    expect(count(pdf.raw, "/Scope /Column")).toBe(4 + 6 + 7 + 9 + 8 + 5);
    // Row headers: the glance's outcomes, shortfalls and months; the KPI number (and "Compliments") in each part, the MSR number.
    expect(count(pdf.raw, "/Scope /Row")).toBe(6 + 3 + 7 + 2 * 28 + 12);
  });

  it("repeats the header row on every page a table goes on to, as an artifact, so it is read once", () => {
    const a1 = pdf.pages.findIndex((p) => p.tagged.startsWith(APPENDIX_1));
    const a2 = pdf.pages.findIndex((p) => p.tagged.startsWith(APPENDIX_2));
    const check = (pages: typeof pdf.pages, caption: string, header: string, tables: number) => {
      for (const page of pages.slice(1)) {
        // A page that does not open with a table's caption continues a table, under its header row again.
        const repeats = count(page.artifact, header);
        const opensTable = page.tagged.startsWith(caption) || /^Part \d+ of \d+: /.test(page.tagged);
        expect(repeats, `page ${page.number}`).toBe(opensTable ? 0 : 1);
      }
      expect(pages.reduce((n, p) => n + count(p.tagged, header), 0)).toBe(tables);
    };
    check(pdf.pages.slice(a1, a2), "KPI schedule,", "Service Criteria", 2);
    const msr = pdf.pages.findIndex((p) =>
      p.tagged.includes("Minimum Service Requirements and their linked KPIs"),
    );
    expect(msr).toBeGreaterThanOrEqual(a2);
    check(
      pdf.pages.slice(msr),
      "Minimum Service Requirements and their linked KPIs",
      "Linked KPIs not met or not captured",
      1,
    );
    expect(
      pdf.pages.slice(a2 + 1).some((p) => count(p.artifact, "Linked KPIs not met or not captured") === 1),
    ).toBe(true);
  });

  it("splits a row that runs over the foot of a page: its pieces in one TR, the carried-over piece under the repeated header and its marker", () => {
    // Content of one structure element on two pages is what a split row is.
    expect(count(pdf.raw, "/Type /MCR")).toBeGreaterThan(0);
    const continued = pdf.pages.filter((p) => /\b(KPI|MSR) \d+ \(continued\)/.test(p.artifact));
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) {
      // The marker comes right after the repeated header row, before any of the page's content: it starts the first row's first cell.
      expect(page.artifact, `page ${page.number}`).toMatch(
        /(Service Criteria|MSR) .*?\b(KPI|MSR) \d+ \(continued\)/,
      );
      const marker = page.items.findIndex((t) => t.text.includes("(continued)"));
      expect(
        page.items.slice(0, marker + 1).every((t) => t.artifact),
        `page ${page.number}`,
      ).toBe(true);
      // Furniture, like the repeated header: a reader of the structure meets the row once.
      expect(page.tagged).not.toContain("(continued)");
    }
    // The first split row of the schedule: its TR is on the page before the marker's and on the marker's page,
    // and still one row of each schedule part in the document's tree.
    const first = continued.find((p) => /\bKPI \d+ \(continued\)/.test(p.artifact))!;
    const number = /\bKPI (\d+) \(continued\)/.exec(first.artifact)![1]!;
    const isRow = (n: { role: string; children: { role: string }[] }) =>
      n.role === "TR" && n.children.length >= 8 && textOf(n.children[1] as never) === number;
    expect(
      nodes(pdf.pages[first.number - 2]!.struct).filter(isRow).length,
      `KPI ${number} before page ${first.number}`,
    ).toBeGreaterThan(0);
    const rows = nodes(pdf.tree).filter(isRow);
    expect(rows).toHaveLength(2);
    // The marker page's first row holds the rest of that row's cells (the cells that had ended hold nothing there).
    const piece = nodes(first.struct).find((n) => n.role === "TR")!;
    expect(textOf(piece).length).toBeGreaterThan(0);
    for (const cell of piece.children) expect(textOf(rows[0]!)).toContain(textOf(cell));
  });

  it("draws nothing outside tagged content or an artifact", () => {
    for (const page of pdf.pages) expect(page.unmarkedDrawing, `page ${page.number}`).toEqual([]);
  });
});

describe("print layout", () => {
  it("is A4 landscape throughout", () => {
    const boxes = [...pdf.raw.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) =>
      m[1]!.trim().split(/\s+/).map(Number),
    );
    expect(boxes).toHaveLength(pdf.pages.length);
    for (const [x0, y0, x1, y1] of boxes) expect([x0, y0, x1, y1]).toEqual([0, 0, PAGE.width, PAGE.height]);
  });

  it("sets no text smaller than 8 pt", () => {
    const sizes = pdf.pages.flatMap((p) => p.items.map((i) => i.size));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
  });

  it("keeps the content inside the margins and the footer below it", () => {
    for (const page of pdf.pages) {
      for (const item of page.items) {
        expect(item.x, item.text).toBeGreaterThanOrEqual(PAGE.margin - 0.01);
        expect(item.x + item.width, item.text).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.01);
        expect(item.y + item.size, item.text).toBeLessThanOrEqual(PAGE.height - PAGE.margin);
        if (!item.artifact) expect(item.y, item.text).toBeGreaterThanOrEqual(PAGE.margin);
      }
    }
  });

  it("embeds both Source Sans 3 faces and uses no other font", () => {
    const descriptors = count(pdf.raw, "/Type /FontDescriptor");
    expect(descriptors).toBe(2);
    expect(count(pdf.raw, "/FontFile2")).toBe(descriptors);
    expect(pdf.raw).toMatch(/\/FontName \/[A-Z]{6}\+SourceSans3-Regular/);
    expect(pdf.raw).toMatch(/\/FontName \/[A-Z]{6}\+SourceSans3-Bold/);
    expect(pdf.raw).not.toMatch(/\/Subtype \/(Type1|TrueType|Type3)\b/);
    expect(pdf.raw).not.toMatch(/Helvetica|Times|Courier/);
  });
});

describe("determinism", () => {
  it("gives the same bytes for the same model, every time", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const [again, fresh] = [await renderPdf(model), await renderPdf(structuredClone(model))];
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(fresh).equals(Buffer.from(bytes))).toBe(true);
  });

  it("takes its dates and file identifier from the model, not the clock", async () => {
    const model = await bundledReport({
      month: "2022-09",
      from: "2022-03",
      date: "2023-01-02T00:00:00.000Z",
    });
    const other = await readPdf(await renderPdf(model));
    expect(other.info).toMatchObject({ CreationDate: "D:20230102000000Z", ModDate: "D:20230102000000Z" });
    expect(other.raw).toContain("<xmp:CreateDate>2023-01-02T00:00:00Z</xmp:CreateDate>");
    const id = (raw: string) => raw.match(/\/ID \[<([0-9a-f]+)>/)![1];
    expect(id(other.raw)).not.toBe(id(pdf.raw));
  });
});

describe("the month at a glance", () => {
  it("is the first section, bookmarked as an H1, with the chart tagged as a Figure whose /Alt gives every month's figures", () => {
    const figures = pdf.pages
      .flatMap((p) => nodes(p.struct).map((n) => ({ page: p.number, node: n })))
      .filter(({ node }) => node.role === "Figure");
    expect(figures).toHaveLength(1);
    const { page, node } = figures[0]!;
    const glanceEnd = pdf.pages.findIndex((p) => p.tagged.startsWith(APPENDIX_1));
    expect(page).toBeLessThanOrEqual(glanceEnd);
    expect(node.alt).toMatch(
      /^Stacked bar chart of how many of the 27 KPIs were met, not met, not captured, not applicable or not due in each month from March 2022 to September 2022\. /,
    );
    expect(node.alt).toContain("August 2022: 10 met, 1 not captured and 16 not applicable.");
    expect(node.alt).toContain("September 2022: 24 met and 3 not met.");
    // The chart's own labels are inside the Figure, so a reader gets the Alt text instead of loose numbers.
    expect(textOf(node)).toContain("Not applicable");
    // Its bounding box, as a layout attribute: the chart's 640 by 240 points at the left margin.
    expect(pdf.raw).toMatch(
      /\/S \/Figure[^]*?\/A <<\n?\/O \/Layout\n?\/Placement \/Block\n?\/BBox \[36 [\d.]+ 676 [\d.]+\]/,
    );
    // The same figures follow as a table on the same page.
    expect(pdf.pages[page - 1]!.tagged).toContain(
      "KPI outcomes by month, March 2022 to September 2022: the figures",
    );
  });

  it("counts the month against the one before, names the shortfalls and what changed", () => {
    const glance = pdf.pages
      .slice(
        0,
        pdf.pages.findIndex((p) => p.tagged.startsWith(APPENDIX_1)),
      )
      .map((p) => p.tagged)
      .join(" ");
    expect(glance).toContain("Outcomes, September 2022 against August 2022");
    expect(glance).toMatch(/Met 24 10 14 more/);
    expect(glance).toMatch(/Not applicable 0 16 16 fewer/);
    expect(glance).toContain(
      "Newly not met: KPI 5 (not captured in August 2022) and KPI 26 and 27 (not applicable in August 2022).",
    );
    expect(glance).toContain("No KPI was back to met, newly not captured or met after not being captured.");
    expect(glance).toMatch(
      /26 Driver changes within a month Not met 95\.2% \(no counts given\) Stated 95\.2% is below the 98% target – not comparable: not applicable in August 2022/,
    );
  });
});

describe("the direction of travel in Appendix 1", () => {
  it("ends every KPI's September cell with a symbol and words, and no other month's", () => {
    const cells = nodes(pdf.tree)
      .filter((n) => n.role === "TD")
      .map(textOf);
    const marked = cells.filter(
      (c) =>
        /(▲ better|= same|▼ worse|– not comparable): /.test(c) &&
        /^(Met|Not met|Not captured|Not applicable|Not due)/.test(c),
    );
    expect(marked).toHaveLength(27);
    expect(cells).toContain(
      "Met 100% (no counts given) 100% achieved no equipment required this month = same: 100%, as in August 2022",
    );
  });
});
