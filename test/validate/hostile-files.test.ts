import { describe, expect, it } from "vitest";
import { parseWorkbook } from "../../src/read/workbook.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { contract, editParts, editWorkbook, findingsOf, kpiSheet, MONTH, place } from "./helpers.js";

/**
 * Files that are small but would make exceljs do enormous work if passed to it as they are:
 * each must read in well under a second, with what the validator needs still read.
 */
const KPI_XML = "xl/worksheets/sheet3.xml";
const inSheet = (edit: (xml: string) => string) => () =>
  editParts((parts) => parts.set(KPI_XML, edit(parts.get(KPI_XML)!)));
const beforeClosing = (tag: string, xml: string) => (text: string) =>
  text.replace(`</${tag}>`, `</${tag}>${xml}`);

const CASES = [
  {
    name: "a data validation over the whole sheet",
    make: inSheet((x) =>
      x.replace(
        /<dataValidations[\s\S]*?<\/dataValidations>/,
        '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
      ),
    ),
    expected: [],
  },
  {
    name: "a column definition two billion wide",
    make: inSheet((x) =>
      x.replace(/<cols>[\s\S]*?<\/cols>/, '<cols><col min="1" max="2000000000" width="9"/></cols>'),
    ),
    expected: [],
  },
  {
    name: "a hidden column definition past the last column",
    make: inSheet((x) =>
      x.replace(/<cols>[\s\S]*?<\/cols>/, '<cols><col min="16000" max="16384" hidden="1"/></cols>'),
    ),
    expected: [],
  },
  {
    name: "a merge down a whole input column",
    make: inSheet(
      beforeClosing("sheetData", '<mergeCells count="1"><mergeCell ref="O2:O1048576"/></mergeCells>'),
    ),
    expected: [],
  },
  {
    name: "a merge down the Status column, cut to the scanned rows",
    make: inSheet(
      beforeClosing("sheetData", '<mergeCells count="1"><mergeCell ref="E40:E1048576"/></mergeCells>'),
    ),
    expected: [["merged-cells", "KPIs!E40:E2001"]],
  },
  {
    name: "a defined name over the whole sheet",
    make: () =>
      editParts((p) =>
        p.set(
          "xl/workbook.xml",
          p
            .get("xl/workbook.xml")!
            .replace(
              "</sheets>",
              '</sheets><definedNames><definedName name="everything">KPIs!$A$1:$XFD$1048576</definedName></definedNames>',
            ),
        ),
      ),
    expected: [],
  },
  {
    name: "a value in the last row a sheet can have",
    make: inSheet((x) =>
      x.replace(
        "</sheetData>",
        '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>',
      ),
    ),
    expected: [["limit-rows", "KPIs!2001:1048576"]],
  },
];

describe("hostile but small files", () => {
  it.each(CASES)("$name: read, with what matters still read", async (c) => {
    const bytes = await c.make();
    // Unguarded, each of these runs for minutes or exhausts memory, so it fails by the suite's timeout;
    // no clock is read here, since a busy machine stretches every time (npm run bench measures reading).
    const findings = await findingsOf(bytes);
    expect(findings.map(place)).toEqual(c.expected);
  });
});

describe("nothing read from a file becomes a prototype key", () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  it("__proto__ as a sheet name, a header and values is just text", async () => {
    const bytes = await editWorkbook((wb) => {
      wb.addWorksheet("__proto__").getCell("A1").value = "__proto__";
      const sheet = kpiSheet(wb);
      sheet.getCell("O1").value = "__proto__";
      sheet.getCell("O2").value = "constructor";
      sheet.getCell("E3").value = "__proto__";
      sheet.getCell("J4").value = "__proto__";
      sheet.getCell("H5").value = "constructor";
      wb.getWorksheet("Return")!.getCell("A7").value = "__proto__";
      wb.getWorksheet("Return")!.getCell("B7").value = "toString";
    });
    const workbook = await parseWorkbook(bytes, "proto.xlsx");
    const result = validateReturn(workbook, contract, { month: MONTH });
    expect(result.findings.map(place)).toEqual([
      ["sheet-unexpected", "__proto__"],
      ["column-unexpected", "KPIs!O1"],
      ["status-unknown", "KPIs!E3"],
      ["number-invalid", "KPIs!H5"],
    ]);
    expect(result.findings.find((f) => f.code === "status-unknown")?.found).toBe("__proto__");
    expect(workbook.sheets.map((s) => s.name)).toContain("__proto__");
    expect(workbook.sheets.find((s) => s.name === "KPIs")!.cells.get("J4")).toEqual({
      type: "string",
      value: "__proto__",
    });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("identifiers that name Object.prototype's properties are read as plain text, and nothing is polluted", async () => {
    // The reader keys nothing by what a file says except in Maps, so such names are only names;
    // a cell reference that is not a cell is still damage.
    for (const [part, from, to, outcome] of [
      [KPI_XML, 'r="E2"', 'r="__proto__"', "workbook-damaged"],
      [
        "xl/workbook.xml",
        "</sheets>",
        '</sheets><definedNames><definedName name="__proto__">KPIs!$A$1</definedName></definedNames>',
        "clean",
      ],
      [
        "xl/styles.xml",
        "<cellXfs",
        '<cellStyles count="1"><cellStyle name="x" xfId="__proto__"/></cellStyles><cellXfs',
        "clean",
      ],
      ["xl/styles.xml", "<styleSheet ", '<styleSheet __proto__="1" constructor="x" ', "clean"],
      ["xl/_rels/workbook.xml.rels", 'Id="rId1"', 'Id="__proto__"', "clean"],
      ["xl/_rels/workbook.xml.rels", 'Id="rId2"', 'Id="constructor"', "clean"],
    ] as const) {
      const bytes = await editParts((p) => p.set(part, p.get(part)!.replace(from, to)));
      const result = await parseWorkbook(bytes, "proto.xlsx").then(
        (workbook) =>
          validateReturn(workbook, contract, { month: MONTH }).findings.length === 0 ? "clean" : "findings",
        (e: { code?: string }) => e.code,
      );
      expect([part, to, result]).toEqual([part, to, outcome]);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
