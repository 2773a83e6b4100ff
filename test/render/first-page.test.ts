import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderHtml } from "../../src/render/html/index.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { bundledContract } from "../helpers/contract.js";
import { paragraphsOf, textOf, unzipText } from "../helpers/docx-read.js";
import { bundledReport } from "../helpers/report-model.js";
import { readPdf, squash } from "./pdf-read.js";

/**
 * The first page says whose figures these are: the council, the supplier, the contract and the
 * month, from the contract, whether the summary at a glance opens the document or is left out.
 * A contract for another service (waste collection, here) gets its own names and no word of
 * Southend's, so nothing on the page comes from the code's idea of the service.
 */

const waste = {
  ...bundledContract(),
  council: "Northshire County Council",
  supplier: "Greenbin Services Ltd",
  title: "Household waste and recycling collection contract",
  committee: "Environment Scrutiny Panel",
};

const NAMES = [
  "Council: Northshire County Council.",
  "Supplier: Greenbin Services Ltd.",
  "Contract: Household waste and recycling collection contract.",
  "Month reported: September 2022.",
  "For the Environment Scrutiny Panel.",
];

/** What the first page of the PDF, the first Word section's opening paragraphs and the HTML's first section say. */
async function firstPages(glance: boolean): Promise<{ pdf: string; docx: string; html: string }> {
  const model = await bundledReport({ month: "2022-09", from: "2022-09", contract: waste, glance });
  const pdf = (await readPdf(await renderPdf(model))).pages[0]!.tagged;
  const document = unzipText(await renderDocx(model))["word/document.xml"]!;
  const docx = paragraphsOf(document).slice(0, 4).map(textOf).join(" ");
  const html = Buffer.from(await renderHtml(model)).toString("utf8");
  const first = html.slice(html.indexOf('<section class="section-1"'), html.indexOf("</section>"));
  return { pdf, docx, html: squash(first.replace(/<[^>]+>/g, " ")) };
}

describe("the first page names the council, the supplier, the contract and the month", () => {
  for (const glance of [true, false]) {
    it(
      glance ? "under the summary at a glance" : "under Appendix 1's heading, with the glance left out",
      async () => {
        const pages = await firstPages(glance);
        for (const [format, text] of Object.entries(pages)) {
          expect(text, format).toMatch(
            glance ? /^Summary: September 2022 at a glance/ : /^Appendix 1: KPI schedule, September 2022/,
          );
          for (const name of NAMES) expect(text, `${format}: ${name}`).toContain(name);
          // The opening, before the tables (whose KPI wording and commentary are the bundled data's own, as is the reviewer's job title).
          const opening = text.slice(0, text.search(/Outcomes against|Each month shows/));
          expect(opening.length, format).toBeGreaterThan(100);
          expect(opening, format).not.toMatch(/Southend|Vecteo|SEND|Services Agreement|passenger/i);
        }
      },
    );
  }

  it("leaves the glance out whole when asked: no heading, page or bookmark of it", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03", glance: false });
    expect(model.sections.map((s) => s.footer)).toEqual([
      "Appendix 1: KPI schedule, September 2022",
      "Appendix 2: Minimum Service Requirements, September 2022",
    ]);
    const pdf = await readPdf(await renderPdf(model));
    expect(pdf.pages.map((p) => p.tagged).join(" ")).not.toContain("at a glance");
    expect(pdf.raw).not.toContain("/S /Figure");
  });
});
