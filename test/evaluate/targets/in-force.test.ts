import { describe, expect, it } from "vitest";
import { directionOfTravel, targetInForce } from "../../../src/evaluate/targets/in-force.js";
import { TargetsSchema } from "../../../src/schema/target.js";

const changing = TargetsSchema.parse([
  { kind: "percentage", atMost: 3 },
  { kind: "percentage", atMost: 2.5, from: "2022-07" },
]);

describe("targets that change", () => {
  it("judges each month by the target in force then", () => {
    expect(targetInForce(changing, "2022-06")).toMatchObject({ atMost: 3 });
    expect(targetInForce(changing, "2022-07")).toMatchObject({ atMost: 2.5 });
    expect(targetInForce([{ kind: "count", fewerThan: 5, from: "2022-04" }], "2022-03")).toBeUndefined();
  });

  it("refuses a change without a month, or out of order", () => {
    expect(
      TargetsSchema.safeParse([
        { kind: "count", fewerThan: 5 },
        { kind: "count", fewerThan: 4 },
      ]).success,
    ).toBe(false);
    const backwards = TargetsSchema.safeParse([
      { kind: "count", fewerThan: 5, from: "2022-06" },
      { kind: "count", fewerThan: 4, from: "2022-05" },
    ]);
    expect(backwards.error?.issues[0]?.message).toMatch(/not after the target before it \(2022-06\)/);
  });

  const travel: [string, string, number, number, string][] = [
    ["lower is better, less is better", "2022-06", 2.8, 2.9, "better"],
    ["lower is better, more is worse", "2022-06", 2.9, 2.8, "worse"],
    ["Excel's 0.029 stored equals 2.9 typed", "2022-06", 0.029 * 100, 2.9, "same"],
    ["across the change", "2022-07", 2.4, 2.9, "not-comparable"],
  ];
  it.each(travel)("%s", (_name, month, now, before, code) => {
    const previousMonth = month === "2022-07" ? "2022-06" : "2022-05";
    expect(directionOfTravel(changing, month, previousMonth, { value: now }, { value: before }).code).toBe(
      code,
    );
  });

  it("says why it cannot compare", () => {
    expect(directionOfTravel(changing, "2022-07", "2022-06", { value: 2 }, { value: 3 })).toEqual({
      code: "not-comparable",
      because: "target-changed",
    });
    expect(directionOfTravel(changing, "2022-07", undefined, { value: 2 }, undefined)).toEqual({
      code: "not-comparable",
      because: "no-like-period",
    });
    const range = TargetsSchema.parse({ kind: "value", between: [1, 2] });
    expect(directionOfTravel(range, "2022-07", "2022-06", { value: 2 }, { value: 1 })).toEqual({
      code: "not-comparable",
      because: "no-direction",
    });
  });
});
