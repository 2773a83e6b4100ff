import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { copyData, editCell } from "../helpers/data-copy.js";
import { runCli } from "../helpers/run-cli.js";
import { readPdf } from "../render/pdf-read.js";

/**
 * A vertical tab pasted from Word into an MSR comment, stored as Excel stores it (_x000B_): it must
 * never reach a document (XML 1.0 forbids it, and Word refuses a DOCX holding one). The MSR comments
 * are the council's, so the file changed is September's council review (MSR 2's Council comment,
 * E3), through exceljs, which writes the text as given, so the file holds "_x000B_" as Excel's would.
 */
describe("a character no document can hold", () => {
  const data = copyData();
  const out = mkdtempSync(join(tmpdir(), "kpi-chars-"));
  const file = join(data, "reviews", "2022-09.xlsx");

  it("is named by validate, and the appendices built with the review are well-formed and show a space", async () => {
    await editCell(
      file,
      "MSR comments",
      "E3",
      "All Training_x000B_and DBS records have been supplied and verified.",
    );
    const check = runCli(["validate", file, "--format", "json", "--data", data]);
    expect(check.code, check.stderr).toBe(0);
    const [found, ...others] = JSON.parse(check.stdout).files[0].findings;
    expect(others).toEqual([]);
    expect(found).toMatchObject({
      code: "character-replaced",
      severity: "warning",
      sheet: "MSR comments",
      cell: "E3",
    });
    expect(found.message).toContain("U+000B (vertical tab)");

    const run = runCli(["build", "--month", "2022-09", "--data", data, "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    const document = strFromU8(
      unzipSync(readFileSync(join(out, "appendices-2022-09.docx")))["word/document.xml"]!,
    );
    // A strict XML parser, as Word's is: a forbidden character is a fatal error.
    const parser = new SaxesParser();
    let text = "";
    parser.on("text", (t) => (text += t));
    expect(() => parser.write(document).close()).not.toThrow();
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(text).toContain("All Training and DBS records have been supplied and verified.");

    const pdf = await readPdf(readFileSync(join(out, "appendices-2022-09.pdf")));
    const pdfText = pdf.pages.map((p) => p.tagged).join(" ");
    expect(pdfText).toContain("All Training and DBS records");
    expect(pdfText).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  }, 60_000);
});
