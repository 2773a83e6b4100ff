import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { monthRange } from "../../src/evaluate/months.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import { monthBounds } from "../../src/validate/month.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { copyData } from "../helpers/data-copy.js";
import { contract, editWorkbook, place, returnBytes, validReturn } from "../validate/helpers.js";

/**
 * A month a return cannot be for (before 1990, more than a year ahead) is refused by validate and
 * add in one line; every command given any YYYY-MM answers in one line and ends. 9999-12 once made
 * build and status run without end (the month after it, "10000-01", sorts before it as text).
 */
const bin = fileURLToPath(new URL("../../bin/kpi-report.js", import.meta.url));
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dataWith(month: string): Promise<string> {
  const data = copyData();
  made.push(join(data, ".."));
  return returnBytes({ ...validReturn(), month }).then((bytes) => {
    writeFileSync(join(data, "returns", `${month}.xlsx`), bytes);
    return data;
  });
}

/** The CLI, with a generous bound so that a loop fails the test rather than hanging the suite. */
function run(args: readonly string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const ON_2026_12_02 = monthBounds(new Date("2026-12-02T12:00:00Z"));

describe("the months a return can be for", () => {
  it("run from 1990-01 to a year after today", () => {
    expect(ON_2026_12_02).toEqual({ earliest: "1990-01", latest: "2027-12" });
    expect(monthBounds(new Date("2026-01-31T23:59:59Z"))).toEqual({ earliest: "1990-01", latest: "2027-01" });
  });

  it.each([
    ["1989-12", [["month-implausible", "Return!B2"]]],
    ["1990-01", []],
    ["2027-12", []],
    ["2028-01", [["month-implausible", "Return!B2"]]],
    ["9999-12", [["month-implausible", "Return!B2"]]],
  ])("%s", async (month, expected) => {
    const workbook = await parseWorkbook(await returnBytes({ ...validReturn(), month }), "return.xlsx");
    const result = validateReturn(workbook, contract, { bounds: ON_2026_12_02 });
    expect(result.findings.map(place)).toEqual(expected);
    if (expected.length)
      expect(result.findings[0]!.message).toBe(
        `Month ${month} in B2 cannot be a return's month: months from 1990-01 to 2027-12 are read.`,
      );
  });

  it.each([
    [0, "1899-12-31"],
    [1, "1900-01-01"],
  ])("a Month cell holding the date serial %i is named as the day it shows", async (serial, day) => {
    const bytes = await editWorkbook((wb) => {
      const cell = wb.getWorksheet("Return")!.getCell("B2");
      cell.value = serial;
      cell.numFmt = "yyyy-mm-dd";
    });
    const result = validateReturn(await parseWorkbook(bytes, "return.xlsx"), contract, {
      bounds: ON_2026_12_02,
    });
    expect(result.findings.map(place)).toEqual([["month-implausible", "Return!B2"]]);
    expect(result.findings[0]!.message).toContain(
      `(the date ${day}, what a date cell holding 0 or a small number shows)`,
    );
  });

  it("a Month cell holding 1800-01-01 is refused, naming the day", async () => {
    const bytes = await editWorkbook((wb) => {
      wb.getWorksheet("Return")!.getCell("B2").value = "1800-01-01";
    });
    const result = validateReturn(await parseWorkbook(bytes, "return.xlsx"), contract, {
      bounds: ON_2026_12_02,
    });
    expect(result.findings.map((f) => [f.code, f.found])).toEqual([["month-implausible", "1800-01-01"]]);
  });

  it("a negative date serial is read as the number it is, not as an error the cell does not hold", async () => {
    const bytes = await editWorkbook((wb) => {
      const cell = wb.getWorksheet("Return")!.getCell("B2");
      cell.value = -5;
      cell.numFmt = "yyyy-mm-dd";
    });
    const result = validateReturn(await parseWorkbook(bytes, "return.xlsx"), contract, {
      bounds: ON_2026_12_02,
    });
    expect(result.findings.map((f) => [f.code, f.found])).toEqual([["month-invalid", "-5"]]);
  });

  it("monthRange counts past 9999-12 without looping", () => {
    expect(monthRange("9999-11", "9999-12")).toEqual(["9999-11", "9999-12"]);
    expect(monthRange("0099-12", "0100-01")).toEqual(["0099-12", "0100-01"]);
    expect(monthRange("2022-09", "2022-08")).toEqual([]);
  });
});

describe("every command answers 9999-12 in one line and ends", () => {
  it("validate and add refuse a return for 9999-12, naming the cell", async () => {
    const data = await dataWith("9999-12");
    const file = join(data, "returns", "9999-12.xlsx");
    const validate = run(["validate", file, "--data", data]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(
      /Return!B2 +error +month-implausible: Month 9999-12 in B2 cannot be a return's month: months from 1990-01 to \d{4}-\d{2} are read\./,
    );
    const other = join(data, "..", "sent.xlsx");
    writeFileSync(other, await returnBytes({ ...validReturn(), month: "9999-12" }));
    rmSync(file);
    const add = run(["add", other, "--data", data]);
    expect(add.code).toBe(1);
    expect(add.stderr).toContain("month-implausible");
    expect(add.stderr).toContain("was not filed");
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ["status", ["status", "--month", "9999-12"]],
    ["build", ["build", "--month", "9999-12", "--formats", "html"]],
    ["review", ["review", "--month", "9999-12"]],
    ["template", ["template", "--month", "9999-12"]],
    ["a build over 9999-11..9999-12", ["build", "--month", "9999-11..9999-12", "--formats", "html"]],
  ])("%s, with a 9999-12 return filed by hand, ends without an internal error", async (_, args) => {
    const data = await dataWith("9999-12");
    const out = join(data, "..", "out");
    mkdirSync(out, { recursive: true });
    const extra =
      args[0] === "build"
        ? ["--out", out]
        : args[0] === "template" || args[0] === "review"
          ? ["--out", join(out, "x.xlsx")]
          : [];
    const result = run([...args, "--data", data, ...extra]);
    expect(result.signal).toBeNull();
    expect([0, 1, 2]).toContain(result.code);
    expect(result.stderr).not.toMatch(/internal error|This is a bug/);
  });
});
