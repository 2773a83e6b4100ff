import type { ChartCategory, ChartSeries, OutcomeChart } from "../../model/outcome-chart.js";
import { CHART_AXIS, CHART_GRID } from "../../model/chart-palette.js";
import { TEXT_COLOUR } from "../../model/palette.js";

/**
 * The outcome chart laid out once, as shapes and text at positions, for every drawer: SVG (the
 * HTML edition, and the DOCX's picture through resvg) and pdfkit paths (the PDF). So the three
 * formats draw the same chart, and no drawer repeats the geometry. Units are the drawer's own
 * (CSS pixels, or PDF points); y runs down.
 */
export interface SceneText {
  x: number;
  y: number;
  /** The baseline is at y; "middle" and "end" anchor the text's centre or end at x. */
  anchor: "start" | "middle" | "end";
  text: string;
  size: number;
  bold: boolean;
  colour: string;
  /** Drawn rotated a quarter turn anticlockwise about (x, y), reading bottom to top. */
  vertical?: boolean;
  /** Text on a patterned fill gets a halo of the fill's colour so the pattern cannot break it up. */
  halo?: string;
}

export interface SceneSegment {
  x: number;
  y: number;
  width: number;
  height: number;
  series: ChartSeries;
}

export interface SceneLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
}

export interface ChartScene {
  width: number;
  height: number;
  lines: SceneLine[];
  /** The bars' segments, then the legend's swatches. */
  segments: SceneSegment[];
  texts: SceneText[];
}

export interface SceneOptions {
  width: number;
  height: number;
  /** Draw the title as text above the plot (a picture in a DOCX needs it; an HTML figure has its own caption). */
  showTitle: boolean;
  /** The width of a string at a size, where the drawer can measure; else an average glyph of Source Sans 3. */
  measure?: (text: string, size: number, bold: boolean) => number;
}

export const FONT_SIZE = 12;
const SMALL = 11;
/** An average glyph of Source Sans 3 is about half its size wide: enough to keep labels apart, not to set type. */
const CHAR_WIDTH = 0.55;
const LEGEND_GAP = 16;
const SWATCH = 14;

/** Every how many months an axis label fits, preferring steps that divide a year; the reporting month is always labelled. */
function labelStep(slot: number): number {
  const needed = 4 * FONT_SIZE * CHAR_WIDTH + 6;
  return [1, 2, 3, 4, 6, 12, 24].find((step) => step * slot >= needed) ?? Math.ceil(needed / slot);
}

export function chartScene(chart: OutcomeChart, options: SceneOptions): ChartScene {
  const { width, height, showTitle } = options;
  const measure = options.measure ?? ((text: string, size: number) => text.length * size * CHAR_WIDTH);
  const legendWidth = SWATCH + 6 + Math.max(...chart.series.map((s) => measure(s.label, FONT_SIZE, false)));
  const top = showTitle ? 40 : 16;
  const left = 56;
  const right = width - legendWidth - LEGEND_GAP - 12;
  const bottom = height - 58;
  const yMax = chart.yTicks.at(-1)!;
  const y = (value: number) => bottom - ((bottom - top) * value) / yMax;
  const n = chart.categories.length;
  const slot = (right - left) / n;
  const barWidth = Math.min(48, slot * 0.7);
  const scene: ChartScene = { width, height, lines: [], segments: [], texts: [] };
  const label = (x: number, yy: number, text: string, extra: Partial<SceneText> = {}) =>
    scene.texts.push({
      x,
      y: yy,
      text,
      anchor: "start",
      size: FONT_SIZE,
      bold: false,
      colour: TEXT_COLOUR,
      ...extra,
    });

  if (showTitle) label(left, 22, chart.title, { size: 15, bold: true });
  // Value axis: gridlines are a reading aid only (the counts are written on the bars), so they may be pale.
  for (const tick of chart.yTicks) {
    scene.lines.push({
      x1: left,
      y1: y(tick),
      x2: right,
      y2: y(tick),
      colour: tick === 0 ? CHART_AXIS : CHART_GRID,
    });
    label(left - 6, y(tick) + 4, String(tick), { anchor: "end" });
  }
  label(16, (top + bottom) / 2, chart.yAxisLabel, { anchor: "middle", vertical: true });
  label((left + right) / 2, height - 10, chart.xAxisLabel, { anchor: "middle" });

  const step = labelStep(slot);
  let lastYear = "";
  chart.categories.forEach((category, i) => {
    const centre = left + slot * (i + 0.5);
    bar(scene, chart, category, i, centre, barWidth, y);
    if ((n - 1 - i) % step !== 0) return;
    label(centre, bottom + 16, category.short, { anchor: "middle", bold: category.reporting });
    if (category.year !== lastYear || category.reporting)
      label(centre, bottom + 30, category.year, { anchor: "middle", bold: category.reporting });
    lastYear = category.year;
  });

  // The legend reads top down as the segments stand: the last-stacked series first.
  const legendX = right + LEGEND_GAP;
  [...chart.series].reverse().forEach((series, i) => {
    const rowY = top + i * 22;
    scene.segments.push({ x: legendX, y: rowY, width: SWATCH, height: SWATCH, series });
    label(legendX + SWATCH + 6, rowY + 11, series.label);
  });
  return scene;
}

function bar(
  scene: ChartScene,
  chart: OutcomeChart,
  category: ChartCategory,
  index: number,
  centre: number,
  barWidth: number,
  y: (v: number) => number,
): void {
  if (!category.returned) {
    scene.texts.push({
      x: centre + 4,
      y: y(0) - 6,
      text: chart.noReturnLabel,
      anchor: "start",
      size: SMALL,
      bold: false,
      colour: CHART_AXIS,
      vertical: true,
    });
    return;
  }
  let sum = 0;
  for (const series of chart.series) {
    const value = series.values[index] ?? 0;
    if (value === 0) continue;
    const [from, to] = [y(sum), y(sum + value)];
    scene.segments.push({ x: centre - barWidth / 2, y: to, width: barWidth, height: from - to, series });
    // A count is written on its segment only where it fits; the legend and the alt text carry every one.
    if (barWidth >= 18 && from - to >= 13) {
      scene.texts.push({
        x: centre,
        y: (from + to) / 2 + 4,
        text: String(value),
        anchor: "middle",
        size: SMALL,
        bold: true,
        colour: series.text,
        ...(series.pattern === "solid" ? {} : { halo: series.fill }),
      });
    }
    sum += value;
  }
}
