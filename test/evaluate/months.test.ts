import { describe, expect, it } from "vitest";
import {
  compareMonths,
  isMonth,
  monthRange,
  parseMonth,
  previousMonths,
  shiftMonth,
} from "../../src/evaluate/months.js";

describe("months", () => {
  it("ranges inclusively, across a year end", () => {
    expect(monthRange("2022-03", "2022-09")).toEqual([
      "2022-03",
      "2022-04",
      "2022-05",
      "2022-06",
      "2022-07",
      "2022-08",
      "2022-09",
    ]);
    expect(monthRange("2022-11", "2023-02")).toEqual(["2022-11", "2022-12", "2023-01", "2023-02"]);
    expect(monthRange("2022-09", "2022-09")).toEqual(["2022-09"]);
    expect(monthRange("2022-09", "2022-08")).toEqual([]);
  });

  it("lists previous months nearest first", () => {
    expect(previousMonths("2022-09", 2)).toEqual(["2022-08", "2022-07"]);
    expect(previousMonths("2023-01", 3)).toEqual(["2022-12", "2022-11", "2022-10"]);
    expect(previousMonths("2022-09", 0)).toEqual([]);
  });

  it("shifts and compares", () => {
    expect(shiftMonth("2022-12", 1)).toBe("2023-01");
    expect(shiftMonth("2022-03", -3)).toBe("2021-12");
    expect(shiftMonth("0099-01", -1)).toBe("0098-12");
    expect(compareMonths("2022-09", "2022-10")).toBeLessThan(0);
    expect(compareMonths("2023-01", "2022-12")).toBeGreaterThan(0);
    expect(compareMonths("2022-09", "2022-09")).toBe(0);
  });

  it.each([
    ["2022-09", "2022-09"],
    [" 2022-09 ", "2022-09"],
    ["September 2022", "2022-09"],
    ["Sep 2022", "2022-09"],
    ["2022-13", undefined],
    ["2022-9", undefined],
    ["Sept 2022", undefined],
    ["", undefined],
  ])("parses %j", (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });

  it("checks the data's month format", () => {
    expect(isMonth("2022-09")).toBe(true);
    expect(isMonth("2022-00")).toBe(false);
    expect(isMonth("Sep 2022")).toBe(false);
  });
});
