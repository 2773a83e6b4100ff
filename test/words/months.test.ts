import { describe, expect, it } from "vitest";
import { dayLabel, monthLabel, shortMonthLabel } from "../../src/words/months.js";

/** Months and days as a committee paper writes them, from the one list of month names (date-fns'). */
describe("months and days in words", () => {
  it.each([
    ["2022-09", "September 2022", "Sep 2022"],
    ["2023-01", "January 2023", "Jan 2023"],
    ["2022-12", "December 2022", "Dec 2022"],
  ])("labels %s", (month, long, short) => {
    expect(monthLabel(month)).toBe(long);
    expect(shortMonthLabel(month)).toBe(short);
  });

  it.each([
    ["2022-10-14", "14 October 2022"],
    ["2022-03-01", "1 March 2022"],
    ["2023-12-31", "31 December 2023"],
    ["2024-02-29", "29 February 2024"],
  ])("dates %s as %s", (day, label) => {
    expect(dayLabel(day)).toBe(label);
  });
});
