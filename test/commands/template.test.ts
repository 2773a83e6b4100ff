import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { runCli } from "../helpers/run-cli.js";

describe("kpi-report template", () => {
  it("writes a blank return that validate reads back, with every status still to fill in", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-template-"));
    const file = join(dir, "return-2022-10.xlsx");
    const run = runCli(["template", "--month", "2022-10", "--out", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${file}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Instructions", "visible"],
      ["Return", "visible"],
      ["KPIs", "visible"],
      // The copy of the contract validate uses where there is no contract.json (contract-copy.test.ts).
      ["kpi-report contract", "hidden"],
    ]);
    const kpis = workbook.getWorksheet("KPIs")!;
    expect(kpis.getCell("C6").value).toMatch(/^Pre transport phone calls/);
    expect(kpis.getCell("C6").protection?.locked).not.toBe(false);
    expect(kpis.getCell("E6").protection?.locked).toBe(false);
    expect(kpis.getCell("E6").dataValidation).toMatchObject({ type: "list" });
    expect(kpis.getCell("F6").dataValidation).toMatchObject({ type: "whole" });
    expect(workbook.getWorksheet("Return")!.getCell("B2").value).toBe("2022-10");
    // No council column: a supplier's return holds only what the supplier says.
    expect(kpis.getRow(1).values).toEqual([
      undefined,
      "KPI",
      "Service criteria",
      "KPI description",
      "Target",
      "Status",
      "Achieved",
      "Out of",
      "Count",
      "Percentage",
      "Commentary",
      "Figures needed",
    ]);
    // Each KPI row says which figures its target needs: KPI 21 is a count with a reported share, KPI 23 a report.
    expect(kpis.getCell("K22").value).toMatch(/^Count, and how many of them were reported/);
    expect(kpis.getCell("K24").value).toMatch(/^In the month the report is delivered/);
    expect(kpis.getCell("K2").value).toMatch(/^Achieved and Out of/);

    const check = runCli(["validate", file, "--month", "2022-10", "--format", "json"]);
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout);
    expect(new Set(report.files[0].findings.map((f: { code: string }) => f.code))).toEqual(
      new Set(["status-missing"]),
    );
  });

  it("will not overwrite a file unless told to", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-template-"));
    const file = join(dir, "filled.xlsx");
    writeFileSync(file, "a supplier's filled-in return");
    const run = runCli(["template", "--month", "2022-10", "--out", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("already exists");
    expect(readFileSync(file, "utf8")).toBe("a supplier's filled-in return");
    expect(runCli(["template", "--month", "2022-10", "--out", file, "--force"]).code).toBe(0);
  });

  it("says so when the folder cannot be written", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-template-"));
    // A file where a folder should be: unwritable for root too, unlike a permission bit.
    writeFileSync(join(dir, "blocker"), "");
    const run = runCli(["template", "--month", "2022-10", "--out", join(dir, "blocker", "return.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot make the folder .*blocker: .*blocker is a file, not a folder\./);
  });
});
