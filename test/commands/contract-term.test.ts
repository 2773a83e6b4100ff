import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyData } from "../helpers/data-copy.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * A contract that states its term (first and last month): a return for a month outside it is refused
 * by validate and add, in one finding naming the cell; a month inside is read as before, and a contract
 * without a term reads any plausible month (every other test's bundled contract).
 */
let data: string;
const contractPath = () => join(data, "contract.json");
const withTerm = (term: unknown) => {
  const contract = JSON.parse(readFileSync(contractPath(), "utf8"));
  writeFileSync(contractPath(), JSON.stringify({ ...contract, term }, null, 2));
};
beforeAll(() => {
  data = copyData();
  withTerm({ first: "2022-04", last: "2022-08" });
});
afterAll(() => rmSync(join(data, ".."), { recursive: true, force: true }));

const findings = (stdout: string) =>
  (
    JSON.parse(stdout) as { files: { findings: { code: string; sheet: string; cell: string }[] }[] }
  ).files[0]!.findings.map((f) => [f.code, `${f.sheet}!${f.cell}`]);

describe("a contract's term", () => {
  it.each([
    ["2022-03", "before its first month", 1],
    ["2022-04", "its first month", 0],
    ["2022-08", "its last month", 0],
    ["2022-09", "after its last month", 1],
  ])("validate of a return for %s, %s, exits %i", (month, _, code) => {
    const file = join(data, "returns", `${month}.xlsx`);
    const run = runCli(["validate", file, "-d", data, "-f", "json"]);
    expect(run.code, run.stderr).toBe(code);
    expect(findings(run.stdout)).toEqual(code ? [["month-outside-term", "Return!B2"]] : []);
  });

  it("says so in one line, with the term", () => {
    const run = runCli(["validate", join(data, "returns", "2022-09.xlsx"), "-d", data]);
    const lines = run.stdout.split("\n").filter((l) => l.includes("month-outside-term"));
    expect(lines).toEqual([
      "Return!B2      error   month-outside-term: Month 2022-09 in B2 is outside the contract's term (2022-04 to 2022-08): the contract does not cover it.",
    ]);
  });

  it("add refuses to file a return outside it, and files nothing", () => {
    const incoming = join(data, "..", "September return.xlsx");
    renameSync(join(data, "returns", "2022-09.xlsx"), incoming);
    const run = runCli(["add", incoming, "-d", data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("month-outside-term: Month 2022-09 in B2 is outside the contract's term");
    expect(run.stderr).toContain("was not filed");
    expect(() => readFileSync(join(data, "returns", "2022-09.xlsx"))).toThrow();
    renameSync(incoming, join(data, "returns", "2022-09.xlsx"));
  });

  it("template refuses a month outside it in one line, and writes nothing", () => {
    const out = join(data, "..", "return-2022-09.xlsx");
    const run = runCli(["template", "-m", "2022-09", "-d", data, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      "kpi-report: 2022-09 is outside the contract's term (2022-04 to 2022-08): a return for it would be refused; nothing was written.",
    );
    expect(() => readFileSync(out)).toThrow();
    expect(runCli(["template", "-m", "2022-08", "-d", data, "-o", out, "--quiet"]).code).toBe(0);
  });

  it("with no last month, refuses only the months before the first", () => {
    withTerm({ first: "2022-09" });
    const before = runCli(["validate", join(data, "returns", "2022-08.xlsx"), "-d", data]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain("outside the contract's term (from 2022-09)");
    expect(runCli(["validate", join(data, "returns", "2022-09.xlsx"), "-d", data]).code).toBe(0);
  });

  it.each([
    [{ first: "2022-09", last: "2022-04" }, "the term's last month is before its first"],
    [{ first: "2022-9" }, "a month written YYYY-MM"],
    [{ first: "2022-04", end: "2022-09" }, "end"],
  ])("a term that cannot be one (%j) stops the run naming it, exit 2", (term, said) => {
    withTerm(term);
    const run = runCli(["validate", join(data, "returns", "2022-09.xlsx"), "-d", data]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("term");
    expect(run.stderr).toContain(said);
    expect(run.stderr).not.toMatch(/Invalid input|\[object Object\]/);
  });
});
