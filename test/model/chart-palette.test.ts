import { describe, expect, it } from "vitest";
import {
  BAND_CHART_ORDER,
  BAND_CHART_SERIES,
  CHART_AXIS,
  CHART_BACKGROUND,
  CHART_ORDER,
  CHART_SERIES,
  type SeriesStyle,
} from "../../src/model/chart-palette.js";
import { contrastRatio } from "../../src/model/palette.js";

const palettes: [string, readonly (readonly [string, SeriesStyle])[], readonly string[], string[]][] = [
  [
    "by outcome",
    CHART_ORDER.map((o) => [o, CHART_SERIES[o]] as const),
    CHART_ORDER,
    Object.keys(CHART_SERIES),
  ],
  [
    "by band",
    BAND_CHART_ORDER.map((o) => [o, BAND_CHART_SERIES[o]] as const),
    BAND_CHART_ORDER,
    Object.keys(BAND_CHART_SERIES),
  ],
];

describe.each(palettes)("the outcome chart's colours, %s", (_palette, styles, order, keys) => {
  it("stack every series once", () => {
    expect([...order].sort()).toEqual([...keys].sort());
  });

  it.each(styles)(
    "%s is at least 3:1 against the white page, and its count text at least 4.5:1 on it",
    (_outcome, style) => {
      expect(contrastRatio(style.fill, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(style.text, style.fill)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(
    styles.slice(1).map(([outcome, style], i) => [styles[i]![0], outcome, styles[i]![1].fill, style.fill]),
  )("%s and %s, stacked next to each other, are at least 3:1 apart", (_below, _above, a, b) => {
    expect(contrastRatio(a, b)).toBeGreaterThanOrEqual(3);
  });

  it("never gives two series both a colour under 3:1 from each other and the same pattern, so none look alike in greyscale", () => {
    for (const [a, first] of styles) {
      for (const [b, second] of styles) {
        if (a >= b) continue;
        const alike = contrastRatio(first.fill, second.fill) < 3 && first.pattern === second.pattern;
        expect(alike, `${a} and ${b}`).toBe(false);
      }
    }
  });
});

describe("the chart's axes", () => {
  it("draws axes and the no-return label at least 4.5:1 against white", () => {
    expect(contrastRatio(CHART_AXIS, CHART_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });
});
