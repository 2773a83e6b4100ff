import type { Rag } from "../schema/results.js";
import type { Outcome } from "../schema/return.js";

/**
 * How a chart segment is filled: a colour, and for three of the five a pattern in white (diagonal
 * lines, horizontal lines, dots), so that no two series look alike in greyscale: the solid ones
 * are one dark (met) and one mid (not met), the patterned ones differ by pattern.
 */
export interface SeriesStyle {
  /** RRGGBB */
  fill: string;
  /** Text drawn on the fill (a segment's count): white on the dark fills, near-black on the mid ones, each at least 4.5:1. */
  text: string;
  pattern: "solid" | "diagonal" | "horizontal" | "dotted";
}

/**
 * The outcome chart's colours, in stacking order (bottom first). The pale table fills of
 * palette.ts fail 3:1 against white, so a chart needs its own. Every colour is at least 3:1
 * against the white page (WCAG 2.2 1.4.11), and each is at least 3:1 against the ones stacked
 * next to it: dark and mid tones alternate (met dark green, not met mid red, not captured dark
 * blue (never amber, which is a band), not applicable mid grey, not due dark slate). Five colours cannot all be 3:1 from each
 * other and from white (only two luminance bands fit below white's 3:1), so colours that are never
 * adjacent share a band, and the chart never relies on them: each segment is set apart from the
 * next by a white gap, carries its count in words where it fits, and is named in the legend, in
 * the order it is stacked. test/model/chart-palette.test.ts computes every ratio.
 */
export const CHART_SERIES: Readonly<Record<Outcome, SeriesStyle>> = {
  met: { fill: "0B4522", text: "FFFFFF", pattern: "solid" },
  "not-met": { fill: "E5615F", text: "1A1A1A", pattern: "solid" },
  "not-captured": { fill: "1F3A68", text: "FFFFFF", pattern: "diagonal" },
  "not-applicable": { fill: "8F8F8F", text: "1A1A1A", pattern: "dotted" },
  "not-due": { fill: "26303D", text: "FFFFFF", pattern: "horizontal" },
};

/** Bottom of the stack first: the verdicts, then the months with none. */
export const CHART_ORDER: readonly Outcome[] = [
  "met",
  "not-met",
  "not-captured",
  "not-applicable",
  "not-due",
];

/**
 * The chart for a contract with RAG bands stacks green, amber and red where the other has met and
 * not met, by the same rules: dark and mid tones alternate (green dark, amber mid, red dark, not
 * captured mid blue, not applicable dark grey, not due mid grey), every pair of the same tone has
 * its own pattern, and not captured is blue, never amber.
 */
export const BAND_CHART_SERIES: Readonly<Record<Rag | Exclude<Outcome, "met" | "not-met">, SeriesStyle>> = {
  green: { fill: "0B4522", text: "FFFFFF", pattern: "solid" },
  amber: { fill: "C27C0E", text: "1A1A1A", pattern: "solid" },
  red: { fill: "7A1414", text: "FFFFFF", pattern: "diagonal" },
  "not-captured": { fill: "6B8FD0", text: "1A1A1A", pattern: "horizontal" },
  "not-applicable": { fill: "3D3D3D", text: "FFFFFF", pattern: "dotted" },
  "not-due": { fill: "8F8F8F", text: "1A1A1A", pattern: "dotted" },
};

export const BAND_CHART_ORDER = [
  "green",
  "amber",
  "red",
  "not-captured",
  "not-applicable",
  "not-due",
] as const;

/** The axes, their labels and "No return": dark grey, 8.45:1 on white. */
export const CHART_AXIS = "4D4D4D";
/** Gridlines, 1.8:1: a reading aid only, since every count is in the legend's series, on the bar where it fits, and in the alt text. */
export const CHART_GRID = "BFBFBF";
export const CHART_BACKGROUND = "FFFFFF";
