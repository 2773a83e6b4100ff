import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf, unzipText } from "../helpers/docx-read.js";
import { copyData } from "../helpers/data-copy.js";
import { type CliRun, runCli } from "../helpers/run-cli.js";
import { readPdf } from "../render/pdf-read.js";

/**
 * A contract without Minimum Service Requirements (Southend's KPIs, its `msrs` left out) builds as any
 * other: no warning on any command, --strict content, and no Appendix 2 in any format, rather than an
 * empty "MSRs 1 to 0" page. Its council reviews have no MSR comments.
 */
let data: string;
let out: string;
let build: CliRun;
beforeAll(async () => {
  data = copyData();
  const contract = JSON.parse(readFileSync(join(data, "contract.json"), "utf8"));
  delete contract.msrs;
  writeFileSync(join(data, "contract.json"), JSON.stringify(contract, null, 2));
  // The council's reviews, with their MSR comments taken out as an officer would delete the rows.
  for (const file of readdirSync(join(data, "reviews"))) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(data, "reviews", file));
    const comments = workbook.getWorksheet("MSR comments")!;
    for (let r = 2; r <= comments.rowCount; r++) comments.getRow(r).values = [];
    await workbook.xlsx.writeFile(join(data, "reviews", file));
  }
  out = mkdtempSync(join(tmpdir(), "kpi-no-msrs-"));
  build = runCli(["build", "--month", "2022-09", "--data", data, "--out", out, "--strict"]);
}, 240_000);
afterAll(() => {
  rmSync(dirname(data), { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

// Our words only: the bundled commentary and council notes speak of "Appendix 2, MSR 4", as Southend's did.
const MSR_WORDS = /Appendix 2:|Minimum Service Requirement|Linked KPIs/;

describe("a contract without MSRs", () => {
  it("builds with --strict, with no warning", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });

  it("has no Appendix 2 in the PDF, its text, bookmarks or title", async () => {
    const pdf = await readPdf(readFileSync(join(out, "appendices-2022-09.pdf")));
    const text = pdf.pages.map((p) => `${p.tagged} ${p.artifact}`).join(" ");
    expect(text).toContain("Appendix 1: KPI schedule, September 2022");
    expect(text).not.toMatch(MSR_WORDS);
    expect(String(pdf.info.Title)).not.toMatch(MSR_WORDS);
  });

  it("has no Appendix 2 in the DOCX", () => {
    const parts = unzipText(readFileSync(join(out, "appendices-2022-09.docx")));
    const text = textOf(parts["word/document.xml"]!);
    expect(text).toContain("Appendix 1: KPI schedule, September 2022");
    expect(text).not.toMatch(MSR_WORDS);
    expect(parts["docProps/core.xml"]).not.toMatch(MSR_WORDS);
  });

  it("has no Appendix 2 in the HTML", () => {
    const html = readFileSync(join(out, "appendices-2022-09.html"), "utf8");
    expect(html).toContain("Appendix 1: KPI schedule, September 2022");
    expect(html).not.toMatch(MSR_WORDS);
  });

  it("still reaches September's verdict, with no MSRs in the results", () => {
    const results = JSON.parse(readFileSync(join(out, "results-2022-09.json"), "utf8"));
    expect(results.summary.line).toBe("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
    expect(results.msrs).toEqual([]);
  });

  it("has status print no MSR table, and validate find nothing", () => {
    const status = runCli(["status", "--month", "2022-09", "--data", data]);
    expect([status.code, status.stderr]).toEqual([0, ""]);
    expect(status.stdout).toContain("24 KPIs achieved");
    expect(status.stdout).not.toMatch(MSR_WORDS);
    const validate = runCli(["validate", join(data, "returns", "2022-09.xlsx"), "--data", data]);
    expect([validate.code, validate.stderr]).toEqual([0, ""]);
    expect(validate.stdout).not.toMatch(/warning/i);
  });
});
