import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Workbook } from "../../src/read/exceljs.js";
import { buildContractWorkbook } from "../../src/read/contract-template.js";
import { CONTRACT_KPI_COLUMNS } from "../../src/schema/contract-workbook-layout.js";
import { bundledContract, dataDir } from "../helpers/contract.js";
import { runCli } from "../helpers/run-cli.js";

// The workbooks here are made by our own writer (read/contract-template.ts, through exceljs) and then
// filled through exceljs, as an officer fills them in Excel: typed values, a 98% typed into a % cell.
const work = mkdtempSync(join(tmpdir(), "kpi-contract-wb-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const col = (key: string) => CONTRACT_KPI_COLUMNS.findIndex((c) => c.key === key) + 1;

/** A blank contract workbook from `init --contract-workbook`, filled by `fill`, saved as `name`. */
async function filled(
  name: string,
  fill: (wb: InstanceType<typeof Workbook>) => void,
): Promise<{ dir: string; file: string }> {
  const dir = join(work, name);
  const init = runCli(["init", dir, "--contract-workbook"]);
  expect(init.code, init.stderr).toBe(0);
  const wb = new Workbook();
  await wb.xlsx.readFile(join(dir, "contract.xlsx"));
  fill(wb);
  const file = join(dir, "contract.xlsx");
  await wb.xlsx.writeFile(file);
  return { dir, file };
}

function highways(wb: InstanceType<typeof Workbook>): void {
  const details = wb.getWorksheet("Contract")!;
  [
    "highways-maintenance",
    "Highways maintenance term contract",
    "Anyshire County Council",
    "Roadworks Ltd",
  ].forEach((v, i) => {
    details.getCell(i + 1, 2).value = v;
  });
  const kpis = wb.getWorksheet("KPIs")!;
  const row = kpis.getRow(2);
  const values: Record<string, string | number> = {
    number: 1,
    serviceCriteria: "Safety",
    description: "Category 1 defects made safe within 24 hours",
    shortName: "Cat 1 made safe",
    rank: 10,
    frequency: "monthly",
    kind: "percentage",
    comparison: "at least",
    targetText: "98%",
  };
  for (const [key, v] of Object.entries(values)) row.getCell(col(key)).value = v;
  row.getCell(col("target")).value = 0.98;
  row.getCell(col("target")).numFmt = "0%";
  const msrs = wb.getWorksheet("MSRs")!;
  msrs.getRow(2).getCell(1).value = 1;
  msrs.getRow(2).getCell(2).value = "Dangerous defects are made safe promptly.";
  msrs.getRow(2).getCell(3).value = "1";
}

describe("the contract workbook", () => {
  it("round-trips Southend's contract exactly: contract -> workbook -> kpi-report contract -> contract.json", async () => {
    const file = join(work, "southend.xlsx");
    writeFileSync(file, await buildContractWorkbook(bundledContract()));
    const out = join(work, "southend.json");
    const run = runCli(["contract", file, "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("27 KPIs and 12 MSRs");
    const { $schema, ...written } = JSON.parse(readFileSync(out, "utf8"));
    expect($schema).toBe("./contract.schema.json");
    expect(written).toEqual(JSON.parse(readFileSync(join(dataDir, "contract.json"), "utf8")));
    expect(JSON.parse(readFileSync(join(work, "contract.schema.json"), "utf8")).title).toBe(
      "kpi-report contract",
    );
  });

  it("from init --contract-workbook, filled as Excel stores it (98% typed as 0.98 with a % format), becomes a contract a template is made from", async () => {
    const { dir, file } = await filled("highways", highways);
    const run = runCli(["contract", file, "--data", dir]);
    expect(run.code, run.stderr).toBe(0);
    const contract = JSON.parse(readFileSync(join(dir, "contract.json"), "utf8"));
    expect(contract.kpis[0].target).toEqual({ kind: "percentage", atLeast: 98 });
    expect(contract.msrs[0].linkedKpis).toEqual([1]);
    const template = runCli([
      "template",
      "--month",
      "2024-04",
      "--data",
      dir,
      "--out",
      join(dir, "return.xlsx"),
    ]);
    expect(template.code, template.stderr).toBe(0);
    expect(template.stdout).toContain("Roadworks Ltd to fill in, 1 KPIs");
    // An existing contract.json is not replaced without --force.
    expect(runCli(["contract", file, "--data", dir]).stderr).toMatch(
      /contract\.json already exists; nothing was changed/,
    );
  });

  it.each([
    [
      "a misspelt comparison",
      (wb: InstanceType<typeof Workbook>) =>
        (wb.getWorksheet("KPIs")!.getRow(2).getCell(col("comparison")).value = "at lest"),
      /- KPIs!H2: "at lest" is not a comparison; did you mean "at least"\?/,
    ],
    [
      "a rank in words",
      (wb: InstanceType<typeof Workbook>) =>
        (wb.getWorksheet("KPIs")!.getRow(2).getCell(col("rank")).value = "high"),
      /- KPIs!E2: KPI 1 \(the 1st in kpis\), rank is "high": it must be a number/,
    ],
    [
      "no short name",
      (wb: InstanceType<typeof Workbook>) =>
        (wb.getWorksheet("KPIs")!.getRow(2).getCell(col("shortName")).value = null),
      /- KPIs!D2: KPI 1 \(the 1st in kpis\), shortName is missing/,
    ],
    [
      "a kind that is not one",
      (wb: InstanceType<typeof Workbook>) =>
        (wb.getWorksheet("KPIs")!.getRow(2).getCell(col("kind")).value = "stars"),
      /- KPIs!G2: KPI 1 \(the 1st in kpis\), target\.kind is "stars": it must be one of/,
    ],
    [
      "a renamed column",
      (wb: InstanceType<typeof Workbook>) =>
        (wb.getWorksheet("KPIs")!.getRow(1).getCell(col("comparison")).value = "Comparision"),
      /- KPIs!H1: "Comparision" is not a column of the KPIs sheet; did you mean "Comparison"\?/,
    ],
    [
      "no Contract sheet",
      (wb: InstanceType<typeof Workbook>) => wb.removeWorksheet(wb.getWorksheet("Contract")!.id),
      /- the workbook has no "Contract" sheet/,
    ],
    [
      "a field label misspelt",
      (wb: InstanceType<typeof Workbook>) => (wb.getWorksheet("Contract")!.getCell(4, 1).value = "Suplier"),
      /- Contract!A4: "Suplier" is not a field of the contract; did you mean "Supplier"\?/,
    ],
  ])("names the cell of %s, writes nothing and exits 2", async (name, breakIt, message) => {
    const { dir, file } = await filled(`bad-${name.replace(/\W+/g, "-")}`, (wb) => {
      highways(wb);
      breakIt(wb);
    });
    const run = runCli(["contract", file, "--data", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/Invalid input|expected .* received|\n\s+at /);
    expect(() => readFileSync(join(dir, "contract.json"))).toThrow();
  });
});

describe("init --blank", () => {
  it("writes a contract with every key it must have, that the commands read, and its schema beside it", () => {
    const dir = join(work, "blank");
    const run = runCli(["init", dir, "--blank"]);
    expect(run.code, run.stderr).toBe(0);
    const contract = JSON.parse(readFileSync(join(dir, "contract.json"), "utf8"));
    expect(contract.$schema).toBe("./contract.schema.json");
    expect(contract.kpis).toHaveLength(1);
    const template = runCli(["template", "--month", "2024-04", "--data", dir, "--out", join(dir, "r.xlsx")]);
    expect(template.code, template.stderr).toBe(0);
    expect(runCli(["init", join(work, "x"), "--blank", "--example"]).stderr).toMatch(
      /cannot be used with --blank/,
    );
  });
});
