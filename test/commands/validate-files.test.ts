import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty } from "../../src/commands/github-annotations.js";
import { copyData, editCell } from "../helpers/data-copy.js";
import { runCli } from "../helpers/run-cli.js";

describe("kpi-report validate with several files", () => {
  it("takes a pattern as cmd.exe and PowerShell pass it, unexpanded, and reports each file once", () => {
    const run = runCli(["validate", "data/returns/2022-0*.xlsx", "data/returns/2022-09.xlsx"]);
    expect(run.code, run.stderr).toBe(0);
    const summaries = run.stdout.split("\n").filter((l) => l.endsWith("valid, no problems found."));
    expect(summaries).toEqual(
      ["2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09"].map(
        (m) => `data/returns/${m}.xlsx: valid, no problems found.`,
      ),
    );
    expect(run.stdout).toMatch(/^7 files: 7 valid, 0 not valid, 0 unreadable\.$/m);
  });

  it("exits with the worst of the files: 1 for errors, 2 when one cannot be read", async () => {
    const data = copyData();
    const broken = join(data, "returns", "2022-09.xlsx");
    await editCell(broken, "KPIs", "F18", "1 of 1");
    const good = join(data, "returns", "2022-08.xlsx");
    const errors = runCli(["validate", good, broken]);
    expect(errors.code).toBe(1);
    expect(errors.stdout).toMatch(/2 files: 1 valid, 1 not valid, 0 unreadable\./);
    const notThere = join(data, "returns", "2030-01.xlsx");
    const worst = runCli(["validate", good, broken, notThere, "--format", "json"]);
    expect(worst.code).toBe(2);
    const json = JSON.parse(worst.stdout) as {
      valid: boolean;
      files: { file: string; valid: boolean; readable: boolean }[];
    };
    expect(json.valid).toBe(false);
    expect(json.files.map((f) => [f.file, f.valid, f.readable])).toEqual([
      [good, true, true],
      [broken, false, true],
      [notThere, false, false],
    ]);
  });

  it("prints GitHub Actions annotations with --format github", async () => {
    const data = copyData();
    const broken = join(data, "returns", "2022-09.xlsx");
    await editCell(broken, "KPIs", "F18", "1 of 1");
    const csv = join(data, "not-a-workbook.xlsx");
    writeFileSync(csv, "KPI,Achieved\n1,2\n");
    const run = runCli(["validate", broken, csv, "--format", "github"]);
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split("\n");
    const finding = lines.find((l) => l.includes("number-invalid"));
    expect(finding).toMatch(
      new RegExp(
        `^::error file=${escapeProperty(broken).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},title=number-invalid at KPIs!F18::KPIs!F18: `,
      ),
    );
    // The message's own line break is escaped, so the annotation stays one line.
    expect(finding).toMatch(/%0Afound: /);
    expect(lines).toContainEqual(
      expect.stringMatching(/^::error file=.*not-a-workbook\.xlsx,title=file-not-xlsx::/),
    );
    expect(lines.at(-1)).toMatch(/not-a-workbook\.xlsx: cannot be read/);
  });

  it("escapes what would end a workflow command's message or property", () => {
    expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeProperty("KPIs!F18: a, b")).toBe("KPIs!F18%3A a%2C b");
  });
});

describe("status --format json on bad input", () => {
  it("prints the findings of a broken return as validate does, and exits 1", async () => {
    const data = copyData();
    await editCell(join(data, "returns", "2022-09.xlsx"), "KPIs", "E7", "mesured");
    const run = runCli(["status", "--month", "2022-09", "--data", data, "--format", "json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      valid: boolean;
      files: { findings: { code: string; cell: string }[] }[];
    };
    expect(json.valid).toBe(false);
    expect(json.files[0]!.findings).toContainEqual(
      expect.objectContaining({ code: "status-unknown", cell: "E7" }),
    );
  });

  it("prints a JSON error object when the run cannot start", () => {
    const run = runCli(["status", "--month", "2030-01", "--format", "json"]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      version: 1,
      valid: false,
      error: {
        kind: "usage",
        message: "There is no return for 2030-01 in data.",
        hint: expect.stringContaining("Returns available: 2022-03"),
      },
    });
  });
});
