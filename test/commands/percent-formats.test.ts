import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { copyData } from "../helpers/data-copy.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * Issue 10's done-when: September's return with every Percentage typed as Excel stores "99.5%"
 * (the fraction 0.995 with number format 10, "0.00%"; made by openpyxl, see
 * test/fixtures/read/make-fixtures.py, percent_as_excel) gives exactly the verdict of the bundled
 * return, which holds the same percentages as plain numbers: the figures alone by itself, and the
 * committee's verdict beside the bundled council review (data/reviews/2022-09.xlsx).
 * The data folders are whole copies of data/ (March to August give KPI 23's look-back and the
 * history columns) with the fixture as returns/2022-09.xlsx.
 */
const fixture = fileURLToPath(new URL("../fixtures/read/2022-09-percent-excel.xlsx", import.meta.url));

/** A copy of the bundled data, its September return the percent fixture when `typed`, and without September's review unless `review`. */
function dataFolder({ typed, review }: { typed: boolean; review: boolean }): string {
  const data = copyData();
  if (typed) copyFileSync(fixture, join(data, "returns", "2022-09.xlsx"));
  if (!review) rmSync(join(data, "reviews", "2022-09.xlsx"));
  return data;
}

const status = (data: string) => runCli(["status", "--month", "2022-09", "--format", "json", "--data", data]);

describe("percentages typed as Excel stores them", () => {
  const typed = dataFolder({ typed: true, review: true });

  it("validate finds nothing wrong in the return, nor in the council's review checked against it", () => {
    const run = runCli(["validate", join(typed, "returns", "2022-09.xlsx"), "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).files[0].findings).toEqual([]);
    // The review was made from the plain return; read against the typed one, its reference columns still agree.
    const review = runCli([
      "validate",
      join(typed, "reviews", "2022-09.xlsx"),
      "--format",
      "json",
      "--data",
      typed,
    ]);
    expect(review.code, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout).files[0].findings).toEqual([]);
  });

  it("status (JSON) with the council's review is the plain return's, to the last figure: the committee's verdict", () => {
    const plain = status(dataFolder({ typed: false, review: true }));
    const run = status(typed);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(run.stdout).summary.line).toBe("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
  });

  it("status (JSON) of the return alone is the plain return's alone: the figures alone, KPI 5 not captured", () => {
    const plain = status(dataFolder({ typed: false, review: false }));
    const run = status(dataFolder({ typed: true, review: false }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("no council review for 2022-09: outcomes are the figures alone");
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(run.stdout).summary.line).toBe(
      "24 KPIs achieved, 2 not met: KPI 26 and 27; 1 not captured",
    );
    expect(JSON.parse(run.stdout).kpis.find((k: { number: number }) => k.number === 5).outcome).toBe(
      "not-captured",
    );
  });

  it("build's results JSON is the plain return's", () => {
    const [plainOut, typedOut] = [
      mkdtempSync(join(tmpdir(), "kpi-pct-")),
      mkdtempSync(join(tmpdir(), "kpi-pct-")),
    ];
    const plain = runCli(["build", "--month", "2022-09", "--out", plainOut, "--formats", "pdf"]);
    const run = runCli([
      "build",
      "--month",
      "2022-09",
      "--out",
      typedOut,
      "--formats",
      "pdf",
      "--data",
      typed,
    ]);
    expect([plain.code, run.code], run.stderr).toEqual([0, 0]);
    const results = (dir: string) => JSON.parse(readFileSync(join(dir, "results-2022-09.json"), "utf8"));
    expect(results(typedOut)).toEqual(results(plainOut));
    expect(results(typedOut).summary.notMetKpis).toEqual([5, 26, 27]);
  });
});
