import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/contract.js";
import { runCli } from "../helpers/run-cli.js";
import { docxEdges, pdfEdges, unmatched } from "./grid-read.js";
import { footerOf, LEAST_FILL, shortPages } from "./page-fill.js";
import { readPdf, type PdfRead } from "./pdf-read.js";

/**
 * Issue 19's pages for services other than Southend's, and for a longer schedule: the example
 * contracts of docs/contracts/ and Southend from October 2021 (three parts of Appendix 1), built
 * by the CLI. No page but a section's last is under 60% filled; the DOCX's tables have the PDF's
 * grid; and LibreOffice's rendering of the DOCX keeps within a page of the PDF, section by
 * section (skipped where soffice is not installed).
 */

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const work = mkdtempSync(join(tmpdir(), "kpi-example-pages-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Built {
  pdf: PdfRead;
  pdfFile: string;
  docxFile: string;
}

async function build(name: string, args: readonly string[], month: string): Promise<Built> {
  const out = join(work, name);
  const run = runCli(["build", ...args, "--month", month, "--formats", "pdf,docx", "--out", out, "--quiet"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const pdfFile = join(out, `appendices-${month}.pdf`);
  return {
    pdf: await readPdf(readFileSync(pdfFile)),
    pdfFile,
    docxFile: join(out, `appendices-${month}.docx`),
  };
}

/** Each section's page count, by footer, in reading order. */
function sections(footers: readonly string[]): [string, number][] {
  const counts: [string, number][] = [];
  for (const footer of footers) {
    const last = counts[counts.length - 1];
    if (last && last[0] === footer) last[1]++;
    else counts.push([footer, 1]);
  }
  return counts;
}

async function footersOfFile(file: string): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const footers: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const text = content.items
      .map((item) => ("str" in item ? item.str : ""))
      .join(" ")
      .replace(/\s+/g, " ");
    // The footer is the section's title then "Page N": the last such pair on the page.
    const match = [...text.matchAll(/((?:Summary|Appendix \d)[^]*?) Page \d+/g)].pop();
    footers.push(match ? match[1]!.replace(/^.*((?:Summary|Appendix \d):)/, "$1").trim() : "");
  }
  return footers;
}

const CASES = [
  ["highways maintenance", ["--data", join(repoRoot, "docs/contracts/highways")], "2024-05"],
  ["leisure centres", ["--data", join(repoRoot, "docs/contracts/leisure")], "2024-06"],
  ["waste collection", ["--data", join(repoRoot, "docs/contracts/waste")], "2025-06"],
  ["Southend from October 2021", ["--from", "2021-10"], "2022-09"],
] as const;

describe.each(CASES)("the %s appendices", (name, args, month) => {
  let built: Built;
  beforeAll(async () => {
    built = await build(name.replace(/\s+/g, "-"), args, month);
  }, 120_000);

  it(`fill every page to ${LEAST_FILL * 100}% or more but a section's last`, () => {
    expect(built.pdf.pages.length).toBeGreaterThan(2);
    expect(shortPages(built.pdf)).toEqual([]);
  });

  it("draw the DOCX's table grids in the PDF", async () => {
    const docx = docxEdges(readFileSync(built.docxFile));
    expect(docx.length).toBeGreaterThan(1);
    expect(unmatched(docx, await pdfEdges(readFileSync(built.pdfFile)))).toEqual([]);
  });

  it.skipIf(!hasSoffice)(
    "paginate in LibreOffice's DOCX within a page of the PDF, each section too",
    {
      timeout: 180_000,
    },
    async () => {
      const profile = pathToFileURL(join(work, "profile")).href;
      const outdir = join(work, `${name.replace(/\s+/g, "-")}-lo`);
      const run = spawnSync(
        "soffice",
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          outdir,
          built.docxFile,
        ],
        { encoding: "utf8", timeout: 120_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const converted = sections(await footersOfFile(join(outdir, `appendices-${month}.pdf`)));
      const pdf = sections(built.pdf.pages.map(footerOf));
      expect(converted.map(([footer]) => footer)).toEqual(pdf.map(([footer]) => footer));
      converted.forEach(([footer, count], i) =>
        expect(
          Math.abs(count - pdf[i]![1]),
          `${footer}: DOCX ${count}, PDF ${pdf[i]![1]}`,
        ).toBeLessThanOrEqual(1),
      );
    },
  );
});
