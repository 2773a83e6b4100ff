import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { FindingSchema } from "../../src/findings/finding.js";
import { findingsText } from "../../src/render/findings-text.js";
import { copyData, editCell } from "../helpers/data-copy.js";
import {
  contract,
  editWorkbook,
  findingsOf,
  kpiSheet,
  MONTH,
  runCliAsync,
  tempDir,
  writeTemp,
} from "./helpers.js";
import { buildReturnWorkbook } from "../../src/read/return-template.js";

const docs = readFileSync(fileURLToPath(new URL("../../docs/findings.md", import.meta.url)), "utf8");

describe("the report", () => {
  const dir = tempDir();
  let twoErrors: string;
  let blank: string;
  beforeAll(async () => {
    const bytes = await editWorkbook((wb) => {
      kpiSheet(wb).getCell("E7").value = "mesured";
      kpiSheet(wb).getCell("G9").value = "1,234";
    });
    twoErrors = writeTemp(dir, "return.xlsx", bytes);
    blank = writeTemp(dir, "blank.xlsx", await buildReturnWorkbook(contract, MONTH));
  });

  it("prints exactly the example docs/findings.md shows", async () => {
    const example = /## The text report[\s\S]*?```\n([\s\S]*?)\n```/.exec(docs)![1];
    const findings = await findingsOf(readFileSync(twoErrors));
    expect(findingsText({ file: "return.xlsx", findings })).toBe(example);
  });

  it("prints the documented JSON shape, every finding valid against the schema", async () => {
    const run = await runCliAsync(["validate", twoErrors, "--month", MONTH, "--format", "json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["version", "valid", "files"]);
    expect(json).toMatchObject({ version: 1, valid: false });
    expect(Object.keys(json.files[0])).toEqual([
      "file",
      "readable",
      "valid",
      "errors",
      "warnings",
      "omitted",
      "findings",
    ]);
    expect(json.files[0]).toMatchObject({
      file: twoErrors,
      readable: true,
      valid: false,
      errors: 2,
      warnings: 0,
      omitted: 0,
    });
    for (const f of json.files[0].findings) expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(json.files[0].findings.map((f: { cell: string }) => f.cell)).toEqual(["E7", "G9"]);
  });

  it("--max-errors lists that many, says how many more, and still counts and fails on all", async () => {
    const text = await runCliAsync(["validate", blank, "--month", MONTH, "--max-errors", "5"]);
    expect(text.code).toBe(1);
    expect(text.stdout.match(/ error {3}status-missing/g)).toHaveLength(5);
    expect(text.stdout).toMatch(/limit-findings: Only 5 of 27 findings are listed; 22 more are not shown/);
    expect(text.stdout).toMatch(/blank\.xlsx: not valid: 27 errors, 0 warnings\.$/m);
    const json = JSON.parse(
      (await runCliAsync(["validate", blank, "--month", MONTH, "--max-errors", "5", "--format", "json"]))
        .stdout,
    );
    expect(json.files[0]).toMatchObject({ errors: 27, omitted: 22 });
    expect(json.files[0].findings.map((f: { code: string }) => f.code)).toEqual([
      ...Array(5).fill("status-missing"),
      "limit-findings",
    ]);
  });

  it("--max-errors lists errors before warnings when the list is cut", async () => {
    const findings = await findingsOf(
      await editWorkbook((wb) => {
        wb.addWorksheet("Notes");
        kpiSheet(wb).getCell("E28").value = "mesured";
      }),
    );
    expect(findings.map((f) => f.code)).toEqual(["sheet-unexpected", "status-unknown"]);
    const text = findingsText({ file: "r.xlsx", findings, limit: 1 });
    expect(text.split("\n")[0]).toMatch(/^KPIs!E28 +error +status-unknown/);
    expect(text).toMatch(/r\.xlsx: not valid: 1 error, 1 warning\.$/);
  });

  it("refuses bad usage with exit 2", async () => {
    for (const args of [
      ["validate"],
      ["validate", blank, "--max-errors", "0"],
      ["validate", blank, "--format", "xml"],
      ["validate", blank, "--month", "2022-13"],
    ]) {
      expect({ args, code: (await runCliAsync(args)).code }).toEqual({ args, code: 2 });
    }
  });

  it("status refuses a broken return with the same findings", async () => {
    const data = copyData();
    await editCell(join(data, "returns", "2022-09.xlsx"), "KPIs", "E7", "mesured");
    const run = await runCliAsync(["status", "--month", "2022-09", "--data", data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /KPIs!E7 +error +status-unknown: Status "mesured" for KPI 6 is not one of the list; did you mean "measured"\?/,
    );
    expect(run.stderr).toMatch(/must be fixed before the month can be judged/);
  });
});
