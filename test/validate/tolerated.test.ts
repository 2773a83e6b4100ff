import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseWorkbook } from "../../src/read/workbook.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { contract, editWorkbook, kpiSheet, MONTH, place, returnBytes } from "./helpers.js";

/**
 * What people do to a return that is not a mistake: each must validate clean, and the value
 * that matters must be read as meant.
 */
type Case = {
  name: string;
  edit: (wb: ExcelJS.Workbook) => void;
  check?: (value: NonNullable<ReturnType<typeof validateReturn>["value"]>) => void;
};
const kpis = (edit: (sheet: ExcelJS.Worksheet) => void) => (wb: ExcelJS.Workbook) => edit(kpiSheet(wb));

const CASES: Case[] = [
  {
    name: "sheet names in another case, with a non-breaking space",
    edit: (wb) => ((kpiSheet(wb).name = "kpis\u00a0"), (wb.getWorksheet("Return")!.name = "RETURN\u00a0")),
  },
  {
    name: "headers in another case, with extra and non-breaking spaces",
    edit: kpis((s) => ((s.getCell("G1").value = "  out\u00a0OF "), (s.getCell("E1").value = "STATUS"))),
  },
  { name: "columns in another order", edit: kpis((s) => s.spliceColumns(2, 3)) },
  {
    name: "KPI rows in another order",
    edit: kpis((s) => {
      const a = s.getRow(2).values;
      const b = s.getRow(3).values;
      s.getRow(2).values = b as ExcelJS.CellValue[];
      s.getRow(3).values = a as ExcelJS.CellValue[];
    }),
  },
  { name: '"KPI 7" for a KPI number', edit: kpis((s) => (s.getCell("A8").value = "KPI 7")) },
  {
    name: "numbers typed as text",
    edit: kpis((s) => ((s.getCell("F2").value = " 9 "), (s.getCell("I2").value = "90.0"))),
    check: (v) => expect(v.kpis[0]).toMatchObject({ achieved: 9, percentage: 90 }),
  },
  {
    name: "rich text in the status and the commentary",
    edit: kpis(
      (s) => (
        (s.getCell("E2").value = { richText: [{ text: "meas" }, { font: { bold: true }, text: "ured" }] }),
        (s.getCell("J2").value = { richText: [{ text: "Two " }, { font: { italic: true }, text: "late" }] })
      ),
    ),
    check: (v) => expect(v.kpis[0]).toMatchObject({ status: "measured", commentary: "Two late" }),
  },
  {
    name: "a hyperlink as commentary",
    edit: kpis(
      (s) => (s.getCell("J2").value = { text: "See the incident log", hyperlink: "https://example.org/log" }),
    ),
    check: (v) => expect(v.kpis[0]!.commentary).toBe("See the incident log"),
  },
  {
    name: "a formula with its result saved",
    edit: kpis(
      (s) => (s.getCell("I2").value = { formula: "F2/G2*100", result: 90 } as ExcelJS.CellFormulaValue),
    ),
    check: (v) => expect(v.kpis[0]!.percentage).toBe(90),
  },
  {
    name: "a percentage typed as Excel stores it: 0.9 formatted 0.00%",
    edit: kpis((s) =>
      Object.assign(s.getCell("I2"), { value: 0.9, style: { ...s.getCell("I2").style, numFmt: "0.00%" } }),
    ),
    check: (v) => expect(v.kpis[0]!.percentage).toBe(90),
  },
  {
    name: "a percentage alone typed as Excel stores it: 0.995 formatted 0%",
    edit: kpis(
      (s) => (
        (s.getCell("F3").value = null),
        (s.getCell("G3").value = null),
        Object.assign(s.getCell("I3"), { value: 0.995, style: { ...s.getCell("I3").style, numFmt: "0%" } })
      ),
    ),
    check: (v) => expect(v.kpis[1]).toMatchObject({ percentage: 99.5 }),
  },
  {
    name: 'a percentage typed as text, "90%"',
    edit: kpis((s) => (s.getCell("I2").value = "90%")),
    check: (v) => expect(v.kpis[0]!.percentage).toBe(90),
  },
  {
    name: "a small percentage beside the counts that make it (1 of 200 is 0.5%)",
    edit: kpis(
      (s) => ((s.getCell("F2").value = 1), (s.getCell("G2").value = 200), (s.getCell("I2").value = 0.5)),
    ),
    check: (v) => expect(v.kpis[0]).toMatchObject({ achieved: 1, total: 200, percentage: 0.5 }),
  },
  {
    name: "a literal _x0041_ as Excel escapes it (_x005F_x0041_)",
    edit: kpis((s) => (s.getCell("J2").value = "code _x005F_x0041_ and _x0041_")),
    check: (v) => expect(v.kpis[0]!.commentary).toBe("code _x0041_ and A"),
  },
  {
    name: "the month typed as a date in the 1904 date system",
    edit: (wb) => (
      (wb.properties.date1904 = true),
      Object.assign(wb.getWorksheet("Return")!.getCell("B2"), {
        value: new Date(Date.UTC(2022, 9, 1)),
        style: { numFmt: "mmm yyyy" },
      })
    ),
  },
  {
    name: "the month typed as a date",
    edit: (wb) =>
      Object.assign(wb.getWorksheet("Return")!.getCell("B2"), {
        value: new Date(Date.UTC(2022, 9, 1)),
        style: { numFmt: "mmm yyyy" },
      }),
  },
  { name: "two reference headers merged in the header row", edit: kpis((s) => s.mergeCells("B1:C1")) },
  {
    name: "service criteria merged down their column, as the schedule prints them",
    edit: kpis((s) => s.mergeCells("B2:B4")),
  },
  { name: "an empty column hidden", edit: kpis((s) => (s.getColumn("M").hidden = true)) },
  {
    name: "a note to the right of the return",
    edit: kpis((s) => (s.getCell("P1").value = "Figures from the October logs")),
  },
];

