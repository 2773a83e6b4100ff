/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions given to page.evaluate run in the browser, on its DOM.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderHtml } from "../../src/render/html/index.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { hasChromium, launchChromium } from "../helpers/browser.js";
import { bundledContract } from "../helpers/contract.js";
import { paragraphsOf, tablesOf, textOf, unzipText } from "../helpers/docx-read.js";
import { bundledReport } from "../helpers/report-model.js";
import { nodes, readPdf, textOf as pdfTextOf } from "./pdf-read.js";

/**
 * One model, three documents: every table row of September's report, read back from the PDF's
 * structure tree, the DOCX's XML and the HTML page in Chromium, says the same words in the same
 * cells. Whitespace is compared collapsed: each format breaks lines its own way. pdf.js gives a
 * line's end as a space, also where the PDF broke a line after a hyphen or slash ("sub-" /
 * "contractor"), so a space after a hyphen or slash that follows a letter is dropped in every
 * format alike.
 */

const squash = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/(?<=\S[-/]) (?=\S)/g, "")
    .trim();
type Rows = string[][];
const contract = bundledContract();

describe("PDF, DOCX and HTML say the same words", () => {
  const read: { pdf?: Rows; docx?: Rows; html?: Rows } = {};

  beforeAll(async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const pdf = await readPdf(await renderPdf(model));
    // Each TR of the document's structure tree in reading order, a row split at a page break once;
    // the header rows repeated on later pages and the "(continued)" markers are artifacts, not content.
    read.pdf = nodes(pdf.tree)
      .filter((n) => n.role === "TR")
      .map((tr) => tr.children.map((c) => squash(pdfTextOf(c))));
    const docx = unzipText(await renderDocx(model))["word/document.xml"]!;
    read.docx = tablesOf(docx).flatMap((t) =>
      t.rows.map((r) => r.cells.map((c) => squash(paragraphsOf(c.xml).map(textOf).join(" ")))),
    );
    if (hasChromium) {
      const file = join(mkdtempSync(join(tmpdir(), "kpi-words-")), "report.html");
      writeFileSync(file, await renderHtml(model));
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(file).href);
        read.html = await page.evaluate(() =>
          [...document.querySelectorAll("table tr")].map((tr) =>
            [...tr.querySelectorAll("th, td")].map((c) =>
              (c as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
            ),
          ),
        );
      } finally {
        await browser.close();
      }
    }
  }, 120_000);

  it("has every row of the glance and both appendices in the PDF and the DOCX: the glance's 7, 4 and 8, a header and 28 rows per schedule part, a header and 12 MSRs", () => {
    const expected = 7 + 4 + 8 + 2 * (1 + contract.kpis.length + 1) + 1 + contract.msrs.length;
    expect(read.pdf).toHaveLength(expected);
    expect(read.docx).toHaveLength(expected);
    // Every KPI row of the schedule (8 or 9 cells: the glance's tables have fewer) is there by its number, and no cell is empty.
    const numbers = read.docx!.filter((r) => r.length >= 8).map((r) => r[1]);
    for (const kpi of contract.kpis) expect(numbers.filter((n) => n === String(kpi.number))).toHaveLength(2);
    for (const row of read.docx!) for (const cell of row) expect(cell).not.toBe("");
  });

  it("in the PDF and the DOCX, cell by cell", () => {
    expect(read.pdf).toEqual(read.docx);
  });

  it.skipIf(!hasChromium)("in the HTML and the DOCX, cell by cell", () => {
    expect(read.html).toEqual(read.docx);
  });
});
