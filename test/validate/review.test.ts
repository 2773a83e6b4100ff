import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateMonth } from "../../src/evaluate/index.js";
import { reviewReference } from "../../src/commands/review-reference.js";
import { buildReviewWorkbook } from "../../src/read/review-template.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import type { MonthlyReview } from "../../src/schema/review.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { validateReview, workbookKind } from "../../src/validate/validate-review.js";
import { bundledData } from "../helpers/bundled-data.js";
import { contract, place, returnBytes } from "./helpers.js";

/**
 * The council's review, checked as a return is: one broken review per row, changed through exceljs
 * as an officer would in Excel, each with every finding expected as [code, Sheet!cell].
 */
const MONTH = "2022-09";
let blank: Buffer;
beforeAll(async () => {
  const { returns } = await bundledData();
  blank = await buildReviewWorkbook(
    contract,
    MONTH,
    reviewReference(returns.get(MONTH)!, evaluateMonth(contract, MONTH, returns)),
  );
});

/** Each case starts from a review signed as an officer signs it (B3 who, B4 when), so only its own finding shows. */
const signed = (wb: ExcelJS.Workbook) => {
  wb.getWorksheet("Review")!.getCell("B3").value = "A. Officer";
  wb.getWorksheet("Review")!.getCell("B4").value = "14/10/2022";
};
async function edited(edit: (wb: ExcelJS.Workbook) => void, sign = true): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(blank as unknown as ExcelJS.Buffer);
  if (sign) signed(workbook);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const kpis = (cells: Record<string, ExcelJS.CellValue>) => (wb: ExcelJS.Workbook) => {
  for (const [cell, value] of Object.entries(cells)) wb.getWorksheet("KPIs")!.getCell(cell).value = value;
};
const check = async (bytes: Uint8Array) =>
  validateReview(await parseWorkbook(bytes, "review.xlsx"), contract, { month: MONTH });

// Row 6 is KPI 5; H verified, I note, J derived, K override, L reason.
const CASES: { name: string; edit: (wb: ExcelJS.Workbook) => void; expected: [string, string][] }[] = [
  {
    name: "verified neither yes nor no",
    edit: kpis({ H6: "maybe" }),
    expected: [["verified-invalid", "KPIs!H6"]],
  },
  {
    name: "derived neither yes nor no",
    edit: kpis({ J6: "perhaps" }),
    expected: [["verified-invalid", "KPIs!J6"]],
  },
  {
    name: "an override that is no outcome",
    edit: kpis({ K6: "Passed", L6: "Because" }),
    expected: [["override-invalid", "KPIs!K6"]],
  },
  {
    name: "an override with no reason",
    edit: kpis({ K6: "Met" }),
    expected: [["override-without-reason", "KPIs!L6"]],
  },
  {
    name: "a reason with no override",
    edit: kpis({ L6: "Because" }),
    expected: [["reason-without-override", "KPIs!L6"]],
  },
  {
    name: "a note on a KPI the contract lacks",
    edit: kpis({ A6: 99, I6: "Checked" }),
    expected: [["kpi-unknown", "KPIs!A6"]],
  },
  {
    name: "a comment for an MSR the contract lacks",
    edit: (wb) => (wb.getWorksheet("MSR comments")!.getRow(20).values = [99, , , , "A comment"]),
    expected: [["msr-unknown", "MSR comments!A20"]],
  },
  {
    name: "another month",
    edit: (wb) => (wb.getWorksheet("Review")!.getCell("B2").value = "2022-08"),
    expected: [["month-mismatch", "Review!B2"]],
  },
  {
    name: "the council's column renamed",
    edit: kpis({ K1: "Outcome overide" }),
    expected: [["column-renamed", "KPIs!K1"]],
  },
  // Characters no document can hold, stored as Excel stores them (_xHHHH_), in the council's own text.
  {
    name: "half an emoji in an MSR comment",
    edit: (wb) => (wb.getWorksheet("MSR comments")!.getCell("E2").value = "Good _xD83D_ work"),
    expected: [["character-replaced", "MSR comments!E2"]],
  },
  {
    name: "a vertical tab in a verification note",
    edit: kpis({ I6: "Checked_x000B_twice" }),
    expected: [["character-replaced", "KPIs!I6"]],
  },
];

