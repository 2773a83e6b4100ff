import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { reviewReference } from "../../src/commands/review-reference.js";
import { defaultSchedule, evaluateMonth, scheduleResults } from "../../src/evaluate/index.js";
import { buildReport } from "../../src/model/report.js";
import { resultsView } from "../../src/model/results-json.js";
import { checkContract } from "../../src/read/contract.js";
import { buildReturnWorkbook } from "../../src/read/return-template.js";
import { buildReviewWorkbook } from "../../src/read/review-template.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import { renderHtml } from "../../src/render/html/index.js";
import type { Contract } from "../../src/schema/contract.js";
import type { Id } from "../../src/schema/id.js";
import type { MonthlyReturn } from "../../src/schema/return.js";
import type { MonthlyReview } from "../../src/schema/review.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { validateReview } from "../../src/validate/validate-review.js";
import { bundledData } from "../helpers/bundled-data.js";
import { dataDir, repoRoot } from "../helpers/contract.js";
import { place } from "./helpers.js";

/**
 * Southend's contract with some KPIs and MSRs given ids as other councils write them ("3a", "PI-07",
 * "2b"), and September's real return and review carried over to them: read, checked, judged and
 * drawn by id, in the order a person sorts them.
 */
const KPI_IDS: Record<number, string> = { 3: "3a", 4: "3b", 27: "PI-07" };
const MSR_IDS: Record<number, string> = { 2: "2b" };
const kpiId = (n: Id) => KPI_IDS[n as number] ?? n;
const msrId = (n: Id) => MSR_IDS[n as number] ?? n;
const MONTH = "2022-09";

function renumbered(): Contract {
  const json = JSON.parse(readFileSync(`${dataDir}contract.json`, "utf8"));
  // In reverse, so the order on the page can only come from sorting.
  json.kpis = json.kpis.map((k: { number: number }) => ({ ...k, number: kpiId(k.number) })).reverse();
  json.msrs = json.msrs
    .map((m: { number: number; linkedKpis: number[] }) => ({
      ...m,
      number: msrId(m.number),
      linkedKpis: m.linkedKpis.map(kpiId),
    }))
    .reverse();
  return checkContract(json, "renumbered.json").contract;
}

let contract: Contract;
let returnOf: MonthlyReturn;
let reviewOf: MonthlyReview;
let allReturns: Map<string, MonthlyReturn>;
let returnBytes: Buffer;
beforeAll(async () => {
  contract = renumbered();
  const { returns, reviews } = await bundledData();
  // Every month's, as a report KPI's earlier report covers the months after it.
  allReturns = new Map(
    [...returns].map(([month, r]) => [
      month,
      { ...r, kpis: r.kpis.map((k) => ({ ...k, kpi: kpiId(k.kpi) })) },
    ]),
  );
  returnOf = {
    ...returns.get(MONTH)!,
    kpis: returns.get(MONTH)!.kpis.map((r) => ({ ...r, kpi: kpiId(r.kpi) })),
  };
  const review = reviews.get(MONTH)!;
  reviewOf = {
    ...review,
    kpis: review.kpis.map((r) => ({ ...r, kpi: kpiId(r.kpi) })),
    msrComments: review.msrComments.map((c) => ({ ...c, msr: msrId(c.msr) })),
  };
  returnBytes = await buildReturnWorkbook(contract, MONTH, returnOf);
});

