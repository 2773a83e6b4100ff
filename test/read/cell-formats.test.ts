import { describe, expect, it } from "vitest";
import { decodeEscapes, toCellValue, type StoredCell } from "../../src/read/cell-value.js";
import { parseCell } from "../../src/read/cell-ref.js";
import { classify } from "../../src/read/styles.js";
import { resolve } from "../../src/read/xlsx-package.js";

/** The reader's small decisions, each against what Excel does (ECMA-376 Part 1, 18.8.30-31; 18.17.4). */
describe("number format codes", () => {
  it.each([
    ["0%", "percent"],
    ["0.00%", "percent"],
    ["#,##0.0%;[Red]-#,##0.0%", "percent"],
    ['0.0"%"', undefined], // a literal percent sign does not scale the number
    ["0.0\\%", undefined],
    ["General", undefined],
    ["0.00", undefined],
    ["0.00E+00", undefined],
    ["[Red]0.00", undefined],
    ["dd/mm/yyyy", "date"],
    ["mmm yyyy", "date"],
    ["[$-809]dd mmmm yyyy;@", "date"],
    ["h:mm AM/PM", "date"],
    ["[h]:mm:ss", "date"],
    ['"Day "0', undefined],
  ] as const)("%s is %s", (code, kind) => expect(classify(code)).toBe(kind));
});

describe("_xHHHH_ escapes", () => {
  it.each([
    ["a_x000B_b", "a\u000bb"],
    ["_x005F_x000B_", "_x000B_"],
    ["_xD83D__xDE00_", "\u{1F600}"],
    ["_x00e9_t_x00E9_", "été"],
    ["_x12_ and _xZZZZ_", "_x12_ and _xZZZZ_"],
  ])("%s reads as %j", (stored, text) => expect(decodeEscapes(stored)).toBe(text));
});

describe("cell references", () => {
  it.each([
    ["A1", { row: 1, column: 1 }],
    ["$B$7", { row: 7, column: 2 }],
    ["XFD1048576", { row: 1048576, column: 16384 }],
  ])("%s", (ref, at) => expect(parseCell(ref)).toEqual(at));
  it.each(["A0", "a1", "XFE1", "A1048577", "AAAA1", "A", "1", "A1B", "", "__proto__"])(
    "%j is no cell",
    (ref) => expect(parseCell(ref)).toBeUndefined(),
  );
});

describe("stored cells", () => {
  const cell = (over: Partial<StoredCell>): StoredCell => ({
    type: "n",
    stored: undefined,
    inline: undefined,
    formula: undefined,
    format: undefined,
    ...over,
  });
  const strings = ["zero", "one"];
  it.each([
    ["a number", cell({ stored: "42.5" }), false, { type: "number", value: 42.5 }],
    [
      "a percentage-formatted number",
      cell({ stored: "0.995", format: "percent" }),
      false,
      { type: "number", value: 0.995, format: "percent" },
    ],
    [
      "serial 44835 as a date (1900 system)",
      cell({ stored: "44835", format: "date" }),
      false,
      { type: "date", value: "2022-10-01" },
    ],
    [
      "serial 43373 as a date (1904 system)",
      cell({ stored: "43373", format: "date" }),
      true,
      { type: "date", value: "2022-10-01" },
    ],
    [
      "serial 59 (28 February 1900)",
      cell({ stored: "59", format: "date" }),
      false,
      { type: "date", value: "1900-02-28" },
    ],
    [
      "an ISO date (t=d)",
      cell({ type: "d", stored: "2022-10-01T00:00:00Z" }),
      false,
      { type: "date", value: "2022-10-01" },
    ],
    ["a shared string", cell({ type: "s", stored: "1" }), false, { type: "string", value: "one" }],
    [
      "an inline string",
      cell({ type: "inlineStr", inline: "typed" }),
      false,
      { type: "string", value: "typed" },
    ],
    [
      "a formula's text result",
      cell({ type: "str", stored: "ok", formula: "A1" }),
      false,
      { type: "string", value: "ok" },
    ],
    [
      "a formula's empty text result",
      cell({ type: "str", stored: "", formula: "A1" }),
      false,
      { type: "empty" },
    ],
    [
      "a formula with no result",
      cell({ formula: "A1+1" }),
      false,
      { type: "formula-no-result", formula: "A1+1" },
    ],
    ["a boolean", cell({ type: "b", stored: "1" }), false, { type: "boolean", value: true }],
    ["an error", cell({ type: "e", stored: "#DIV/0!" }), false, { type: "error", value: "#DIV/0!" }],
    ["an empty value", cell({ stored: "" }), false, { type: "empty" }],
  ] as const)("%s", (_, stored, date1904, value) =>
    expect(toCellValue(stored, (i) => strings[i], date1904)).toEqual(value),
  );
  it.each([
    ["a shared string index past the end", cell({ type: "s", stored: "7" })],
    ["text stored as a number", cell({ stored: "nine" })],
    ["a boolean that is neither", cell({ type: "b", stored: "yes" })],
    ["an unknown type", cell({ type: "x", stored: "1" })],
  ])("%s is damage", (_, stored) => expect(toCellValue(stored, (i) => strings[i], false)).toBeUndefined());
});

describe("relationship targets (OPC part names)", () => {
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "./worksheets/../styles.xml", "xl/styles.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["xl/workbook.xml", "worksheets/sheet%201.xml", "xl/worksheets/sheet 1.xml"],
    ["xl/workbook.xml", "https://example.org/x.xml", undefined],
  ])("%s -> %s", (source, target, part) => expect(resolve(source, target)).toBe(part));
});
