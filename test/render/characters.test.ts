import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/model/document.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderHtml } from "../../src/render/html/index.js";
import { copyData, editCell } from "../helpers/data-copy.js";
import { unzipText } from "../helpers/docx-read.js";
import { bundledReport } from "../helpers/report-model.js";
import { runCli } from "../helpers/run-cli.js";
import { readPdf } from "./pdf-read.js";

/**
 * Every character a supplier types reaches the reader, or is named: emoji and symbols Source
 * Sans 3 lacks are drawn in the fallback face and come back out of the PDF's text; what no face
 * has is a warning; characters XML forbids never reach a DOCX or an HTML page.
 */

const COMMENTARY = "Great month 😀 for the 🚌 team ☎ and ★ done";

describe("characters beyond the main font", () => {
  it("a commentary with emoji: the PDF draws them in the fallback face and gives them back as text; the one no face has is a warning", async () => {
    const data = copyData();
    // KPI 1's commentary, as a supplier would type it in Excel.
    await editCell(join(data, "returns", "2022-09.xlsx"), "KPIs", "J2", COMMENTARY);
    const out = mkdtempSync(join(tmpdir(), "kpi-emoji-"));
    const run = runCli([
      "build",
      "--month",
      "2022-09",
      "--data",
      data,
      "--out",
      out,
      "--formats",
      "pdf,docx",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      'kpi-report: warning: appendices-2022-09.pdf: The PDF has no font that can draw "★" (U+2605); it is shown as an empty box. The DOCX and HTML keep it.\n',
    );
    const pdf = await readPdf(readFileSync(join(out, "appendices-2022-09.pdf")));
    const text = pdf.pages.map((p) => p.tagged).join(" ");
    for (const emoji of ["😀", "🚌", "☎"]) expect(text).toContain(emoji);
    expect(text).toContain("Great month 😀 for the 🚌 team ☎ and");
    const fonts = spawnSync("pdffonts", [join(out, "appendices-2022-09.pdf")], { encoding: "utf8" });
    if (fonts.status === 0)
      expect(fonts.stdout).toMatch(/\+NotoEmoji-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(unzipText(readFileSync(join(out, "appendices-2022-09.docx")))["word/document.xml"]).toContain(
      COMMENTARY,
    );
  }, 120_000);

  it("a report without them embeds no fallback face", async () => {
    const pdf = await readPdf(
      await (await import("../../src/render/pdf/index.js")).renderPdf(
        await bundledReport({ month: "2022-09", from: "2022-09" }),
      ),
    );
    expect(pdf.raw).not.toContain("NotoEmoji");
  });

  it("characters XML forbids never reach the DOCX or the HTML", async () => {
    const model: ReportDocument = structuredClone(await bundledReport({ month: "2022-09", from: "2022-09" }));
    const table = model.sections
      .find((s) => s.footer.startsWith("Appendix 1"))!
      .blocks.find((b) => b.type === "table")!;
    if (table.type !== "table") throw new Error("no table");
    table.table.rows[0]!.cells[4]!.paragraphs.push({
      text: "pasted from Word:\u000Bnext\u0001line \uFFFE end",
      role: "body",
    });
    model.sections[0]!.blocks.push({
      type: "paragraph",
      paragraph: { text: "body\u000Ctext", role: "body" },
    });
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
    const docx = unzipText(await renderDocx(model));
    // The chart's PNG is a picture, not XML.
    for (const [part, xml] of Object.entries(docx))
      if (!part.startsWith("word/media/") && !part.startsWith("word/fonts/"))
        expect(forbidden.test(xml), part).toBe(false);
    expect(docx["word/document.xml"]).toContain("pasted from Word:nextline  end");
    expect(docx["word/document.xml"]).toContain("bodytext");
    const html = Buffer.from(await renderHtml(model)).toString("utf8");
    expect(forbidden.test(html)).toBe(false);
    expect(html).toContain("pasted from Word:nextline  end");
  });
});
