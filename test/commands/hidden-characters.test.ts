import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { hiddenControls, showHiddenControls, withoutHiddenControls } from "../../src/text/hidden-controls.js";
import { copyData, editCell } from "../helpers/data-copy.js";
import { runCli } from "../helpers/run-cli.js";
import { readPdf } from "../render/pdf-read.js";

/** Every character the rule names: the bidirectional controls and the zero-width characters. */
const HIDDEN = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

describe("text that would display other than it holds", () => {
  it.each([
    ["a right-to-left override", "Achieved \u202E%001", ["U+202E"], "Achieved %001"],
    ["isolates", "KPI \u2067met\u2069 in full", ["U+2067", "U+2069"], "KPI met in full"],
    ["marks and the Arabic letter mark", "a\u200Eb\u200Fc\u061Cd", ["U+200E", "U+200F", "U+061C"], "abcd"],
    [
      "embeddings and the pop",
      "\u202A1\u202B2\u202C3\u202D",
      ["U+202A", "U+202B", "U+202C", "U+202D"],
      "123",
    ],
    [
      "zero-width characters",
      "com\u200Bplaint\u200Cs\u2060 \uFEFF",
      ["U+200B", "U+200C", "U+2060", "U+FEFF"],
      "complaints ",
    ],
    ["a joiner between letters", "a\u200Db", ["U+200D"], "ab"],
  ])("%s: named, taken out, shown as code points in a message", (_, text, codes, read) => {
    expect(hiddenControls(text).map((h) => h.code)).toEqual(codes);
    expect(withoutHiddenControls(text)).toBe(read);
    expect(showHiddenControls(text)).not.toMatch(HIDDEN);
    expect(showHiddenControls(text)).toContain(`<${codes[0]}>`);
  });

  it("keeps the joiner of an emoji sequence, which shows as what it holds", () => {
    const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467} and \u{1F3F3}\uFE0F\u200D\u{1F308}";
    expect(hiddenControls(family)).toEqual([]);
    expect(withoutHiddenControls(family)).toBe(family);
  });
});

/**
 * The bundled September return and review, edited as a supplier or officer typing in Excel would
 * leave them (exceljs writes the text as given): an override in a supplier's commentary, a
 * zero-width space and an isolate in a council comment.
 */
describe("a direction control or zero-width character in a return or a review", () => {
  const data = copyData();
  const out = mkdtempSync(join(tmpdir(), "kpi-hidden-"));
  const commentary = "Achieved \u202E%001 of journeys";
  const comment = "All Training and DBS\u200B records \u2066verified\u2069.";

  it("is named by validate with its cell and character, and no output carries it", async () => {
    await editCell(join(data, "returns", "2022-09.xlsx"), "KPIs", "J2", commentary);
    await editCell(join(data, "reviews", "2022-09.xlsx"), "MSR comments", "E3", comment);

    const check = runCli([
      "validate",
      join(data, "returns", "2022-09.xlsx"),
      join(data, "reviews", "2022-09.xlsx"),
      "--format",
      "json",
      "--data",
      data,
    ]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).not.toMatch(HIDDEN);
    const [ret, review] = JSON.parse(check.stdout).files as {
      findings: { code: string; sheet: string; cell: string; message: string; found: string }[];
    }[];
    expect(ret!.findings).toEqual([
      expect.objectContaining({
        code: "character-hidden",
        severity: "warning",
        sheet: "KPIs",
        cell: "J2",
        found: "U+202E (right-to-left override)",
      }),
    ]);
    expect(ret!.findings[0]!.message).toBe(
      'Commentary in J2 holds U+202E (right-to-left override), not seen but changing how the text displays; it is taken out, so the text is read as "Achieved %001 of journeys".',
    );
    expect(review!.findings).toEqual([
      expect.objectContaining({ code: "character-hidden", sheet: "MSR comments", cell: "E3" }),
    ]);
    expect(review!.findings[0]!.found).toBe(
      "U+200B (zero width space), U+2066 (left-to-right isolate), U+2069 (pop directional isolate)",
    );
    const text = runCli(["validate", join(data, "returns", "2022-09.xlsx"), "--data", data]);
    expect(text.stdout).toMatch(/warning +character-hidden/);
    expect(text.stdout).not.toMatch(HIDDEN);

    const status = runCli(["status", "--month", "2022-09", "--data", data, "--format", "json"]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).not.toMatch(HIDDEN);
    expect(status.stdout).toContain("Achieved %001 of journeys");

    const build = runCli([
      "build",
      "--month",
      "2022-09",
      "--data",
      data,
      "--out",
      out,
      "--summary",
      join(out, "summary.md"),
    ]);
    expect(build.code, build.stderr).toBe(0);
    for (const file of ["appendices-2022-09.html", "results-2022-09.json", "summary.md"])
      expect(readFileSync(join(out, file), "utf8"), file).not.toMatch(HIDDEN);
    const html = readFileSync(join(out, "appendices-2022-09.html"), "utf8");
    expect(html).toContain("Achieved %001 of journeys");
    expect(html).toContain("All Training and DBS records verified.");
    const docx = strFromU8(
      unzipSync(readFileSync(join(out, "appendices-2022-09.docx")))["word/document.xml"]!,
    );
    expect(docx).not.toMatch(HIDDEN);
    expect(docx).toContain("Achieved %001 of journeys");
    const pdf = await readPdf(readFileSync(join(out, "appendices-2022-09.pdf")));
    const pdfText = pdf.pages.map((p) => p.tagged).join(" ");
    expect(pdfText).not.toMatch(HIDDEN);
    expect(pdfText).toContain("Achieved %001 of");
  }, 120_000);
});
