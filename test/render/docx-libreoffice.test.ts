import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { bundledReport } from "../helpers/report-model.js";

/**
 * LibreOffice is the other program the DOCX must lay out right (and what many councils'
 * publishing tools convert with). Skipped where soffice is not installed
 * (apt-get install libreoffice-writer-nogui).
 */
const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const work = mkdtempSync(join(tmpdir(), "kpi-docx-lo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function pdfPages(path: string): Promise<{ width: number; height: number; text: string }[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    pages.push({
      width,
      height,
      text: content.items
        .map((i) => ("str" in i ? i.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    });
  }
  return pages;
}

/** Converts with a profile of its own, so it cannot collide with another soffice running. */
function convert(docx: string): string {
  const profile = pathToFileURL(join(work, "profile")).href;
  const run = spawnSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, docx],
    { encoding: "utf8", timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return docx.replace(/\.docx$/, ".pdf");
}

async function writePdf(bytes: Uint8Array): Promise<string> {
  const path = join(work, "appendices-2022-09.kpi-report.pdf");
  writeFileSync(path, bytes);
  return path;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe.skipIf(!hasSoffice)("LibreOffice's rendering of the DOCX", () => {
  for (const [from, parts] of [
    ["2022-03", 2],
    ["2021-10", 3],
  ] as const) {
    it(`converts the ${from} to 2022-09 schedule with every part's rows, on landscape pages numbered on`, {
      timeout: 180_000,
    }, async () => {
      const docx = join(work, `appendices-from-${from}.docx`);
      writeFileSync(docx, await renderDocx(await bundledReport({ month: "2022-09", from, startPage: 3 })));
      const pages = await pdfPages(convert(docx));
      const text = pages.map((p) => p.text).join(" ");
      for (const page of pages) expect(page.width).toBeGreaterThan(page.height);
      // The first and the last row of every part are there (LibreOffice 7.4 once dropped whole runs
      // of rows after a header row left alone at the foot of a page).
      expect(count(text, "Full written report of accidents")).toBe(parts);
      expect(count(text, "Compliments received this month")).toBe(parts);
      expect(count(text, "Passenger Assistant changes to allocated routes")).toBe(parts);
      expect(text).toContain("Appendix 2: Minimum Service Requirements, September 2022");
      expect(pages[0]!.text).toContain("Page 3");
      expect(pages[pages.length - 1]!.text).toContain(`Page ${pages.length + 2}`);
    });
  }

  it("paginates September as the PDF does, within a page, each section too", {
    timeout: 180_000,
  }, async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const docx = join(work, "appendices-2022-09.docx");
    writeFileSync(docx, await renderDocx(model));
    const pdf = await pdfPages(await writePdf(await renderPdf(model)));
    const converted = await pdfPages(convert(docx));
    const sections = (pages: { text: string }[]) =>
      [
        "Summary: September 2022 at a glance",
        "Appendix 1: KPI schedule, September 2022",
        "Appendix 2: Minimum Service Requirements, September 2022",
      ].map((footer) => pages.filter((p) => new RegExp(`${footer} Page \\d+\\b`).test(p.text)).length);
    expect(
      Math.abs(converted.length - pdf.length),
      `${converted.length} DOCX pages, ${pdf.length} PDF pages`,
    ).toBeLessThanOrEqual(1);
    const [a, b] = [sections(converted), sections(pdf)];
    expect(a.reduce((x, y) => x + y)).toBe(converted.length);
    a.forEach((n, i) =>
      expect(Math.abs(n - b[i]!), `section ${i + 1}: ${a} and ${b}`).toBeLessThanOrEqual(1),
    );
  });
});
