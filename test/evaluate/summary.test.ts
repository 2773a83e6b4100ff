import { describe, expect, it } from "vitest";
import { summarise } from "../../src/evaluate/summary.js";
import { result } from "./fixtures.js";

/** Results numbered 1..n, the given outcomes in order. */
describe("summarise", () => {
  it("counts each outcome and sorts the lists", () => {
    const unordered = [
      result(27, "not-met"),
      result(5, "not-met", "Agreed"),
      result(26, "not-met"),
      result(3, "met", "Accepted"),
      result(9, "not-due"),
      result(1, "not-captured"),
      result(2, "not-applicable"),
      result(4, "met"),
    ];
    expect(summarise(unordered)).toEqual({
      met: 2,
      notMet: 3,
      notCaptured: 1,
      notApplicable: 1,
      notDue: 1,
      notMetKpis: [5, 26, 27],
      overridden: [3, 5],
    });
  });
});
