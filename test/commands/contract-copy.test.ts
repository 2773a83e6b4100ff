import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

/**
 * A return made by `template` carries a copy of the council's contract (a hidden sheet), so the
 * supplier's `kpi-report validate FILE` works in any folder. The council's own contract is used
 * wherever there is one, and a copy that was changed is never used.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const contractFile = join(root, "data", "contract.json");
let elsewhere: string;
const made = () => join(elsewhere, "return.xlsx");
beforeAll(() => {
  elsewhere = mkdtempSync(join(tmpdir(), "kpi-supplier-"));
  expect(runCli(["template", "-m", "2022-10", "-o", made(), "--quiet"]).code).toBe(0);
});
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

const codes = (stdout: string) => [
  ...new Set(
    (JSON.parse(stdout) as { files: { findings: { code: string }[] }[] }).files[0]!.findings.map(
      (f) => f.code,
    ),
  ),
];

describe("a template-made return outside any data folder", () => {
  it("is checked against the copy it carries, and says so in one line", () => {
    const run = runCli(["validate", "return.xlsx", "-f", "json"], { cwd: elsewhere });
    // A blank return: every KPI of the contract is found without its status, and nothing else.
    expect(run.code, run.stderr).toBe(1);
    expect(codes(run.stdout)).toEqual(["status-missing"]);
    const sha = createHash("sha256").update(readFileSync(contractFile)).digest("hex");
    expect(run.stderr).toBe(
      `kpi-report: no contract.json here: checked against the copy of contract "vecteo-send-transport" that return.xlsx carries (made from a contract.json with SHA-256 ${sha.slice(0, 12)}...); the council checks it again against its own.\n`,
    );
  });

  it("in the council's data folder is checked against the council's contract, without a word of the copy", () => {
    const run = runCli(["validate", made(), "-f", "json"]);
    expect(run.code).toBe(1);
    expect(codes(run.stdout)).toEqual(["status-missing"]);
    expect(run.stderr).toBe("");
  });

  it("with its copy changed is not checked against it, and says in one line what it needs", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(made());
    const sheet = workbook.getWorksheet("kpi-report contract")!;
    // A supplier easing a target in the copy: the copy no longer matches its recorded hash.
    sheet.getCell("A5").value = String(sheet.getCell("A5").value).replace('"atLeast":98', '"atLeast":1');
    const changed = join(elsewhere, "changed.xlsx");
    await workbook.xlsx.writeFile(changed);
    const run = runCli(["validate", "changed.xlsx"], { cwd: elsewhere });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toMatch(
      /^kpi-report: To check changed\.xlsx, validate needs the council's contract "vecteo-send-transport", which it names \(the copy of the contract in its "kpi-report contract" sheet has been changed, so it is not used\): run it in the council's data folder/,
    );
  });
});
