import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Workbook } from "../../src/read/exceljs.js";
import { buildContractWorkbook } from "../../src/read/contract-template.js";
import { CONTRACT_KPI_COLUMNS } from "../../src/schema/contract-workbook-layout.js";
import { checkContract } from "../../src/read/contract.js";
import { bundledContract, dataDir, repoRoot } from "../helpers/contract.js";
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
      /- Contract!A4: "Suplier" is not a field of the Contract sheet; did you mean "Supplier"\?/,
    ],
    [
      "a year that starts in no month",
      (wb: InstanceType<typeof Workbook>) => (wb.getWorksheet("Contract")!.getCell(8, 2).value = "Aprill"),
      /- Contract!B8: "Aprill" is not a month; did you mean "April"\?/,
    ],
    [
      "a last month that is not one",
      (wb: InstanceType<typeof Workbook>) => {
        wb.getWorksheet("Contract")!.getCell(6, 2).value = "2021-04";
        wb.getWorksheet("Contract")!.getCell(7, 2).value = "2028-13";
      },
      /- Contract!B7: term\.last is "2028-13"/,
    ],
    [
      "a label misspelt",
      (wb: InstanceType<typeof Workbook>) =>
        (wb.getWorksheet("Labels")!.getCell(1, 1).value = "Apendix 1 title"),
      /- Labels!A1: "Apendix 1 title" is not a field of the Labels sheet; did you mean "Appendix 1 title"\?/,
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

describe("the contract workbook's term, year and labels", () => {
  const example = (name: string) =>
    JSON.parse(readFileSync(join(repoRoot, "docs/contracts", name, "contract.json"), "utf8"));
  /** An example as an officer might finish it: its term known, its appendices worded its own way. */
  const termed = () => ({
    ...example("highways"),
    term: { first: "2021-04", last: "2028-03" },
    year: { startMonth: 4, quarterEnds: [6, 9, 12, 3] },
    labels: { appendix1: "Performance schedule", msrHeading: "The contract's standards", rank: false },
  });

  it.each([
    ["highways", () => example("highways")],
    ["leisure", () => example("leisure")],
    ["waste", () => example("waste")],
    ["highways, with a term, quarter ends and labels", termed],
  ])("round-trips the %s contract exactly through the workbook", async (name, json) => {
    const { $schema: _, ...original } = json();
    const file = join(work, `${name.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(file, await buildContractWorkbook(checkContract(original, "contract.json").contract));
    const out = join(work, `${name.replace(/\W+/g, "-")}.json`);
    const run = runCli(["contract", file, "--out", out, "--force"]);
    expect(run.code, run.stderr).toBe(0);
    const { $schema, ...written } = JSON.parse(readFileSync(out, "utf8"));
    // The workbook has one word for both: a count's "fewer than" is written "below", which means the same.
    const fewer = (contract: object) =>
      JSON.parse(JSON.stringify(contract).replaceAll('"fewerThan"', '"below"'));
    expect(written).toEqual(fewer(original));
  });

  it("reads them as an officer types them in Excel, and the appendices follow", async () => {
    const data = join(work, "leisure-data");
    cpSync(join(repoRoot, "docs/contracts/leisure"), data, { recursive: true });
    const { $schema: _, ...leisure } = example("leisure");
    const file = join(work, "leisure-typed.xlsx");
    writeFileSync(file, await buildContractWorkbook(checkContract(leisure, "contract.json").contract));
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const details = wb.getWorksheet("Contract")!;
    // Excel makes a typed 2024-03 a date in a cell not formatted as text.
    details.getCell(6, 2).value = new Date(Date.UTC(2024, 2, 1));
    details.getCell(6, 2).numFmt = "mmm-yy";
    details.getCell(8, 2).value = 4;
    details.getCell(9, 2).value = "Jun, Sep, Dec, Mar";
    const labels = wb.getWorksheet("Labels")!;
    labels.getCell(1, 2).value = "Quarterly performance schedule";
    labels.getCell(5, 2).value = "None";
    await wb.xlsx.writeFile(file);

    const run = runCli(["contract", file, "--data", data, "--force"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("7 KPIs and 3 MSRs");
    const contract = JSON.parse(readFileSync(join(data, "contract.json"), "utf8"));
    expect(contract.term).toEqual({ first: "2024-03" });
    expect(contract.year).toEqual({ startMonth: 4, quarterEnds: [6, 9, 12, 3] });
    expect(contract.labels).toEqual({
      appendix1: "Quarterly performance schedule",
      msrHeading: "The contract's Minimum Service Requirements",
      compliments: false,
    });

    const out = join(work, "leisure-out");
    const build = runCli([
      "build",
      "--month",
      "2024-06",
      "--data",
      data,
      "--out",
      out,
      "--formats",
      "html",
      "--quiet",
    ]);
    expect(build.code, build.stderr).toBe(0);
    const html = readFileSync(join(out, "appendices-2024-06.html"), "utf8").replace(/<[^>]+>/g, " ");
    expect(html).toContain("Appendix 1: Quarterly performance schedule, June 2024");
    expect(html).not.toMatch(/Compliments/);
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
