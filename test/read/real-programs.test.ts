import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateMonth } from "../../src/evaluate/index.js";
import { figuresText } from "../../src/words/figures.js";
import { readWorkbook } from "../../src/read/workbook.js";
import type { Month, MonthlyReturn } from "../../src/schema/return.js";
import type { MonthlyReview } from "../../src/schema/review.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { bundledData } from "../helpers/bundled-data.js";
import { bundledContract } from "../helpers/contract.js";

/**
 * Returns as other programs write them. Every fixture holds September 2022's figures and was made
 * from data/returns/2022-09.xlsx by test/fixtures/read/make-fixtures.py (the function named below
 * says how); each must validate clean, read back as the same return, and give September's outcomes:
 * the figures alone by itself, and the committee's verdict beside the council's review
 * (data/reviews/2022-09.xlsx), since the return holds only what the supplier says.
 * The ones marked "misread before" are what exceljs 4.4 (the reader until issue 10) refused or misjudged.
 */
const FIXTURES = [
  // libreoffice(): `soffice --headless --convert-to xlsx --outdir` (LibreOffice 7) of the bundled return.
  { file: "2022-09-libreoffice.xlsx", made: "re-saved by LibreOffice Calc" },
  // gnumeric(): `ssconvert data/returns/2022-09.xlsx 2022-09-gnumeric.xlsx` (Gnumeric 1.12).
  { file: "2022-09-gnumeric.xlsx", made: "re-saved by Gnumeric" },
  // template_filled(): `kpi-report template --month 2022-09`, filled in by openpyxl 3.0 with September's values.
  { file: "2022-09-template-openpyxl.xlsx", made: "the template filled in by openpyxl" },
  // percent_as_excel(): openpyxl sets each Percentage to its fraction (0.995) with format "0.00%" (numFmtId 10), as Excel stores 99.5% typed.
  {
    file: "2022-09-percent-excel.xlsx",
    made: "percentages stored as Excel stores them (misread before: KPIs judged on 1%)",
  },
  // table_with_calculated_column(): openpyxl adds a table with an autofilter over the KPI rows; its Percentage column gets a calculatedColumnFormula.
  {
    file: "2022-09-table.xlsx",
    made: "the KPI rows as a table with an autofilter and a calculated column (misread before: damaged)",
  },
  // bom(): a UTF-8 byte-order mark put before every XML part, as .NET's XmlWriter writes them; the workbook part without an XML declaration.
  { file: "2022-09-bom.xlsx", made: "a UTF-8 byte-order mark on every XML part" },
  // inline_strings(): every shared string moved into its cell as t="inlineStr" (every other one as rich-text runs with a phonetic run), no shared strings part.
  {
    file: "2022-09-inline-strings.xlsx",
    made: "inline strings, plain and rich text, and no shared strings part (misread before: sheets empty)",
  },
  // rich_text(): every shared string split into two runs (the second bold) with a phonetic run (<rPh>) that is not part of the text.
  { file: "2022-09-rich-text.xlsx", made: "rich-text shared strings with phonetic runs" },
  // relationship_prefix(): the relationships namespace bound to "rel:" (not "r:"), the main namespace to "x:" (not the default).
  {
    file: "2022-09-rel-prefix.xlsx",
    made: "namespace prefixes other than r: and the default (misread before: damaged)",
  },
  // part_names(): parts renamed in capitals (XL/Workbook.xml, XL/Worksheets/Sheet3.xml), the workbook's relationship targets made absolute.
  {
    file: "2022-09-part-names.xlsx",
    made: "capitalised part names and absolute targets (misread before: not a workbook)",
  },
] as const;

const contract = bundledContract();
const fixtures = fileURLToPath(new URL("../fixtures/read/", import.meta.url));
const history = new Map<Month, MonthlyReturn>();
let review: MonthlyReview;

/** One line per KPI: outcome and figures, as the results show them, with or without the council's review. */
const outcomes = (returns: ReadonlyMap<Month, MonthlyReturn>, withReview?: MonthlyReview) =>
  evaluateMonth(contract, "2022-09", returns, withReview).kpis.map(
    (k) => `${k.number} ${k.outcome} ${figuresText(k.actual)}`,
  );

beforeAll(async () => {
  const bundled = await bundledData();
  for (const month of ["2022-07", "2022-08", "2022-09"] as const)
    history.set(month, bundled.returns.get(month)!);
  review = bundled.reviews.get("2022-09")!;
});

describe("returns written by other programs are read exactly as the original", () => {
  it.each(FIXTURES)("$made ($file)", async ({ file }) => {
    const result = validateReturn(await readWorkbook(`${fixtures}${file}`), contract, { month: "2022-09" });
    expect(result.findings).toEqual([]);
    expect(result.value).toEqual(history.get("2022-09"));
    const withFixture = new Map(history).set("2022-09", result.value!);
    // The figures alone (the return by itself) and the committee's verdict (with the council's review).
    expect(outcomes(withFixture)).toEqual(outcomes(history));
    expect(outcomes(withFixture, review)).toEqual(outcomes(history, review));
  });

  it("and the original gives the committee's verdict with the review, the figures alone without, so the comparison means something", () => {
    const committee = evaluateMonth(contract, "2022-09", history, review);
    expect(committee.summary.met).toBe(24);
    expect(committee.summary.notMetKpis).toEqual([5, 26, 27]);
    const alone = evaluateMonth(contract, "2022-09", history);
    expect(alone.summary.met).toBe(24);
    expect(alone.summary.notMetKpis).toEqual([26, 27]);
    expect(alone.kpis.find((k) => k.number === 5)?.outcome).toBe("not-captured");
  });
});
