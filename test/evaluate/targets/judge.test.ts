import { describe, expect, it } from "vitest";
import { checkTarget, type Figure } from "../../../src/evaluate/targets/judge.js";
import { MeasuredTargetSchema } from "../../../src/schema/target.js";

const target = (t: object) => MeasuredTargetSchema.parse(t);

describe("checkTarget: boundaries and exactness", () => {
  const cases: [string, object, Figure, "met" | "not-met"][] = [
    ["at least, on the bound", { kind: "percentage", atLeast: 98 }, { value: 98 }, "met"],
    ["at least, just under", { kind: "percentage", atLeast: 98 }, { value: 97.99 }, "not-met"],
    [
      "at least from counts, 49 of 50 is exactly 98%",
      { kind: "percentage", atLeast: 98 },
      { achieved: 49, total: 50 },
      "met",
    ],
    [
      "at least from counts, 97.96% is not rounded up",
      { kind: "percentage", atLeast: 98 },
      { achieved: 48, total: 49 },
      "not-met",
    ],
    [
      "at most, Excel's 0.035 read as 3.5 (floating 3.5000000000000004)",
      { kind: "percentage", atMost: 3.5 },
      { value: 0.035 * 100 },
      "met",
    ],
    [
      "at most 2% (lower is better), 2.1% misses",
      { kind: "percentage", atMost: 2 },
      { value: 2.1 },
      "not-met",
    ],
    [
      "at most 5 days, average 1.8",
      { kind: "average", atMost: 5, unit: "days", decimals: 1 },
      { value: 1.8 },
      "met",
    ],
    ["at most 2 days, 2.4 misses", { kind: "average", atMost: 2, unit: "days" }, { value: 2.4 }, "not-met"],
    ["fewer than 5, 5 misses", { kind: "count", fewerThan: 5 }, { value: 5 }, "not-met"],
    ["fewer than 5, 4 meets", { kind: "count", fewerThan: 5 }, { value: 4 }, "met"],
    ["Southend's below 5, 5 misses", { kind: "count", below: 5 }, { value: 5 }, "not-met"],
    ["more than 10, 10 misses", { kind: "count", moreThan: 10 }, { value: 10 }, "not-met"],
    [
      "more than £1000, £1000.01 meets",
      { kind: "value", moreThan: 1000, unit: "£", decimals: 2 },
      { value: 1000.01 },
      "met",
    ],
    [
      "between 0.1 and 0.3, 0.1+0.2 is on the upper bound",
      { kind: "value", between: [0.1, 0.3] },
      { value: 0.1 + 0.2 },
      "met",
    ],
    ["between 2 and 4, lower bound included", { kind: "value", between: [2, 4] }, { value: 2 }, "met"],
    ["between 2 and 4, 4.01 misses", { kind: "value", between: [2, 4] }, { value: 4.01 }, "not-met"],
    ["at least 33.3%, 1 of 3 meets", { kind: "percentage", atLeast: 33.3 }, { achieved: 1, total: 3 }, "met"],
    [
      "at least 33.34%, 1 of 3 misses",
      { kind: "percentage", atLeast: 33.34 },
      { achieved: 1, total: 3 },
      "not-met",
    ],
  ];
  it.each(cases)("%s", (_name, t, figure, code) => {
    expect(checkTarget(target(t), figure).code).toBe(code);
  });

  it("gives the side missed and the gap, exactly", () => {
    expect(checkTarget(target({ kind: "average", atMost: 2, unit: "days" }), { value: 2.4 })).toEqual({
      code: "not-met",
      comparison: "atMost",
      value: 2.4,
      side: "above",
      bound: 2,
      gap: 0.4,
    });
    expect(checkTarget(target({ kind: "percentage", atLeast: 98 }), { value: 97.9 })).toMatchObject({
      side: "below",
      gap: 0.1,
    });
  });
});

describe("MeasuredTargetSchema refuses what cannot be judged", () => {
  const bad: [string, object, RegExp][] = [
    ["no comparison", { kind: "percentage" }, /exactly one of/],
    ["two comparisons", { kind: "percentage", atLeast: 1, atMost: 2 }, /found atLeast, atMost/],
    ["below on a percentage", { kind: "percentage", below: 2 }, /below is for counts/],
    ["a count with decimals", { kind: "count", atMost: 2, decimals: 1 }, /whole number/],
    ["a percentage in days", { kind: "percentage", atMost: 2, unit: "days" }, /unit is "%"/],
    ["a range upside down", { kind: "value", between: [4, 2] }, /lower bound first/],
    [
      "both tolerances",
      { kind: "value", atMost: 2, bands: { kind: "rag", tolerance: { absolute: 1, relative: 5 } } },
      /either absolute or relative/,
    ],
    [
      "improved on a range without a direction",
      { kind: "value", between: [1, 2], bands: { kind: "rag", amberIfImproved: true } },
      /needs better/,
    ],
  ];
  it.each(bad)("%s", (_name, t, message) => {
    const parsed = MeasuredTargetSchema.safeParse(t);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join("; ")).toMatch(message);
  });
});
