import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { copyData } from "../helpers/data-copy.js";
import { textOf, unzipText } from "../helpers/docx-read.js";
import { runCli } from "../helpers/run-cli.js";
import { readPdf } from "../render/pdf-read.js";

/**
 * A blank council review, as `kpi-report review --month` writes it, over September's signed one:
 * read, but not reviewed, and said so in status, the results JSON, `build --check` and, in words,
 * on the appendices of all three formats. The bundled (signed) review reads as reviewed.
 */
const NOT_REVIEWED = "Figures not yet verified by the council";

describe("the review state", () => {
  const data = copyData();
  const out = mkdtempSync(join(tmpdir(), "kpi-review-state-"));
  afterAll(() => {
    rmSync(dirname(data), { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it("is reviewed for the bundled September, with who and when", () => {
    const json = JSON.parse(
      runCli(["status", "--month", "2022-09", "--format", "json", "--data", data]).stdout,
    );
    expect(json.review).toMatchObject({
      state: "reviewed",
      read: true,
      filled: true,
      missing: [],
      reviewedOn: "2022-10-01",
    });
    expect(json.review.reviewedBy).toMatch(/^Anne Warburton/);
    expect(runCli(["status", "--month", "2022-09", "--data", data]).stdout).toContain(
      "Reviewed for the council by Anne Warburton",
    );
  });

  it("is not reviewed everywhere once the review is blank", async () => {
    expect(runCli(["review", "--month", "2022-09", "--force", "--data", data]).code).toBe(0);

    const status = runCli(["status", "--month", "2022-09", "--data", data]);
    expect(status.stdout.replace(/\s+/g, " ")).toContain(
      `${NOT_REVIEWED}: the council's review of September 2022 does not yet say who reviewed it or when`,
    );
    const json = JSON.parse(
      runCli(["status", "--month", "2022-09", "--format", "json", "--data", data]).stdout,
    );
    expect(json.review).toEqual({
      state: "not reviewed",
      read: true,
      filled: false,
      missing: ["reviewedBy", "reviewedOn"],
    });

    const check = runCli(["build", "--check", "--month", "2022-09", "--data", data]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("not reviewed");
    expect(check.stderr).toMatch(/review-not-filled: .*Reviewed by \(B3\) and Reviewed on \(B4\) are empty/);

    const build = runCli(["build", "--month", "2022-09", "--data", data, "--out", out]);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toContain("Reviewed by and Reviewed on are empty");
    const results = JSON.parse(readFileSync(join(out, "results-2022-09.json"), "utf8"));
    expect(results.review.state).toBe("not reviewed");

    const pdf = await readPdf(readFileSync(join(out, "appendices-2022-09.pdf")));
    expect(pdf.pages.map((p) => p.tagged).join(" ")).toContain(NOT_REVIEWED);
    expect(
      textOf(unzipText(readFileSync(join(out, "appendices-2022-09.docx")))["word/document.xml"]!),
    ).toContain(NOT_REVIEWED);
    expect(readFileSync(join(out, "appendices-2022-09.html"), "utf8")).toContain(NOT_REVIEWED);
  }, 120_000);

  it("is not reviewed while half filled, and build --check names the cell still empty", async () => {
    expect(runCli(["review", "--month", "2022-09", "--force", "--data", data]).code).toBe(0);
    // An officer who signs the review but does not date it.
    const file = join(data, "reviews", "2022-09.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet("Review")!.getCell("B3").value = "A. Officer";
    await workbook.xlsx.writeFile(file);

    const check = runCli(["build", "--check", "--month", "2022-09", "--data", data]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("not reviewed");
    expect(check.stderr).toMatch(/Review!B4 +warning review-not-filled: .*Reviewed on \(B4\) is empty/);
    expect(check.stderr).not.toContain("Reviewed by (B3)");
    const json = JSON.parse(
      runCli(["status", "--month", "2022-09", "--format", "json", "--data", data]).stdout,
    );
    expect(json.review).toMatchObject({ state: "not reviewed", filled: false, missing: ["reviewedOn"] });
  }, 120_000);
});
