import { describe, expect, it } from "vitest";
import {
  isDue,
  likePeriodBefore,
  monthOnlyPart,
  periodEndingIn,
  quarterEnds,
  yearStartOf,
} from "../../../src/evaluate/periods.js";
import type { PeriodFrequency } from "../../../src/schema/target.js";

describe("periods", () => {
  it("derives quarter ends from the year's first month, or takes the contract's", () => {
    expect(quarterEnds()).toEqual([6, 9, 12, 3]);
    expect(quarterEnds({ startMonth: 1 })).toEqual([3, 6, 9, 12]);
    expect(quarterEnds({ startMonth: 4, quarterEnds: [5, 8, 11, 2] })).toEqual([5, 8, 11, 2]);
  });

  const due: [PeriodFrequency, string, boolean][] = [
    ["monthly", "2022-08", true],
    ["quarterly", "2022-09", true],
    ["quarterly", "2022-08", false],
    ["quarterly", "2023-03", true],
    ["annual", "2023-03", true],
    ["annual", "2022-12", false],
    ["cumulative-in-year", "2022-05", true],
  ];
  it.each(due)("%s is due in %s: %s", (frequency, month, expected) => {
    expect(isDue(month, frequency)).toBe(expected);
  });

  it("gives the period a figure is for", () => {
    expect(periodEndingIn("2022-09", "quarterly")).toEqual({ start: "2022-07", end: "2022-09" });
    expect(periodEndingIn("2023-03", "quarterly")).toEqual({ start: "2023-01", end: "2023-03" });
    expect(periodEndingIn("2023-03", "annual")).toEqual({ start: "2022-04", end: "2023-03" });
    expect(periodEndingIn("2022-09", "cumulative-in-year")).toEqual({ start: "2022-04", end: "2022-09" });
    expect(periodEndingIn("2022-02", "quarterly", { startMonth: 4, quarterEnds: [5, 8, 11, 2] })).toEqual({
      start: "2021-12",
      end: "2022-02",
    });
    expect(yearStartOf("2022-03")).toBe("2021-04");
  });

  const like: [PeriodFrequency, string, string | undefined][] = [
    ["monthly", "2022-01", "2021-12"],
    ["quarterly", "2022-09", "2022-06"],
    ["quarterly", "2022-08", undefined],
    ["annual", "2023-03", "2022-03"],
    // A year-to-date count against the same point of the year before, never against last month's smaller total.
    ["cumulative-in-year", "2022-09", "2021-09"],
  ];
  it.each(like)("%s in %s compares with %s", (frequency, month, expected) => {
    expect(likePeriodBefore(month, frequency)).toBe(expected);
  });

  it("takes a month's own part out of a year-to-date count", () => {
    expect(monthOnlyPart("2022-04", 3, 40)).toBe(3);
    expect(monthOnlyPart("2022-09", 34, 30)).toBe(4);
    expect(monthOnlyPart("2022-09", 34, undefined)).toBeUndefined();
  });
});