describe("what a return may do without a finding", () => {
  it.each(CASES)("$name", async (c) => {
    const bytes = await editWorkbook(c.edit);
    const result = validateReturn(await parseWorkbook(bytes, "return.xlsx"), contract, { month: MONTH });
    // A note beside the return is still worth a warning: it is not read.
    const expected = c.name.startsWith("a note to the right") ? [["column-unexpected", "KPIs!P1"]] : [];
    expect(result.findings.map(place)).toEqual(expected);
    if (c.check) c.check(result.value!);
  });
});

describe("what the new findings say", () => {
  const findingOf = async (edit: (wb: ExcelJS.Workbook) => void) =>
    (
      await parseWorkbook(await editWorkbook(edit), "return.xlsx").then((wb) =>
        validateReturn(wb, contract, { month: MONTH }),
      )
    ).findings;
  const percentageAlone = (value: ExcelJS.CellValue, numFmt?: string) =>
    kpis(
      (s) => (
        (s.getCell("F2").value = null),
        (s.getCell("G2").value = null),
        numFmt
          ? Object.assign(s.getCell("I2"), { value, style: { ...s.getCell("I2").style, numFmt } })
          : (s.getCell("I2").value = value)
      ),
    );

  it("a bare fraction: names the cell, asks which was meant, and is taken as typed", async () => {
    const [found] = await findingOf(percentageAlone(0.995));
    expect(found).toMatchObject({
      code: "percentage-ambiguous",
      severity: "warning",
      cell: "I2",
      found: "0.995",
    });
    expect(found!.message).toBe(
      "KPI 1: Percentage in I2 is 0.995, with no percentage format: did you mean 99.5%? It is read as typed, 0.995%; type 99.5 (or 99.5%) if that is what you meant.",
    );
  });

  it("a fraction beside its counts: says it looks like one", async () => {
    const [found] = await findingOf(kpis((s) => (s.getCell("I2").value = 0.9)));
    expect(found!.message).toBe(
      "KPI 1: 0.9% does not match 9 of 10 (90%). It looks like a fraction: type 90, or 90%.",
    );
  });

  it("99.5 in a cell formatted as a percentage: says what the cell shows", async () => {
    const [found] = await findingOf(percentageAlone(99.5, "0.0%"));
    expect(found!.message).toBe(
      "Percentage in I2 is 9950, above 100 (the cell is formatted as a percentage, so it shows 9950%; for 99.5%, type 99.5%).",
    );
  });

  it("a vertical tab: names the character, and the text reads with a space", async () => {
    const edit = kpis((s) => (s.getCell("J2").value = "Two late_x000B_one cancelled"));
    const result = validateReturn(await parseWorkbook(await editWorkbook(edit), "return.xlsx"), contract, {
      month: MONTH,
    });
    expect(result.findings.map((f) => f.message)).toEqual([
      "Commentary in J2 holds the control character U+000B (vertical tab), which no document can hold; it is read as a space.",
    ]);
    expect(result.value!.kpis[0]!.commentary).toBe("Two late one cancelled");
  });

  it("KPI 21 with a Count alone: names the cells to fill", async () => {
    const [found] = await findingOf(
      kpis((s) => ((s.getCell("F22").value = null), (s.getCell("G22").value = null))),
    );
    // In the words of the row's Figures needed column (K22), so the warning asks for what the template asked for.
    expect(found!.message).toBe(
      'KPI 21 is measured, but only Count is given, and its target needs more. Figures needed: "Count, and how many of them were reported: Achieved and Out of (or Percentage). With a Count of 0, nothing more." Fill F22 and G22, or it is reported as not captured.',
    );
  });

  // One wording: what the template's Figures needed cell asks of the row is what the warning quotes.
  it.each([
    {
      kind: "a percentage target",
      row: 2,
      edit: kpis(
        (s) => (["F2", "G2", "I2"].forEach((c) => (s.getCell(c).value = null)), (s.getCell("H2").value = 5)),
      ),
    },
    {
      kind: "a count target with a reported share",
      row: 22,
      edit: kpis((s) => ["F22", "G22"].forEach((c) => (s.getCell(c).value = null))),
    },
    {
      kind: "a report target",
      row: 24,
      edit: kpis((s) => ["F24", "G24"].forEach((c) => (s.getCell(c).value = null))),
    },
  ])("$kind: the warning quotes the row's Figures needed cell", async ({ row, edit }) => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await returnBytes()) as unknown as ExcelJS.Buffer);
    const asked = kpiSheet(template).getCell(`K${row}`).value;
    const [found] = await findingOf(edit);
    expect(found).toMatchObject({ code: "figure-needed", cell: `F${row}`, expected: asked });
    expect(found!.message).toContain(`Figures needed: "${asked}"`);
  });
});
