import { describe, expect, it } from "vitest";
import { MAX_COMPLIMENTS_LENGTH, MAX_COUNT, MAX_TEXT_LENGTH } from "../../src/schema/workbook-layout.js";
import { editWorkbook, findingsOf, kpiCell, kpiSheet, place } from "./helpers.js";

/**
 * Numbers and text a supplier can type that no output can show honestly: a count of 1e308 printed
 * "1e+308 of 1e+308 (Infinity%)", a count past 2^53 was silently rounded, and 1.1 MB of compliments
 * made a 1,272-page PDF. Each is refused at its cell.
 */
const detail = (row: number, text: string) => (wb: import("exceljs").Workbook) => {
  wb.getWorksheet("Return")!.getCell(`B${row}`).value = text;
};
const figure = (cells: Record<string, number | string>) => (wb: import("exceljs").Workbook) => {
  for (const [cell, value] of Object.entries(cells)) kpiSheet(wb).getCell(cell).value = value;
};
const returnRow = (label: string) => (wb: import("exceljs").Workbook) => {
  let row = 0;
  wb.getWorksheet("Return")!.eachRow((r, n) => {
    if (r.getCell(1).value === label) row = n;
  });
  return row;
};

describe("counts are whole, finite and within the limit", () => {
  it.each([
    [
      "1e308 of 1e308",
      { [kpiCell(1, "achieved")]: 1e308, [kpiCell(1, "total")]: 1e308, [kpiCell(1, "percentage")]: "" },
      [
        ["number-too-large", `KPIs!${kpiCell(1, "achieved")}`],
        ["number-too-large", `KPIs!${kpiCell(1, "total")}`],
      ],
    ],
    [
      "a count past 2^53",
      { [kpiCell(21, "count")]: 2 ** 53 + 2 },
      [["number-too-large", `KPIs!${kpiCell(21, "count")}`]],
    ],
    [
      "one more than the limit",
      { [kpiCell(2, "total")]: MAX_COUNT + 1, [kpiCell(2, "achieved")]: 9, [kpiCell(2, "percentage")]: "" },
      [["number-too-large", `KPIs!${kpiCell(2, "total")}`]],
    ],
    [
      "the limit itself",
      {
        [kpiCell(2, "total")]: MAX_COUNT,
        [kpiCell(2, "achieved")]: MAX_COUNT,
        [kpiCell(2, "percentage")]: "",
      },
      [],
    ],
  ])("%s", async (_, cells, expected) => {
    const findings = await findingsOf(await editWorkbook(figure(cells)));
    expect(findings.map(place)).toEqual(expected);
    for (const f of findings) expect(f.message).not.toMatch(/Infinity|NaN|e\+/);
  });
});

describe("text is within its field's limit", () => {
  const long = (n: number) => "x".repeat(n);
  it.each([
    [
      "1.1 MB of Compliments",
      "Compliments",
      long(1_100_000),
      "text-too-long",
      `${(1_100_000).toLocaleString("en-GB")} characters long; a spreadsheet cell holds at most 32,767`,
    ],
    [
      "Compliments one past their limit",
      "Compliments",
      long(MAX_COMPLIMENTS_LENGTH + 1),
      "text-too-long",
      `the limit is ${MAX_COMPLIMENTS_LENGTH.toLocaleString("en-GB")}`,
    ],
    [
      "a Supplier past Excel's cell limit",
      "Supplier",
      long(MAX_TEXT_LENGTH + 1),
      "text-too-long",
      "a spreadsheet cell holds at most 32,767",
    ],
    [
      "Prepared by past Excel's cell limit",
      "Prepared by",
      long(MAX_TEXT_LENGTH + 1),
      "text-too-long",
      "a spreadsheet cell holds at most 32,767",
    ],
  ])("%s is refused at its cell", async (_, label, text, code, words) => {
    let row = 0;
    const bytes = await editWorkbook((wb) => {
      row = returnRow(label)(wb);
      detail(row, text)(wb);
    });
    const findings = await findingsOf(bytes);
    expect(findings.map(place)).toEqual([[code, `Return!B${row}`]]);
    expect(findings[0]!.message).toContain(words);
  });

  it("Compliments at their limit are read", async () => {
    const bytes = await editWorkbook((wb) =>
      detail(returnRow("Compliments")(wb), long(MAX_COMPLIMENTS_LENGTH))(wb),
    );
    expect((await findingsOf(bytes)).map(place)).toEqual([]);
  });

  it("Commentary past Excel's cell limit is one finding at its cell", async () => {
    const cell = kpiCell(3, "commentary");
    const findings = await findingsOf(await editWorkbook(figure({ [cell]: long(MAX_TEXT_LENGTH + 1) })));
    expect(findings.map(place)).toEqual([["text-too-long", `KPIs!${cell}`]]);
  });
});
