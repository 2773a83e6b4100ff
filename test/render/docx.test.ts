import { strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/model/document.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { bundledContract } from "../helpers/contract.js";
import { bundledReport } from "../helpers/report-model.js";
import { attr, decode, paragraphsOf, tablesOf, textOf, unzipText } from "../helpers/docx-read.js";

/**
 * Renders the bundled data as DOCX and reads the package back: what it says (every KPI, MSR,
 * month, the summary and the seed's commentary) and how Word is told to lay it out. Expected
 * values are written out here or come from data/contract.json, never from the renderer's code.
 */

const contract = bundledContract();

async function render(model: ReportDocument) {
  const bytes = await renderDocx(model);
  const files = unzipText(bytes);
  const document = files["word/document.xml"]!;
  const tables = tablesOf(document);
  // The schedule's parts, in the order they come: the one holding the reporting month first.
  const schedule = tables.filter((t) => textOf(t.before).startsWith("KPI schedule"));
  return { bytes, files, document, text: paragraphsOf(document).map(textOf).join("\n"), tables, schedule };
}

describe("DOCX for September 2022, March to September", () => {
  let out: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    out = await render(await bundledReport({ month: "2022-09", from: "2022-03" }));
  });

  it("is a DOCX package with the parts Word needs, [Content_Types].xml first", () => {
    expect(strFromU8(out.bytes.subarray(30, 30 + "[Content_Types].xml".length))).toBe("[Content_Types].xml");
    for (const part of [
      "[Content_Types].xml",
      "_rels/.rels",
      "word/document.xml",
      "word/styles.xml",
      "docProps/core.xml",
    ])
      expect(out.files[part]).toBeDefined();
  });

  it("has every KPI's number and description in each part of the schedule", () => {
    const { schedule } = out;
    expect(schedule.map((t) => textOf(t.before))).toEqual([
      "KPI schedule, Jun 2022 to Sep 2022 (part 1 of 2)",
      "KPI schedule, Mar 2022 to May 2022 (part 2 of 2)",
    ]);
    expect(contract.kpis).toHaveLength(27);
    for (const table of schedule) {
      for (const kpi of contract.kpis) {
        const row = table.rows.find((r) => r.cells[1]?.text === String(kpi.number));
        expect(row, `KPI ${kpi.number}`).toBeDefined();
        // A description the page breaks inside is two paragraphs, one on each page.
        expect(row!.cells[2]!.text.replace(/\n/g, " ")).toBe(kpi.description);
        expect(row!.cells[0]!.text).toBe(kpi.serviceCriteria);
      }
      // The compliments row has no KPI number: it is headed in its first cell.
      expect(table.rows.some((r) => r.cells[0]?.text === "Compliments" && r.cells[1]?.text === "None")).toBe(
        true,
      );
    }
  });

  it("has every month's heading in the schedule's header rows, the reporting month's part first, each part oldest first", () => {
    const headers = out.schedule.map((t) => t.rows[0]!.cells.map((c) => c.text));
    const months = headers.flat().filter((h) => /^[A-Z][a-z]+ \d{4}$/.test(h));
    expect(months).toEqual([
      "June 2022",
      "July 2022",
      "August 2022",
      "September 2022",
      "March 2022",
      "April 2022",
      "May 2022",
    ]);
    expect(headers[0]).toEqual([
      "Service Criteria",
      "KPI Number",
      "KPI",
      "Rank",
      "June 2022",
      "July 2022",
      "August 2022",
      "September 2022",
      "Service Required",
    ]);
  });

  it("has every MSR's full text, with its linked KPIs and the council's comment", () => {
    const msrs = out.tables[out.tables.length - 1]!;
    expect(textOf(msrs.before)).toBe("Minimum Service Requirements and their linked KPIs, September 2022");
    expect(contract.msrs).toHaveLength(12);
    for (const msr of contract.msrs) {
      const row = msrs.rows.find((r) => r.cells[0]?.text === String(msr.number));
      expect(row, `MSR ${msr.number}`).toBeDefined();
      expect(row!.cells[1]!.text).toBe(msr.text);
      if (msr.linkedKpis.length === 0) expect(row!.cells[2]!.text).toBe("No KPI linked to this MSR");
      for (const k of msr.linkedKpis)
        expect(row!.cells[2]!.text).toContain(
          `KPI ${k}, ${contract.kpis.find((x) => x.number === k)!.shortName}: `,
        );
    }
    const first = msrs.rows.find((r) => r.cells[0]?.text === "1")!;
    expect(first.cells[3]!.text).toBe("Not met: KPI 5, 26 and 27");
    expect(first.cells[4]!.text).toContain("KPI 26 and 27 – Due to high sickness levels");
  });

  it("says the summary's counts and the seed's commentary", () => {
    expect(out.text).toContain(
      "For the month of September 2022, of the 27 KPIs in the contract, 24 were fully achieved and 3 did not fully meet the requirements (KPI 5, 26 and 27).",
    );
    expect(out.text).toContain("95.2%%");
    expect(out.text).toContain("Kingsdown 87 crew changes over 690 trips");
    // The supplier's line breaks are kept as breaks, one school a line.
    expect(out.text).toContain(
      "Kingsdown 87 crew changes over 690 trips\nSt Christophers 43 crew changes over 598 trips",
    );
  });

  it("colours only what the model colours, and says the outcome in words too", () => {
    const part1 = out.schedule[0]!;
    const kpi26 = part1.rows.find((r) => r.cells[1]?.text === "26")!;
    const september = kpi26.cells[7]!;
    expect(september.text.split("\n")[0]).toBe("Not met");
    expect(attr(september.xml, "w:shd", "w:fill")).toEqual(["F8D3D3"]);
    const kpi1 = part1.rows.find((r) => r.cells[1]?.text === "1")!;
    expect(kpi1.cells[7]!.text.split("\n")[0]).toBe("Met");
    expect(attr(kpi1.cells[7]!.xml, "w:shd", "w:fill")).toEqual(["D5EFD9"]);
    // August is not the reporting month: no fill.
    expect(attr(kpi1.cells[6]!.xml, "w:shd", "w:fill")).toEqual([]);
    for (const table of out.tables)
      for (const cell of table.rows[0]!.cells) expect(attr(cell.xml, "w:shd", "w:fill")).toEqual(["1F3864"]);
  });

  it("makes outcomes bold and notes grey through the table text styles, not on every run", () => {
    const styles = out.files["word/styles.xml"]!;
    const style = (id: string) =>
      styles.match(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`, "s"))![0];
    expect(style("TableTextStrong")).toContain("<w:b/>");
    expect(style("TableTextStrong")).toContain('<w:basedOn w:val="TableText"/>');
    expect(style("TableTextNote")).toContain('<w:color w:val="4D4D4D"/>');
    const kpi26 = out.schedule[0]!.rows.find((r) => r.cells[1]?.text === "26")!;
    const september = paragraphsOf(kpi26.cells[7]!.xml);
    expect(textOf(september[0]!)).toBe("Not met");
    expect(september[0]).toContain('<w:pStyle w:val="TableTextStrong"/>');
    const notes = out.tables
      .flatMap((t) => paragraphsOf(t.xml))
      .filter((p) => p.includes('<w:pStyle w:val="TableTextNote"/>'));
    expect(notes.some((p) => textOf(p).startsWith("Not verified by the council"))).toBe(true);
    for (const table of out.tables) expect(table.xml).not.toContain("<w:rPr>");
  });

  it("leaves no cell empty", () => {
    for (const table of out.tables)
      for (const row of table.rows) for (const cell of row.cells) expect(cell.text.trim()).not.toBe("");
  });

  it("marks each table's first row as a header row that repeats, and no other", () => {
    for (const table of out.tables) {
      expect(table.rows[0]!.xml).toMatch(/<w:trPr>[^]*?<w:tblHeader\/>[^]*?<\/w:trPr>/);
      for (const row of table.rows.slice(1)) expect(row.xml).not.toContain("w:tblHeader");
    }
  });

  it('keeps every row whole: a row the PDF splits over a page is two here, the second marked "(continued)"', () => {
    for (const table of out.tables) {
      expect(table.pieces[0]!.xml).toMatch(/<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
      for (const row of table.pieces.slice(1))
        expect(row.xml).toMatch(/^<w:tr><w:trPr><w:cantSplit\/><\/w:trPr>/);
    }
    const markers = out.tables.flatMap((t) =>
      t.pieces.map((r) => paragraphsOf(r.cells[0]!.xml)[0]!).filter((p) => /\(continued\)$/.test(textOf(p))),
    );
    expect(markers.length).toBeGreaterThan(0);
    // Each starts the page the PDF carries its row over to, in the marker's own style.
    for (const marker of markers)
      expect(marker).toMatch(/<w:pStyle w:val="TableContinued"\/><w:pageBreakBefore\/>/);
  });

  it("fixes the table layout and gives the grid and every cell the same widths in twips", () => {
    for (const table of out.tables) {
      expect(table.xml).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = attr(table.xml.replace(/<w:tr>.*$/s, ""), "w:gridCol", "w:w").map(Number);
      for (const row of table.rows)
        expect(row.cells.map((c) => Number(attr(c.xml, "w:tcW", "w:w")[0]))).toEqual(grid);
      expect(attr(table.xml, "w:tcW", "w:type").every((t) => t === "dxa")).toBe(true);
    }
    // Widths are the layout's (sized from content; test/render/column-widths.test.ts): a full
    // table spans A4 landscape less two 36 pt margins, 769.89 pt or 15398 twips, and the
    // schedule's shorter earlier part lines up with the part above it, column for column.
    const grids = out.schedule.map((t) =>
      attr(t.xml.replace(/<w:tr>.*$/s, ""), "w:gridCol", "w:w").map(Number),
    );
    const [part1, part2] = grids as [number[], number[]];
    expect(part1.reduce((a, b) => a + b, 0)).toBe(15398);
    expect(part2.length).toBeLessThan(part1.length);
    expect(part2.slice(0, -1)).toEqual(part1.slice(0, part2.length - 1));
    // The same width in points; in twips each edge is rounded where it falls, so within a twip.
    expect(Math.abs(part2.at(-1)! - part1.at(-1)!)).toBeLessThanOrEqual(1);
  });

  it("names each table for assistive technology, says what it holds, and captions it above with the Caption style", () => {
    for (const table of out.tables) {
      const caption = textOf(table.before);
      expect(table.before).toContain('<w:pStyle w:val="Caption"/>');
      expect(attr(table.xml, "w:tblCaption", "w:val").map(decode)).toEqual([caption]);
      const [description] = attr(table.xml, "w:tblDescription", "w:val").map(decode);
      expect(description).not.toBe(caption);
      expect(description).toMatch(
        /^One row for each (of the contract's 27 KPIs|of the 12 Minimum Service Requirements|outcome a KPI can have|KPI not met or not captured|month the chart shows)/,
      );
      // The header row is on in the table's look, as Word's Table Design tab shows it.
      expect(attr(table.xml, "w:tblLook", "w:firstRow")).toEqual(["1"]);
    }
    expect(out.files["word/styles.xml"]).toMatch(
      /<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"\/>/,
    );
  });

  it("uses real heading styles for the month at a glance and the two appendices", () => {
    const headings = paragraphsOf(out.document)
      .filter((p) => p.includes('<w:pStyle w:val="Heading1"/>'))
      .map(textOf);
    expect(headings).toEqual([
      "Summary: September 2022 at a glance",
      "Appendix 1: KPI schedule, September 2022",
      "Appendix 2: Minimum Service Requirements, September 2022",
    ]);
    expect(out.files["word/styles.xml"]).toContain('w:styleId="Heading1"><w:name w:val="Heading 1"/>');
  });

  it("lays out three A4 landscape sections (the glance, then each appendix), each starting a new page, numbered from 1", () => {
    const sections = [...out.document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(sections).toHaveLength(3);
    for (const section of sections) {
      expect(section).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
      // The bottom margin is 4 pt lower than the PDF's, room for rounding: every page break is the layout's.
      expect(section).toMatch(/<w:pgMar w:top="720" w:right="720" w:bottom="640" w:left="720"/);
      expect(section).toContain('<w:type w:val="nextPage"/>');
    }
    expect(attr(sections[0]!, "w:pgNumType", "w:start")).toEqual(["1"]);
    // The others continue the numbering.
    expect(attr(sections[1]!, "w:pgNumType", "w:start")).toEqual([]);
    expect(attr(sections[2]!, "w:pgNumType", "w:start")).toEqual([]);
  });

  it("gives each section a footer with its title and a PAGE field", () => {
    const sections = [...out.document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    const rels = out.files["word/_rels/document.xml.rels"]!;
    const footers = sections.map((s) => {
      const id = attr(s, "w:footerReference", "r:id")[0]!;
      const target = rels.match(
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`),
      )!;
      return out.files[`word/${target[1] ?? target[2]}`]!;
    });
    expect(textOf(footers[0]!)).toBe("Summary: September 2022 at a glance\tPage ");
    expect(textOf(footers[1]!)).toBe("Appendix 1: KPI schedule, September 2022\tPage ");
    expect(textOf(footers[2]!)).toBe("Appendix 2: Minimum Service Requirements, September 2022\tPage ");
    for (const footer of footers)
      expect(footer).toMatch(
        /<w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGE<\/w:instrText>/,
      );
  });

  it("sets en-GB and Source Sans 3, embedded, for every run in the document defaults, and no text below 8 pt", async () => {
    const styles = out.files["word/styles.xml"]!;
    const defaults = styles.match(/<w:rPrDefault>.*?<\/w:rPrDefault>/s)![0];
    expect(defaults).toContain('<w:lang w:val="en-GB"/>');
    expect(defaults).toContain(
      '<w:rFonts w:ascii="Source Sans 3" w:cs="Source Sans 3" w:eastAsia="Source Sans 3" w:hAnsi="Source Sans 3"/>',
    );
    // Both faces in the font table, each an obfuscated part of the package that un-obfuscates to a TrueType font.
    const table = out.files["word/fontTable.xml"]!;
    expect(table).toMatch(
      /<w:font w:name="Source Sans 3">.*<w:embedRegular r:id="rId1" w:fontKey="\{[0-9A-F-]{36}\}" w:subsetted="1"\/><w:embedBold r:id="rId2"/,
    );
    const rels = out.files["word/_rels/fontTable.xml.rels"]!;
    // Kept when the file is saved again in Word.
    expect(out.files["word/settings.xml"]).toContain("<w:embedTrueTypeFonts/><w:saveSubsetFonts/>");
    const keys = [...table.matchAll(/r:id="(rId\d)" w:fontKey="\{([0-9A-F-]+)\}"/g)];
    expect(keys).toHaveLength(2);
    for (const [, id, key = ""] of keys) {
      const target = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1]!;
      const { unzipSync } = await import("fflate");
      const font = unzipSync(out.bytes)[`word/${target}`]!;
      const keyBytes = key
        .replace(/-/g, "")
        .match(/../g)!
        .map((h) => Number.parseInt(h, 16))
        .reverse();
      const head = font.subarray(0, 4).map((b, i) => b ^ keyBytes[i % 16]!);
      expect([...head]).toEqual([0, 1, 0, 0]);
    }
    // No run or style says another language.
    expect(attr(out.document + styles, "w:lang", "w:val")).toEqual(["en-GB"]);
    const sizes = [...attr(out.document, "w:sz", "w:val"), ...attr(styles, "w:sz", "w:val")].map(Number);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
  });

  it("has the glance's chart as a PNG picture whose alt text (wp:docPr descr) gives every month's figures", async () => {
    const pictures = [...out.document.matchAll(/<w:drawing>.*?<\/w:drawing>/gs)].map((m) => m[0]);
    expect(pictures).toHaveLength(1);
    const [descr] = attr(pictures[0]!, "wp:docPr", "descr").map(decode);
    expect(descr).toMatch(
      /^Stacked bar chart of how many of the 27 KPIs were met, not met, not captured, not applicable or not due in each month from March 2022 to September 2022\. /,
    );
    expect(descr).toContain("March 2022: 1 met, 21 not captured, 3 not applicable and 2 not due.");
    expect(descr).toContain("September 2022: 24 met and 3 not met.");
    expect(attr(pictures[0]!, "wp:docPr", "title").map(decode)).toEqual([
      "KPI outcomes by month, March 2022 to September 2022",
    ]);
    // The picture's relationship points at a PNG part that is in the package, and Word knows the type.
    const [embed] = attr(pictures[0]!, "a:blip", "r:embed");
    const target = out.files["word/_rels/document.xml.rels"]!.match(
      new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${embed}"`),
    )!;
    const { unzipSync } = await import("fflate");
    const png = unzipSync(out.bytes)[`word/${target[1] ?? target[2]}`]!;
    expect(Buffer.from(png.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    // The PDF's chart, 640 by 240 pt, at three pixels a point: PNG's IHDR holds the width and height.
    expect([Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)]).toEqual([1920, 720]);
    expect(out.files["[Content_Types].xml"]).toContain('<Default ContentType="image/png" Extension="png"/>');
    // The figures follow as a table, captioned.
    expect(out.tables.map((t) => textOf(t.before))).toContain(
      "KPI outcomes by month, March 2022 to September 2022: the figures",
    );
  });

  it("ends every KPI's September cell with its direction of travel, in a symbol and words", () => {
    const part1 = out.schedule[0]!;
    const directions = part1.rows.slice(1, 28).map((r) => r.cells[7]!.text.split("\n").at(-1));
    for (const d of directions) expect(d).toMatch(/^(▲ better|= same|▼ worse|– not comparable): /);
    expect(directions[1]).toBe("= same: 100%, as in August 2022");
    // August's cells carry none.
    for (const row of part1.rows.slice(1, 28))
      expect(row.cells[6]!.text).not.toMatch(/(▲ better|= same|▼ worse|– not comparable): /);
  });

  it("has the title, subject, author and the data's date in docProps/core.xml", () => {
    const core = out.files["docProps/core.xml"]!;
    expect(core).toContain(
      "<dc:title>Vecteo performance against KPIs and Minimum Service Requirements, September 2022</dc:title>",
    );
    expect(core).toContain("<dc:creator>Southend-on-Sea City Council</dc:creator>");
    expect(core).toMatch(
      /<dc:subject>Services Agreement: .*Minimum Service Requirements for September 2022<\/dc:subject>/,
    );
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2022-09-01T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-09-01T00:00:00Z</dcterms:modified>',
    );
  });
});

