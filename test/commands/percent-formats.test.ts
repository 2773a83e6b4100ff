import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
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
 * return, which holds the same percentages as plain numbers.
 */
const fixture = fileURLToPath(new URL("../fixtures/read/2022-09-percent-excel.xlsx", import.meta.url));

function withPercentages(): string {
  const data = copyData();
  copyFileSync(fixture, join(data, "returns", "2022-09.xlsx"));
  return data;
}

describe("percentages typed as Excel stores them", () => {
  const data = withPercentages();

  it("validate finds nothing wrong", () => {
    const run = runCli(["validate", join(data, "returns", "2022-09.xlsx"), "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).files[0].findings).toEqual([]);
  });

  it("status (JSON) is the plain return's, to the last figure", () => {
    const plain = runCli(["status", "--month", "2022-09", "--format", "json"]);
    const typed = runCli(["status", "--month", "2022-09", "--format", "json", "--data", data]);
    expect(typed.code, typed.stderr).toBe(0);
    expect(JSON.parse(typed.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(typed.stdout).summary.line).toBe("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
  });

  it("build's results JSON is the plain return's", () => {
    const [plainOut, typedOut] = [mkdtempSync(join(tmpdir(), "kpi-pct-")), mkdtempSync(join(tmpdir(), "kpi-pct-"))];
    const plain = runCli(["build", "--month", "2022-09", "--out", plainOut, "--formats", "pdf"]);
    const typed = runCli(["build", "--month", "2022-09", "--out", typedOut, "--formats", "pdf", "--data", data]);
    expect([plain.code, typed.code], typed.stderr).toEqual([0, 0]);
    const results = (dir: string) => JSON.parse(readFileSync(join(dir, "results-2022-09.json"), "utf8"));
    expect(results(typedOut)).toEqual(results(plainOut));
    expect(results(typedOut).summary.notMetKpis).toEqual([5, 26, 27]);
  });
});
