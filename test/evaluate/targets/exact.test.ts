import { describe, expect, it } from "vitest";
import {
  compareDecimal,
  compareShare,
  roundForDisplay,
  toDecimal,
} from "../../../src/evaluate/targets/exact.js";

describe("exact decimals", () => {
  const same: [string, number, number][] = [
    ["Excel's 0.035 as a percentage", 0.035 * 100, 3.5],
    ["0.1 + 0.2", 0.1 + 0.2, 0.3],
    ["a large count", 123456789, 123456789],
    ["a tiny value in exponent form", 1e-7, 0.0000001],
  ];
  it.each(same)("%s is the decimal a person typed", (_name, a, b) => {
    expect(compareDecimal(toDecimal(a), toDecimal(b))).toBe(0);
  });

  it("keeps real differences", () => {
    expect(compareDecimal(toDecimal(3.51), toDecimal(3.5))).toBe(1);
    expect(compareDecimal(toDecimal(-2), toDecimal(1e21))).toBe(-1);
  });

  it("compares a share without dividing", () => {
    expect(compareShare(49, 50, 98)).toBe(0);
    expect(compareShare(48, 49, 98)).toBe(-1);
    expect(compareShare(1, 3, 33.3)).toBe(1);
  });

  const rounding: [number, number, { threshold: number; side: "below" | "above" } | undefined, number][] = [
    [2.25, 1, undefined, 2.3],
    [0.035 * 100, 1, undefined, 3.5],
    [-2.25, 1, undefined, -2.3],
    [(48 * 100) / 49, 1, undefined, 98],
    // A miss never shows as the target it missed: 97.96 below 98 is 97.9, 2.04 above 2 is 2.1.
    [(48 * 100) / 49, 1, { threshold: 98, side: "below" }, 97.9],
    [2.04, 1, { threshold: 2, side: "above" }, 2.1],
    [1.8, 0, undefined, 2],
  ];
  it.each(rounding)("%s to %s places (%o) shows %s", (value, decimals, away, shown) => {
    expect(roundForDisplay(value, decimals, away)).toBe(shown);
  });
});
