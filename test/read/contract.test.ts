import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkContract, loadContract } from "../../src/read/contract.js";
import { InputError } from "../../src/errors.js";
import type { Contract } from "../../src/schema/contract.js";
import { bundledContract } from "../helpers/contract.js";
import { runCli } from "../helpers/run-cli.js";

const kpi = (number: number) => ({
  number,
  serviceCriteria: "Co-ordination",
  description: `KPI ${number}`,
  shortName: `Short ${number}`,
  rank: 1,
  frequency: "monthly",
  target: { kind: "percentage", atLeast: 90 },
  targetText: "90%",
});
const small = (): Contract =>
  ({
    id: "small",
    title: "Small",
    council: "A Council",
    supplier: "A Supplier",
    kpis: [kpi(1), kpi(2)],
    msrs: [{ number: 1, text: "Do it", linkedKpis: [1, 2] }],
  }) as Contract;

describe("the bundled contract", () => {
  it("has the agreement's 27 KPIs and 12 MSRs, every KPI linked, MSR 9 with none", () => {
    const contract = bundledContract();
    expect(contract.kpis.map((k) => k.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(contract.msrs.map((m) => m.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(contract.msrs.find((m) => m.number === 9)!.linkedKpis).toEqual([]);
    expect(checkContract(contract).findings).toEqual([]);
  });
});

describe("a contract that breaks its own references", () => {
  it.each([
    [
      "a KPI number twice",
      (c: Contract) => c.kpis.push(kpi(2) as Contract["kpis"][number]),
      /KPI 2 is defined twice/,
    ],
    [
      "an MSR number twice",
      (c: Contract) => c.msrs.push({ number: 1, text: "Again", linkedKpis: [] }),
      /MSR 1 is defined twice/,
    ],
    [
      "an MSR linking a KPI that does not exist",
      (c: Contract) => c.msrs[0]!.linkedKpis.push(31),
      /MSR 1 links KPI 31, which the contract does not define/,
    ],
    [
      "a target above 100%",
      (c: Contract) => ((c.kpis[0]!.target as { atLeast: number }).atLeast = 120),
      /- KPI 1 \(the 1st in kpis\), target\.atLeast is 120: it must be at most 100$/m,
    ],
    [
      "an unknown kind of target",
      (c: Contract) => ((c.kpis[1] as { target: unknown }).target = { kind: "stars" }),
      /- KPI 2 \(the 2nd in kpis\), target\.kind is "stars": it must be one of "percentage", "count", "value", "average", "report"$/m,
    ],
    [
      "a misspelt key",
      (c: Contract) => ((c.kpis[0] as Record<string, unknown>).shortname = "x"),
      /- KPI 1 \(the 1st in kpis\): "shortname" is not a key kpi-report reads here; did you mean "shortName"\?$/m,
    ],
    [
      "a key nothing like one",
      (c: Contract) => ((c.kpis[0] as Record<string, unknown>).colour = "red"),
      /"colour" is not a key kpi-report reads here; the keys are "number", "serviceCriteria",/,
    ],
    [
      "an id with spaces",
      (c: Contract) => (c.id = "my contract"),
      /- id is "my contract": lower-case letters, digits and hyphens$/m,
    ],
    [
      "an MSR without its text",
      (c: Contract) => delete (c.msrs[0] as Partial<Contract["msrs"][number]>).text,
      /- MSR 1 \(the 1st in msrs\), text is missing$/m,
    ],
  ])("is refused: %s", (_, breakIt, message) => {
    const contract = small();
    breakIt(contract);
    expect(() => checkContract(contract)).toThrow(InputError);
    expect(() => checkContract(contract)).toThrow(message);
  });

  it("is warned about, not refused, when a KPI is linked by no MSR", () => {
    const contract = small();
    contract.msrs[0]!.linkedKpis = [1];
    const { findings } = checkContract(contract);
    expect(findings).toEqual([
      expect.objectContaining({
        code: "contract-kpi-unlinked",
        severity: "warning",
        message: "KPI 2 (Short 2) is not linked by any MSR.",
      }),
    ]);
  });

  it.each([
    ["missing", (dir: string) => join(dir, "nope.json"), /Cannot read the contract file/],
    [
      "not JSON",
      (dir: string) => (writeFileSync(join(dir, "c.json"), "{ kpis: "), join(dir, "c.json")),
      /not valid JSON:\n {2}- line 1, column 3: /,
    ],
    ["a directory", (dir: string) => dir, /is a directory/],
  ])("a contract file that is %s stops the run", async (_, make, message) => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-contract-"));
    await expect(loadContract(make(dir))).rejects.toThrow(message);
  });

  it("accepts a $schema for editors, and ignores it", () => {
    const contract = { $schema: "./contract.schema.json", ...small() };
    expect(checkContract(contract).contract.kpis).toHaveLength(2);
  });

  it("is named in the CLI's error, with exit 2 and no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-contract-"));
    const contract = small();
    contract.msrs[0]!.linkedKpis.push(31);
    writeFileSync(join(dir, "contract.json"), JSON.stringify(contract));
    const run = runCli(["status", "--month", "2022-09", "--contract", join(dir, "contract.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("MSR 1 links KPI 31");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

/** A contract file as text, so a problem's line and column can be checked. */
async function refusal(text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-contract-"));
  writeFileSync(join(dir, "contract.json"), text);
  const error = await loadContract(join(dir, "contract.json")).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

const pretty = (c: unknown) => JSON.stringify(c, null, 2);

describe("a contract file that is not valid JSON, or not a contract", () => {
  it.each([
    [
      "a trailing comma",
      '{\n  "id": "small",\n}',
      /not valid JSON:\n {2}- line 3, column 1: a key in double quotes is expected here \(JSON has no trailing commas\)$/,
    ],
    [
      "a missing comma",
      '{\n  "id": "small"\n  "title": "Small"\n}',
      /- line 3, column 3: a comma is missing before this$/m,
    ],
    ["a comment", '{\n  // the id\n  "id": "small"\n}', /- line 2, column 3: JSON has no comments$/m],
    [
      "a text not in quotes",
      '{\n  "id": small\n}',
      /- line 2, column 9: this is not JSON: text must be in double quotes/m,
    ],
    ["an empty file", "", /- line 1, column 1: the file is empty$/m],
    [
      "a key twice",
      '{\n  "id": "small",\n  "title": "Small",\n  "id": "other"\n}',
      /- line 4, column 3: the key "id" is given twice in one object \(first at line 2\); keep one$/m,
    ],
    [
      "a number too large",
      '{\n  "kpis": [1e400]\n}',
      /- line 2, column 12: 1e400 is too large a number to hold$/m,
    ],
    [
      "nested 200,000 deep",
      `${"[".repeat(200_000)}${"]".repeat(200_000)}`,
      /- line 1, column 1: lists and objects are nested too deeply to be a contract$/m,
    ],
  ])("%s is refused with its line and column", async (_, text, message) => {
    expect(await refusal(text)).toMatch(message);
  });

  it("names the line and column of each problem, and the KPI counted from 1", async () => {
    const contract = small() as unknown as Record<string, Record<string, unknown>[]>;
    contract.kpis![1]!.rank = "high";
    const message = await refusal(pretty(contract));
    const line =
      pretty(contract)
        .split("\n")
        .findIndex((l) => l.includes('"high"')) + 1;
    expect(message).toContain(
      `cannot be used:\n  - line ${line}, column 15: KPI 2 (the 2nd in kpis), rank is "high": it must be a number`,
    );
  });

  it("says a misspelt key once, as the key it meant, not again as that key missing", async () => {
    const contract = small() as unknown as Record<string, Record<string, unknown>[]>;
    contract.msrs![0]!.linkedKPIs = contract.msrs![0]!.linkedKpis;
    delete contract.msrs![0]!.linkedKpis;
    const message = await refusal(pretty(contract));
    expect(message).toMatch(
      /MSR 1 \(the 1st in msrs\): "linkedKPIs" is not a key kpi-report reads here; did you mean "linkedKpis"\?/,
    );
    expect(message).not.toMatch(/linkedKpis is missing/);
  });

  it("never shows the schema library's words", async () => {
    const contract = small() as unknown as Record<string, unknown>;
    Object.assign(contract, {
      kpis: "none",
      msrs: [{ number: -1, text: "", linkedKpis: ["a"] }],
      council: 3,
    });
    const message = await refusal(pretty(contract));
    expect(message).not.toMatch(/Invalid input|expected .* received|Too (big|small)|Unrecognized/);
    expect(message.split("\n").length).toBeGreaterThanOrEqual(5);
  });
});
