import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../src/render/pdf/index.js";
import { bundledContract } from "../helpers/contract.js";
import { SEPTEMBER_HEADINGS } from "./september-headings.js";
import { bundledReport } from "../helpers/report-model.js";
import { nodes, readPdf, textOf, type PdfRead } from "./pdf-read.js";

/**
 * What makes September's PDF a PDF/UA document a checker and a reader can navigate: the
 * identifier in its XMP, bookmarks for every appendix and table part, page labels that follow
 * --start-page, lists tagged as lists, and a file qpdf finds sound (pdf.js repairs damage
 * silently, so it alone is not enough).
 */

const has = (tool: string, flag: string) => spawnSync(tool, [flag]).status === 0;
const tools = has("qpdf", "--version") && has("pdfinfo", "-v");
if (!tools)
  console.warn("Skipping the qpdf and pdfinfo checks of the PDF: apt-get install -y qpdf poppler-utils.");
const contract = bundledContract();

interface Bookmark {
  title: string;
  page: number;
  items: Bookmark[];
}

describe("September 2022's PDF, starting at page 227", () => {
  let file: string;
  let pdf: PdfRead;
  let bookmarks: Bookmark[];
  let labels: string[] | null;

  beforeAll(async () => {
    const bytes = await renderPdf(await bundledReport({ month: "2022-09", from: "2022-03", startPage: 227 }));
    file = join(mkdtempSync(join(tmpdir(), "kpi-pdfua-")), "appendices-2022-09.pdf");
    writeFileSync(file, bytes);
    pdf = await readPdf(bytes);
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const walk = async (items: { title: string; dest: unknown; items: unknown[] }[]): Promise<Bookmark[]> =>
      Promise.all(
        items.map(async (item) => {
          const [ref] = (typeof item.dest === "string" ? await doc.getDestination(item.dest) : item.dest) as [
            unknown,
          ];
          return {
            title: item.title,
            page: (await doc.getPageIndex(ref as never)) + 1,
            items: await walk(item.items as never),
          };
        }),
      );
    bookmarks = await walk(((await doc.getOutline()) ?? []) as never);
    labels = await doc.getPageLabels();
    await doc.destroy();
  }, 60_000);

  it.skipIf(!tools)("passes qpdf --check", () => {
    const run = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("No syntax or stream encoding errors found");
    expect(run.status).toBe(0);
  });

  it.skipIf(!tools)("declares PDF/UA-1 in its XMP metadata, as pdfinfo -meta shows it", () => {
    const meta = spawnSync("pdfinfo", ["-meta", file], { encoding: "utf8" }).stdout;
    expect(meta).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(meta).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(meta).toContain(
      "Vecteo performance against KPIs and Minimum Service Requirements, September 2022",
    );
  });

  it("has a bookmark for the glance and each appendix and, under each, its parts, at the page where that part starts", () => {
    expect(bookmarks.map((b) => [b.title, b.items.map((i) => i.title)])).toEqual([
      [
        "Summary: September 2022 at a glance",
        [
          "Outcomes against August 2022",
          "What changed since August 2022",
          "KPIs not met or not captured",
          "KPI outcomes by month, March 2022 to September 2022",
        ],
      ],
      [
        "Appendix 1: KPI schedule, September 2022",
        ["Part 1 of 2: June 2022 to September 2022", "Part 2 of 2: March 2022 to May 2022 (earlier months)"],
      ],
      [
        "Appendix 2: Minimum Service Requirements, September 2022",
        ["Minimum Service Requirements 1 to 12 and their linked KPIs"],
      ],
    ]);
    for (const bookmark of bookmarks.flatMap((b) => [b, ...b.items])) {
      const headings = nodes(pdf.pages[bookmark.page - 1]!.struct)
        .filter((n) => /^H[12]$/.test(n.role))
        .map(textOf);
      expect(headings, bookmark.title).toContain(bookmark.title);
      // ...and on no page before it.
      for (const page of pdf.pages.slice(0, bookmark.page - 1))
        expect(nodes(page.struct).map(textOf)).not.toContain(bookmark.title);
    }
  });

  it("labels its pages from 227, as its footers number them", () => {
    expect(labels).toEqual(pdf.pages.map((_, i) => String(227 + i)));
    pdf.pages.forEach((page, i) => expect(page.artifact).toContain(`Page ${227 + i}`));
  });

  it("tags an H2 for each part of the glance and each table part under its section's H1", () => {
    const headings = nodes(pdf.tree)
      .filter((n) => /^H\d$/.test(n.role))
      .map((n) => `${n.role} ${textOf(n)}`);
    expect(headings).toEqual(SEPTEMBER_HEADINGS);
  });

  it("tags Appendix 2's linked KPIs as lists: L > LI > LBody, one item per linked KPI", () => {
    // From the whole structure tree: a list in a row split at a page break is still one list.
    const lists = nodes(pdf.tree).filter((n) => n.role === "L");
    expect(lists.map((l) => l.children.length)).toEqual(
      contract.msrs.filter((m) => m.linkedKpis.length > 0).map((m) => m.linkedKpis.length),
    );
    for (const list of lists) {
      for (const item of list.children) {
        expect(item.role).toBe("LI");
        expect(item.children.map((c) => c.role)).toEqual(["LBody"]);
        expect(textOf(item)).toMatch(/^KPI \d+, .+: (Met|Not met|Not captured|Not applicable|Not due)$/);
      }
    }
  });
});

describe("a supplier whose name XML would misread", () => {
  it.skipIf(!tools)(
    "still has well-formed XMP metadata, and its name as given in the info dictionary",
    async () => {
      const model = await bundledReport({ month: "2022-09", from: "2022-09" });
      const bytes = await renderPdf({
        ...model,
        title: "Smith & Sons <Transport> performance",
        author: "A & B Council",
      });
      const path = join(mkdtempSync(join(tmpdir(), "kpi-xmp-")), "a.pdf");
      writeFileSync(path, bytes);
      const meta = spawnSync("pdfinfo", ["-meta", path], { encoding: "utf8" }).stdout;
      expect(meta).toContain(
        '<rdf:li xml:lang="x-default">Smith &amp; Sons &lt;Transport&gt; performance</rdf:li>',
      );
      expect(meta).toContain("<rdf:li>A &amp; B Council</rdf:li>");
      expect(meta).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
      expect(spawnSync("pdfinfo", [path], { encoding: "utf8" }).stdout).toMatch(
        /^Title:\s+Smith & Sons <Transport> performance$/m,
      );
    },
  );
});
