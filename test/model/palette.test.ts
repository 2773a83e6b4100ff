import { describe, expect, it } from "vitest";
import {
  BAND_FILL,
  HEADING_COLOUR,
  NOTE_COLOUR,
  OUTCOME_FILL,
  TEXT_COLOUR,
  contrastRatio,
} from "../../src/model/palette.js";

/** The table shading: text on every fill at least 4.5:1, and "not captured" never shaded like amber. */
const fills = [...Object.entries(OUTCOME_FILL), ...Object.entries(BAND_FILL)];

/** Hue in degrees of an RRGGBB colour. */
function hue(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

describe("the table fills", () => {
  it.each(fills)("%s: text and notes at least 4.5:1 on it", (_name, fill) => {
    expect(contrastRatio(TEXT_COLOUR, fill)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(NOTE_COLOUR, fill)).toBeGreaterThanOrEqual(4.5);
  });

  it("shade not captured blue, not in amber's hue (amber is a band)", () => {
    const amber = hue(BAND_FILL.amber);
    expect(amber).toBeGreaterThan(30);
    expect(amber).toBeLessThan(60);
    expect(hue(OUTCOME_FILL["not-captured"])).toBeGreaterThan(180);
    expect(hue(OUTCOME_FILL["not-captured"])).toBeLessThan(260);
  });

  it("set headings and captions at least 4.5:1 on the white page", () => {
    expect(contrastRatio(HEADING_COLOUR, "FFFFFF")).toBeGreaterThanOrEqual(4.5);
  });

  it("give every band its own fill", () => {
    expect(new Set(Object.values(BAND_FILL)).size).toBe(3);
  });
});