describe("the council's review", () => {
  it("as written blank, is read but says it is not reviewed: who and when are missing", async () => {
    const result = await check(blank);
    expect(result.findings.map(place)).toEqual([["review-not-filled", "Review!B3"]]);
    expect(result.findings[0]!.message).toContain("Reviewed by (B3) and Reviewed on (B4) are empty");
    expect(result.value).toEqual({ contract: contract.id, month: MONTH, kpis: [], msrComments: [] });
  });

  it.each([
    {
      name: "who but not when",
      edit: (wb: ExcelJS.Workbook) => (wb.getWorksheet("Review")!.getCell("B3").value = "A. Officer"),
      expected: [["review-not-filled", "Review!B4"]],
    },
    {
      name: "when but not who",
      edit: (wb: ExcelJS.Workbook) =>
        (wb.getWorksheet("Review")!.getCell("B4").value = new Date(Date.UTC(2022, 9, 14))),
      expected: [["review-not-filled", "Review!B3"]],
    },
    {
      name: "a day that is no day",
      edit: (wb: ExcelJS.Workbook) => {
        signed(wb);
        wb.getWorksheet("Review")!.getCell("B4").value = "31/02/2022";
      },
      expected: [["date-invalid", "Review!B4"]],
    },
  ])("half filled: $name", async (c) => {
    expect((await check(await edited(c.edit, false))).findings.map(place)).toEqual(c.expected);
  });

  it("signed with a date cell or typed day first, reads the day as YYYY-MM-DD", async () => {
    const typed = await check(await edited(() => {}));
    expect([typed.findings, typed.value?.reviewedBy, typed.value?.reviewedOn]).toEqual([
      [],
      "A. Officer",
      "2022-10-14",
    ]);
    const dated = await check(
      await edited(
        (wb) => (wb.getWorksheet("Review")!.getCell("B4").value = new Date(Date.UTC(2022, 9, 3))),
        true,
      ),
    );
    expect([dated.findings, dated.value?.reviewedOn]).toEqual([[], "2022-10-03"]);
  });

  it("filled, reads back to the same values", async () => {
    const { returns } = await bundledData();
    const values: MonthlyReview = {
      contract: contract.id,
      month: MONTH,
      reviewedBy: "A. Officer",
      reviewedOn: "2022-10-14",
      kpis: [
        { kpi: 3, verified: true, verificationNote: "Checked against Cordic" },
        { kpi: 5, override: { outcome: "not-met", reason: "Ten meet and greets missed" } },
        { kpi: 9, verified: false, derived: true },
      ],
      msrComments: [{ msr: 1, comment: "KPI 5 fell short" }],
    };
    const bytes = await buildReviewWorkbook(
      contract,
      MONTH,
      reviewReference(returns.get(MONTH)!, evaluateMonth(contract, MONTH, returns)),
      values,
    );
    const result = await check(bytes);
    expect(result.findings).toEqual([]);
    expect(result.value).toEqual(values);
  });

  it("shows the supplier's side and the figures' verdict, locked, beside the council's columns to fill", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(blank as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("KPIs")!;
    // Row 6 is KPI 5: not captured by the supplier, no figures, so the figures alone give "Not captured".
    expect([
      sheet.getCell("A6").value,
      sheet.getCell("D6").value,
      sheet.getCell("E6").value,
      sheet.getCell("G6").value,
    ]).toEqual([5, "not captured", "None", "Not captured: Not captured this month"]);
    expect(sheet.getCell("F6").value).toMatch(/^100% self-delivery achieved/);
    for (const cell of ["A6", "D6", "E6", "F6", "G6"])
      expect(sheet.getCell(cell).protection?.locked, cell).not.toBe(false);
    for (const cell of ["H6", "I6", "J6", "K6", "L6"])
      expect(sheet.getCell(cell).protection?.locked, cell).toBe(false);
    expect(sheet.getCell("K6").dataValidation).toMatchObject({ type: "list" });
    const msrs = workbook.getWorksheet("MSR comments")!;
    expect(msrs.getCell("D2").value).toBe("Not met: KPI 26 and 27; not captured: KPI 5");
    expect(msrs.getCell("E2").protection?.locked).toBe(false);
  });

  it.each(CASES)("$name", async (c) => {
    expect((await check(await edited(c.edit))).findings.map(place)).toEqual(c.expected);
  });

  it("Y, N and TRUE for Council verified", async () => {
    const result = await check(await edited(kpis({ H2: "Y", H3: "n", H4: true })));
    expect(result.findings).toEqual([]);
    expect(result.value!.kpis.map((k) => [k.kpi, k.verified])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
  });

  it("is told from a return by its sheets, and each is refused where the other is expected", async () => {
    const review = await parseWorkbook(blank, "review.xlsx");
    const ret = await parseWorkbook(await returnBytes(), "return.xlsx");
    expect([workbookKind(review), workbookKind(ret)]).toEqual(["review", "return"]);
    // One finding naming what the file is, not a list of the other kind's sheets and columns missing.
    expect(validateReturn(review, contract, { month: MONTH }).findings.map((f) => f.code)).toEqual([
      "workbook-wrong-kind",
    ]);
    expect(validateReview(ret, contract, { month: MONTH }).findings.map((f) => f.code)).toEqual([
      "workbook-wrong-kind",
    ]);
  });
});
