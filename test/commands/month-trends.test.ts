import { describe, expect, it } from "vitest";
import { trendText } from "../../src/words/trend.js";
import { evaluateMonths, withComparisons } from "../../src/evaluate/index.js";
import { bundledData } from "../helpers/bundled-data.js";
import { bundledContract } from "../helpers/contract.js";
import type { Month } from "../../src/schema/return.js";

const contract = bundledContract();
// Every bundled return with its council review (the overrides are the council's), as build judges them.
const { returns, reviews } = await bundledData();
const months = [...returns.keys()].sort();
const results = evaluateMonths(contract, months, returns, reviews);

/** One line per KPI: the direction against the month before, on what basis, and why, so any change to data or rules shows in review. */
function trendTable(month: Month): string {
  return withComparisons(contract, results.get(month)!, results)
    .kpis.map(
      (k) =>
        `KPI ${String(k.number).padStart(2)}  ${k.trend!.direction.padEnd(14)} ${(k.trend!.basis ?? "").padEnd(8)} ${trendText(k, k.trend!)}`,
    )
    .join("\n");
}

describe("the bundled returns' direction of travel", () => {
  it.each(months)("is pinned for %s against the month before", async (month) => {
    await expect(`${trendTable(month)}\n`).toMatchFileSnapshot(`../golden/trend-${month}.txt`);
  });

  it("has nothing to compare March 2022 with, and no year-ago month at all", () => {
    const march = withComparisons(contract, results.get("2022-03")!, results);
    expect(new Set(march.kpis.map((k) => trendText(k, k.trend!)))).toEqual(
      new Set(["No return for February 2022"]),
    );
    expect(
      months.flatMap((m) =>
        withComparisons(contract, results.get(m)!, results).kpis.filter((k) => k.yearAgo),
      ),
    ).toEqual([]);
  });

  it("says what changed from August to September 2022", () => {
    const { changes } = withComparisons(contract, results.get("2022-09")!, results);
    expect(changes?.previousCounts).toEqual({
      met: 10,
      notMet: 0,
      notCaptured: 1,
      notApplicable: 16,
      notDue: 0,
    });
    expect(changes?.newlyNotMet.map((k) => [k.number, k.was])).toEqual([
      [5, "not-captured"],
      [26, "not-applicable"],
      [27, "not-applicable"],
    ]);
  });
});
