import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { evaluateMonth } from "../../src/evaluate/index.js";
import { buildReturnWorkbook } from "../../src/read/return-template.js";
import { buildReviewWorkbook } from "../../src/read/review-template.js";
import { reviewReference } from "../../src/commands/review-reference.js";
import { parseRange, type Range } from "../../src/validate/merges.js";
import { bundledData } from "../helpers/bundled-data.js";
import { bundledContract } from "../helpers/contract.js";

const contract = bundledContract();

/** Each sheet's data validations as written in its XML: the rule's type and the ranges of its sqref. */
function validations(bytes: Uint8Array): Map<string, { type: string; ranges: string[] }[]> {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
  const sheets = new Map<string, { type: string; ranges: string[] }[]>();
  names.forEach((name, i) => {
    const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]!);
    const rules = [...xml.matchAll(/<dataValidation\b([^>]*)>/g)].map((m) => ({
      type: /\btype="([^"]+)"/.exec(m[1]!)?.[1] ?? "any",
      ranges: (/\bsqref="([^"]+)"/.exec(m[1]!)?.[1] ?? "").split(" "),
    }));
    sheets.set(name, rules);
  });
  return sheets;
}

const overlap = (a: Range, b: Range) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** Every pair of ranges of every rule on the sheet that share a cell: Excel calls that damage and repairs the file. */
function overlaps(rules: readonly { ranges: string[] }[]): string[] {
  const ranges = rules.flatMap((r) => r.ranges);
  const found: string[] = [];
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++)
      if (overlap(parseRange(ranges[i]!)!, parseRange(ranges[j]!)!))
        found.push(`${ranges[i]} and ${ranges[j]}`);
  }
  return found;
}

const last = contract.kpis.length + 1;

describe("the templates' data validations", () => {
  it("the return: one rule per input column over the KPI rows, no two ranges sharing a cell", async () => {
    const sheets = validations(await buildReturnWorkbook(contract, "2022-10"));
    const kpis = sheets.get("KPIs")!;
    expect(kpis.map((r) => [r.type, r.ranges.join(" ")])).toEqual([
      ["list", `E2:E${last}`],
      ["whole", `F2:F${last}`],
      ["whole", `G2:G${last}`],
      ["whole", `H2:H${last}`],
      ["decimal", `I2:I${last}`],
    ]);
    for (const [name, rules] of sheets) expect(overlaps(rules), name).toEqual([]);
  });

  it("the council's review: the same, for its Yes/No and outcome lists", async () => {
    const { returns } = await bundledData();
    const reference = reviewReference(returns.get("2022-09")!, evaluateMonth(contract, "2022-09", returns));
    const sheets = validations(await buildReviewWorkbook(contract, "2022-09", reference));
    expect(sheets.get("KPIs")!.map((r) => [r.type, r.ranges.join(" ")])).toEqual([
      ["list", `H2:H${last}`],
      ["list", `J2:J${last}`],
      ["list", `K2:K${last}`],
    ]);
    for (const [name, rules] of sheets) expect(overlaps(rules), name).toEqual([]);
  });

  it("the overlap check finds an overlap when there is one", () => {
    expect(overlaps([{ ranges: ["E2:E28"] }, { ranges: ["E10:E28"] }])).toEqual(["E2:E28 and E10:E28"]);
    expect(overlaps([{ ranges: ["E2:E28"] }, { ranges: ["F2:F28"] }])).toEqual([]);
  });
});
