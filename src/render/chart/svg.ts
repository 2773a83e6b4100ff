import type { ChartCategory, ChartSeries, OutcomeChart } from "../../model/outcome-chart.js";
import { CHART_AXIS, CHART_BACKGROUND, CHART_GRID } from "../../model/chart-palette.js";
import { TEXT_COLOUR } from "../../model/palette.js";

/**
 * The outcome chart as SVG: stacked bars, one a month, every series named in words in a legend
 * listed in the order the segments stand, each segment's count written on it where it fits, and
 * <title> and <desc> carrying the model's title and alternative text. Our own drawing rather than a
 * charting grammar: a chart this simple is some 150 lines, and builds in well under a millisecond
 * for 60 months (the issue's report gives the figures), where vega-lite would add megabytes of
 * JavaScript to every build. It draws the model's description and decides no words of its own.
 */
export interface SvgOptions {
  width?: number;
  height?: number;
  /** Prefix for element ids, unique per page when a page holds several charts. */
  idPrefix?: string;
  /** Draw the title as text above the plot (a picture in a DOCX needs it; an HTML figure has its own caption). */
  showTitle?: boolean;
}

const FONT = "'Source Sans 3', 'Source Sans Pro', Arial, sans-serif";
const FONT_SIZE = 12;
/** An average glyph of Source Sans 3 is about half its size wide: enough to keep labels apart, not to set type. */
const CHAR_WIDTH = 0.55;
const LEGEND_WIDTH = 130;
const SWATCH = 14;

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}"${attrs ? ` ${attrs}` : ""}>${escape(content)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" ${attrs}/>`;
}

function patterns(id: string): string {
  // White lines or dots over the fill: with them, no two series look alike in greyscale.
  const line = `stroke="#${CHART_BACKGROUND}" stroke-width="1.5"`;
  return (
    `<defs>` +
    `<pattern id="${id}-diagonal" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" ${line}/></pattern>` +
    `<pattern id="${id}-horizontal" width="6" height="5" patternUnits="userSpaceOnUse"><line x1="0" y1="2.5" x2="6" y2="2.5" ${line}/></pattern>` +
    `<pattern id="${id}-dotted" width="5" height="5" patternUnits="userSpaceOnUse"><circle cx="2.5" cy="2.5" r="1.1" fill="#${CHART_BACKGROUND}"/></pattern>` +
    `</defs>`
  );
}

function filled(series: ChartSeries, id: string, x: number, y: number, w: number, h: number): string {
  // A white edge around every segment keeps neighbours apart, so each colour only has to stand out from white.
  const solid = rect(x, y, w, h, `fill="#${series.fill}" stroke="#${CHART_BACKGROUND}" stroke-width="1"`);
  return series.pattern === "solid" ? solid : solid + rect(x + 0.5, y + 0.5, Math.max(0, w - 1), Math.max(0, h - 1), `fill="url(#${id}-${series.pattern})"`);
}

/** Every how many months an axis label fits, preferring steps that divide a year; the reporting month is always labelled. */
function labelStep(slot: number): number {
  const needed = 4 * FONT_SIZE * CHAR_WIDTH + 6;
  return [1, 2, 3, 4, 6, 12, 24].find((step) => step * slot >= needed) ?? Math.ceil(needed / slot);
}

export function outcomeChartSvg(chart: OutcomeChart, options: SvgOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 400;
  const id = options.idPrefix ?? "outcome-chart";
  const showTitle = options.showTitle ?? true;
  const top = showTitle ? 40 : 16;
  const left = 56;
  const right = width - LEGEND_WIDTH - 12;
  const bottom = height - 58;
  const yMax = chart.yTicks.at(-1)!;
  const y = (value: number) => bottom - ((bottom - top) * value) / yMax;
  const n = chart.categories.length;
  const slot = (right - left) / n;
  const barWidth = Math.min(48, slot * 0.7);
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT}" font-size="${FONT_SIZE}" fill="#${TEXT_COLOUR}">`,
    `<title id="${id}-title">${escape(chart.title)}</title>`,
    `<desc id="${id}-desc">${escape(chart.description)}</desc>`,
    patterns(id),
    rect(0, 0, width, height, `fill="#${CHART_BACKGROUND}"`),
  );
  if (showTitle) out.push(text(left, 22, chart.title, `font-size="15" font-weight="bold"`));

  // Value axis: gridlines are a reading aid only (the counts are written on the bars), so they may be pale.
  for (const tick of chart.yTicks) {
    out.push(`<line x1="${left}" y1="${fmt(y(tick))}" x2="${fmt(right)}" y2="${fmt(y(tick))}" stroke="#${tick === 0 ? CHART_AXIS : CHART_GRID}" stroke-width="1"/>`);
    out.push(text(left - 6, y(tick) + 4, String(tick), `text-anchor="end"`));
  }
  const middle = (top + bottom) / 2;
  out.push(text(16, middle, chart.yAxisLabel, `text-anchor="middle" transform="rotate(-90 16 ${fmt(middle)})"`));
  out.push(text((left + right) / 2, height - 10, chart.xAxisLabel, `text-anchor="middle"`));

  const step = labelStep(slot);
  let lastYear = "";
  chart.categories.forEach((category, i) => {
    const centre = left + slot * (i + 0.5);
    out.push(...bar(chart, category, i, centre, barWidth, y, id));
    if ((n - 1 - i) % step !== 0) return;
    const weight = category.reporting ? ` font-weight="bold"` : "";
    out.push(text(centre, bottom + 16, category.short, `text-anchor="middle"${weight}`));
    if (category.year !== lastYear || category.reporting) out.push(text(centre, bottom + 30, category.year, `text-anchor="middle"${weight}`));
    lastYear = category.year;
  });

  // The legend reads top down as the segments stand: the last-stacked series first.
  const legendX = right + 16;
  [...chart.series].reverse().forEach((series, i) => {
    const rowY = top + i * 22;
    out.push(filled(series, id, legendX, rowY, SWATCH, SWATCH), text(legendX + SWATCH + 6, rowY + 11, series.label));
  });
  out.push(`</svg>`);
  return out.join("\n");
}

function bar(chart: OutcomeChart, category: ChartCategory, index: number, centre: number, barWidth: number, y: (v: number) => number, id: string): string[] {
  const x = centre - barWidth / 2;
  if (!category.returned) {
    const base = y(0);
    return [text(centre + 4, base - 6, chart.noReturnLabel, `font-size="11" fill="#${CHART_AXIS}" transform="rotate(-90 ${fmt(centre + 4)} ${fmt(base - 6)})"`)];
  }
  const parts: string[] = [];
  let sum = 0;
  for (const series of chart.series) {
    const value = series.values[index] ?? 0;
    if (value === 0) continue;
    const [from, to] = [y(sum), y(sum + value)];
    parts.push(filled(series, id, x, to, barWidth, from - to));
    // A count is written on its segment only where it fits; the legend and the alt text carry every one.
    if (barWidth >= 18 && from - to >= 13) {
      const label = String(value);
      parts.push(text(centre, (from + to) / 2 + 4, label, `text-anchor="middle" font-size="11" font-weight="bold" fill="#${series.text}"${series.pattern === "solid" ? "" : ` stroke="#${series.fill}" stroke-width="3" paint-order="stroke"`}`));
    }
    sum += value;
  }
  return parts;
}
