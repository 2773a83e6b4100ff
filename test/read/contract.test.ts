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
  number, serviceCriteria: "Co-ordination", description: `KPI ${number}`, shortName: `Short ${number}`,
  rank: 1, frequency: "monthly", target: { kind: "percentage", atLeast: 90 }, targetText: "90%",
});
const small = (): Contract =>
  ({ id: "small", title: "Small", council: "A Council", supplier: "A Supplier", kpis: [kpi(1), kpi(2)], msrs: [{ number: 1, text: "Do it", linkedKpis: [1, 2] }] }) as Contract;

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
    ["a KPI number twice", (c: Contract) => c.kpis.push(kpi(2) as Contract["kpis"][number]), /KPI 2 is defined twice/],
    ["an MSR number twice", (c: Contract) => c.msrs.push({ number: 1, text: "Again", linkedKpis: [] }), /MSR 1 is defined twice/],
    ["an MSR linking a KPI that does not exist", (c: Contract) => c.msrs[0]!.linkedKpis.push(31), /MSR 1 links KPI 31, which the contract does not define/],
    ["a target above 100%", (c: Contract) => ((c.kpis[0]!.target as { atLeast: number }).atLeast = 120), /kpis\[0\]\.target\.atLeast/],
    ["an unknown kind of target", (c: Contract) => ((c.kpis[0] as { target: unknown }).target = { kind: "stars" }), /kpis\[0\]\.target/],
    ["a field the schema does not have", (c: Contract) => ((c.kpis[0] as Record<string, unknown>).colour = "red"), /kpis\[0\]/],
    ["an id with spaces", (c: Contract) => (c.id = "my contract"), /^[\s\S]*id: lower-case letters/],
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
    expect(findings).toEqual([expect.objectContaining({ code: "contract-kpi-unlinked", severity: "warning", message: "KPI 2 (Short 2) is not linked by any MSR." })]);
  });

  it.each([
    ["missing", (dir: string) => join(dir, "nope.json"), /Cannot read the contract file/],
    ["not JSON", (dir: string) => (writeFileSync(join(dir, "c.json"), "{ kpis: "), join(dir, "c.json")), /not valid JSON/],
    ["a directory", (dir: string) => dir, /is a directory/],
  ])("a contract file that is %s stops the run", async (_, make, message) => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-contract-"));
    await expect(loadContract(make(dir))).rejects.toThrow(message);
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
