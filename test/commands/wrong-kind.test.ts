import { copyFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { copyData } from "../helpers/data-copy.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * A file of the other kind in a data folder's returns/ or reviews/: one line naming what it is and
 * where it belongs, where cell-by-cell checking gave 34 errors and 8 warnings about missing sheets
 * and columns. The older single workbook is the bundled return with the council's MSR comments
 * sheet added, as returns were laid out before the review was split from them.
 */
async function olderLayout(from: string, to: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  workbook.addWorksheet("MSR comments").addRow(["MSR", "Requirement", "Linked KPIs", "Council comment"]);
  await workbook.xlsx.writeFile(to);
}

describe("a workbook of the other kind in the data folder", () => {
  const CASES: [string, (data: string) => Promise<void> | void, string, RegExp][] = [
    [
      "a return among the reviews",
      (d) => copyFileSync(join(d, "returns", "2022-09.xlsx"), join(d, "reviews", "2022-09.xlsx")),
      "reviews/2022-09.xlsx",
      /This is a supplier's return \(it has a "Return" sheet\), not the council's review: it belongs in returns\/YYYY-MM\.xlsx \(kpi-report add FILE\)/,
    ],
    [
      "a review among the returns",
      (d) => copyFileSync(join(d, "reviews", "2022-09.xlsx"), join(d, "returns", "2022-09.xlsx")),
      "returns/2022-09.xlsx",
      /This is the council's review of a month \(it has a "Review" sheet\), not a supplier's return: it belongs in reviews\/YYYY-MM\.xlsx/,
    ],
    [
      "an older combined workbook among the reviews",
      (d) => olderLayout(join(d, "returns", "2022-09.xlsx"), join(d, "reviews", "2022-09.xlsx")),
      "reviews/2022-09.xlsx",
      /This is a workbook of the older layout, the supplier's return and the council's columns in one .*kpi-report review --month YYYY-MM\./,
    ],
  ];

  it.each(CASES)("%s: one line, what it is and where it belongs", async (_, misfile, where, says) => {
    const data = copyData();
    await misfile(data);
    for (const args of [
      ["status", "--month", "2022-09"],
      ["build", "--month", "2022-09", "--check"],
    ]) {
      const run = runCli([...args, "--data", data]);
      expect(run.code, run.stderr).toBe(1);
      const lines = run.stderr
        .split("\n")
        .filter((l) => l.includes("workbook-wrong-kind") || /\b(error|warning) +[a-z-]+:/.test(l));
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toContain(join(data, where));
      expect(lines[0]).toMatch(says);
    }
    const json = JSON.parse(
      runCli(["validate", join(data, where), "--data", data, "--month", "2022-09", "--format", "json"])
        .stdout,
    );
    // validate FILE tells the kinds apart itself: a misplaced file is checked as what it is.
    expect(json.files[0].findings.map((f: { code: string }) => f.code)).not.toContain("sheet-missing");
  });
});