async function editedReturn(cells: Record<string, ExcelJS.CellValue>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(returnBytes as unknown as ExcelJS.Buffer);
  for (const [cell, value] of Object.entries(cells))
    workbook.getWorksheet("KPIs")!.getCell(cell).value = value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const validated = async (bytes: Uint8Array) =>
  validateReturn(await parseWorkbook(bytes, "return.xlsx"), contract, { month: MONTH });

describe("KPI and MSR ids as the contract writes them", () => {
  it("are sorted naturally, whatever order the contract lists them in", () => {
    const kpis = contract.kpis.map((k) => k.number);
    expect(kpis.slice(0, 5)).toEqual([1, 2, "3a", "3b", 5]);
    expect(kpis.at(-1)).toBe("PI-07");
    expect(contract.msrs.map((m) => m.number).slice(0, 3)).toEqual([1, "2b", 3]);
  });

  it("are written into the return template and read back from it, row by row", async () => {
    const result = await validated(returnBytes);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.value!.kpis.map((r) => r.kpi)).toEqual(contract.kpis.map((k) => k.number));
  });

  // Row 4 is KPI 3a (row 2 is KPI 1), row 28 KPI PI-07.
  it.each([
    ["3A", "KPI 3a typed in capitals"],
    ["kpi 3a", "with the word KPI"],
  ])("finds KPI 3a typed as %j (%s)", async (typed) => {
    const result = await validated(await editedReturn({ A4: typed }));
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.value!.kpis[2]!.kpi).toBe("3a");
  });

  it("finds KPI PI-07 typed without its leading zero", async () => {
    const result = await validated(await editedReturn({ A28: "pi-7" }));
    expect(result.value!.kpis.at(-1)!.kpi).toBe("PI-07");
  });

  it.each([
    [
      "3c",
      [
        ["kpi-unknown", "KPIs!A4"],
        ["kpi-missing", "KPIs!A:A"],
      ],
    ],
    [
      "Total",
      [
        ["kpi-number-invalid", "KPIs!A4"],
        ["kpi-missing", "KPIs!A:A"],
      ],
    ],
  ])("names a cell holding %j", async (typed, expected) => {
    const result = await validated(await editedReturn({ A4: typed }));
    expect(result.findings.filter((f) => f.severity === "error").map(place)).toEqual(expected);
    const unknown = result.findings.find((f) => f.code === "kpi-unknown");
    if (unknown) expect([unknown.found, unknown.expected]).toEqual(["3c", "a KPI from 1 to PI-07"]);
  });

  it("reads the council's review by the same ids, MSR 2b's comment included", async () => {
    const returns = new Map([[MONTH, returnOf]]);
    const blank = await buildReviewWorkbook(
      contract,
      MONTH,
      reviewReference(returnOf, evaluateMonth(contract, MONTH, returns)),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(blank as unknown as ExcelJS.Buffer);
    const comments = workbook.getWorksheet("MSR comments")!;
    comments.getCell("E3").value = "Two routes were covered late.";
    const review = workbook.getWorksheet("Review")!;
    review.getCell("B3").value = "A. Officer";
    review.getCell("B4").value = "14/10/2022";
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = validateReview(await parseWorkbook(bytes, "review.xlsx"), contract, { month: MONTH });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.value!.msrComments).toEqual([{ msr: "2b", comment: "Two routes were covered late." }]);
  });

  it("reach September's verdict and print each KPI by its id, in the appendix and the results JSON", async () => {
    const months = defaultSchedule(MONTH, "2022-03");
    const results = scheduleResults(contract, months, allReturns, new Map([[MONTH, reviewOf]]));
    const september = results.get(MONTH)!;
    const json = resultsView(september);
    expect(json.summary.line).toBe("24 KPIs achieved, 3 not met: KPI 5, 26 and PI-07");
    expect(json.kpis.map((k) => k.number).slice(0, 4)).toEqual([1, 2, "3a", "3b"]);
    expect(json.msrs.find((m) => m.number === "2b")).toBeDefined();
    const html = Buffer.from(
      await renderHtml(
        buildReport({
          contract,
          months,
          results,
          summaryTemplate: readFileSync(`${repoRoot}templates/summary.hbs`, "utf8"),
          date: `${MONTH}-01T00:00:00.000Z`,
          startPage: 1,
          glance: false,
        }),
      ),
    ).toString("utf8");
    const rowHeaders = [
      ...html.matchAll(/<th scope="row"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?<p[^>]*>([^<]+)</g),
    ].map((m) => m[1]);
    expect(rowHeaders.slice(0, 5)).toEqual(["1", "2", "3a", "3b", "5"]);
    expect(html).toContain("KPI 5, 26 and PI-07");
    expect(html).toContain("KPI 3a, ");
  });
});