describe("DOCX for a twelve-month span, October 2021 to September 2022", () => {
  it("has a column for every month, says 'No return' where there was none, and numbers pages from --start-page", async () => {
    const out = await render(await bundledReport({ month: "2022-09", from: "2021-10", startPage: 14 }));
    const months = out.schedule
      .flatMap((t) => t.rows[0]!.cells.map((c) => c.text))
      .filter((h) => /^[A-Z][a-z]+ \d{4}$/.test(h));
    // The reporting month's part first; each part after it goes further back.
    expect(months).toEqual([
      "June 2022",
      "July 2022",
      "August 2022",
      "September 2022",
      "February 2022",
      "March 2022",
      "April 2022",
      "May 2022",
      "October 2021",
      "November 2021",
      "December 2021",
      "January 2022",
    ]);
    const part3 = out.schedule[2]!;
    // October to January have no return: every KPI's month cell says so.
    for (const row of part3.rows.slice(1))
      for (const cell of row.cells.slice(4, 8)) expect(cell.text).toBe("No return");
    const sections = [...out.document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(attr(sections[0]!, "w:pgNumType", "w:start")).toEqual(["14"]);
    expect(attr(sections[1]!, "w:pgNumType", "w:start")).toEqual([]);
  });
});

describe("a row taller than a page", () => {
  it("splits like any other row, so no reader clips it, and keeps all its text", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const msrBlock = model.sections
      .find((s) => s.footer.startsWith("Appendix 2"))!
      .blocks.find((b) => b.type === "table")!;
    if (msrBlock.type !== "table") throw new Error("no MSR table");
    const long = Array.from(
      { length: 80 },
      (_, i) => `Route ${i + 1}: covered by office staff after driver sickness.`,
    ).join("\n");
    msrBlock.table.rows[2]!.cells[4]!.paragraphs.push({ text: long, role: "body" });
    const out = await render(model);
    const rows = out.tables[out.tables.length - 1]!.rows;
    // Split where the PDF splits it, over as many pages as it takes, every piece a row Word keeps whole.
    expect(rows[3]!.xml.split("(continued)</w:t>").length).toBeGreaterThan(2);
    expect(rows[3]!.cells[4]!.text).toContain("Route 1: covered by office staff after driver sickness.");
    expect(rows[3]!.cells[4]!.text).toContain("Route 80: covered by office staff after driver sickness.");
  });
});
