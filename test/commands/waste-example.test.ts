import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tablesOf, textOf as docxText, unzipText } from "../helpers/docx-read.js";
import { repoRoot } from "../helpers/contract.js";
import { type CliRun, runCli } from "../helpers/run-cli.js";
import { nodes, type PdfRead, readPdf, textOf } from "../render/pdf-read.js";

/**
 * docs/contracts/waste: a waste collection contract with ids as its schedule writes them (3a, 3b),
 * no ranks and no MSRs, and a month of returns made by the tool's commands and filled in by openpyxl
 * (its README). Built as an officer builds it, and read back from each format.
 */
const data = join(repoRoot, "docs", "contracts", "waste");
const IDS = ["1", "2", "3a", "3b", "4", "5", "6", "7", "8", "9", "10", "11"];
// Any word of Southend's service, or of our defaults for it, would be a passenger-transport assumption.
const TRANSPORT = /passenger|transport|journey|driver|school|route|\bSEND\b|Partnership|Vecteo|Southend/i;
const APPENDIX_2 = /Appendix 2|Minimum Service Requirement|\bMSRs?\b|Linked KPIs/;

let out: string;
let build: CliRun;
let pdf: PdfRead;
let docx: Record<string, string>;
let html: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "kpi-waste-"));
  build = runCli(["build", "--month", "2025-06", "--data", data, "--out", out, "--strict"]);
  pdf = await readPdf(readFileSync(join(out, "appendices-2025-06.pdf")));
  docx = unzipText(readFileSync(join(out, "appendices-2025-06.docx")));
  html = readFileSync(join(out, "appendices-2025-06.html"), "utf8");
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const pdfText = () => pdf.pages.map((p) => `${p.tagged} ${p.artifact}`).join(" ");

describe("the waste contract example (no MSRs, ids as written)", () => {
  it("builds with --strict and no warning, reaching the month's verdict", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, "results-2025-06.json"), "utf8"));
    expect(results.summary.line).toBe("9 KPIs achieved, 3 not met: KPI 3a, 4 and 8");
    expect(results.kpis.map((k: { number: number | string }) => String(k.number))).toEqual(IDS);
    expect(results.msrs).toEqual([]);
  });

  it("says what the contract has, with no MSR clause for a contract without MSRs", () => {
    const check = runCli(["build", "--check", "--verbose", "--month", "2025-06", "--data", data]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain(`Contract ${join(data, "contract.json")}: 12 KPIs; returns for 2025-06.`);
    expect(check.stderr).not.toMatch(/\bMSRs?\b/);
  });

  it("prints the ids as written, in natural order, as the PDF's row headers", () => {
    const headers = nodes(pdf.tree)
      .filter((n) => n.role === "TH")
      .map(textOf)
      .filter((h) => IDS.includes(h));
    // The glance's shortfalls (3a, 4, 8), then the schedule's every KPI.
    expect(headers).toEqual(["3a", "4", "8", ...IDS]);
    expect(pdfText()).toContain("did not fully meet the requirements (KPI 3a, 4 and 8)");
  });

  it("has no Appendix 2, no Rank column and no passenger-transport words in the PDF", () => {
    const text = pdfText();
    expect(text).toContain("Appendix 1: KPI schedule, June 2025");
    expect(text).not.toMatch(APPENDIX_2);
    expect(text).not.toMatch(TRANSPORT);
    expect(
      nodes(pdf.tree)
        .filter((n) => n.role === "TH")
        .map(textOf),
    ).not.toContain("Rank");
    expect(String(pdf.info.Title)).toBe("Greenway Environmental Ltd performance against KPIs, June 2025");
  });

  it("says the same in the DOCX", () => {
    const document = docx["word/document.xml"]!;
    const text = docxText(document);
    expect(text).toContain("Appendix 1: KPI schedule, June 2025");
    expect(text).not.toMatch(APPENDIX_2);
    expect(text).not.toMatch(TRANSPORT);
    const schedule = tablesOf(document).find((t) =>
      t.rows[0]!.cells.some((c) => c.text === "Service Required"),
    )!;
    expect(schedule.rows[0]!.cells.map((c) => c.text)).not.toContain("Rank");
    expect(schedule.rows.slice(1, 13).map((r) => r.cells[1]!.text)).toEqual(IDS);
  });

  it("says the same in the HTML", () => {
    expect(html).toContain("Appendix 1: KPI schedule, June 2025");
    expect(html).not.toMatch(APPENDIX_2);
    expect(html).not.toMatch(TRANSPORT);
    const rowHeaders = [
      ...html.matchAll(/<th scope="row"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?<p[^>]*>([^<]+)</g),
    ]
      .map((m) => m[1])
      .filter((h) => IDS.includes(h!));
    expect(rowHeaders).toEqual(["3a", "4", "8", ...IDS]);
  });

  it("has status and validate speak of no MSR", () => {
    const status = runCli(["status", "--month", "2025-06", "--data", data]);
    expect([status.code, status.stderr]).toEqual([0, ""]);
    expect(status.stdout).toContain("9 KPIs achieved, 3 not met: KPI 3a, 4 and 8");
    expect(status.stdout).not.toMatch(APPENDIX_2);
    const validate = runCli(["validate", join(data, "returns", "2025-06.xlsx"), "--data", data]);
    expect([validate.code, validate.stderr, validate.stdout]).toEqual([
      0,
      "",
      `${join(data, "returns", "2025-06.xlsx")}: valid, no problems found.\n`,
    ]);
  });
});
