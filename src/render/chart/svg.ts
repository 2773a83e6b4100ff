import type { ChartSeries, OutcomeChart } from "../../model/outcome-chart.js";
import { CHART_BACKGROUND } from "../../model/chart-palette.js";
import { TEXT_COLOUR } from "../../model/palette.js";
import { chartScene, FONT_SIZE, type SceneOptions, type SceneText } from "./scene.js";

/**
 * The outcome chart as SVG: stacked bars, one a month, every series named in words in a legend
 * listed in the order the segments stand, each segment's count written on it where it fits, and
 * <title> and <desc> carrying the model's title and alternative text. Our own drawing rather than a
 * charting grammar: a chart this simple is some 150 lines (scene.ts lays it out, for the PDF too),
 * and builds in well under a millisecond for 60 months (issue 13's report gives the figures), where
 * vega-lite would add megabytes of JavaScript to every build. It decides no words of its own.
 */
export interface SvgOptions {
  width?: number;
  height?: number;
  /** Prefix for element ids, unique per page when a page holds several charts. */
  idPrefix?: string;
  /** Draw the title as text above the plot (a picture in a DOCX needs it; an HTML figure has its own caption). */
  showTitle?: boolean;
  measure?: SceneOptions["measure"];
}

const FONT = "'Source Sans 3', 'Source Sans Pro', Arial, sans-serif";

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
  return series.pattern === "solid"
    ? solid
    : solid +
        rect(
          x + 0.5,
          y + 0.5,
          Math.max(0, w - 1),
          Math.max(0, h - 1),
          `fill="url(#${id}-${series.pattern})"`,
        );
}

function text(t: SceneText): string {
  const attrs = [
    t.anchor === "start" ? "" : `text-anchor="${t.anchor}"`,
    t.size === FONT_SIZE ? "" : `font-size="${t.size}"`,
    t.bold ? `font-weight="bold"` : "",
    t.colour === TEXT_COLOUR ? "" : `fill="#${t.colour}"`,
    t.halo ? `stroke="#${t.halo}" stroke-width="3" paint-order="stroke"` : "",
    t.vertical ? `transform="rotate(-90 ${fmt(t.x)} ${fmt(t.y)})"` : "",
  ].filter(Boolean);
  return `<text x="${fmt(t.x)}" y="${fmt(t.y)}"${attrs.length ? ` ${attrs.join(" ")}` : ""}>${escapeXml(t.text)}</text>`;
}

export function outcomeChartSvg(chart: OutcomeChart, options: SvgOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 400;
  const id = options.idPrefix ?? "outcome-chart";
  const scene = chartScene(chart, {
    width,
    height,
    showTitle: options.showTitle ?? true,
    ...(options.measure ? { measure: options.measure } : {}),
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT}" font-size="${FONT_SIZE}" fill="#${TEXT_COLOUR}">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(chart.description)}</desc>`,
    patterns(id),
    rect(0, 0, width, height, `fill="#${CHART_BACKGROUND}"`),
    ...scene.lines.map(
      (l) =>
        `<line x1="${fmt(l.x1)}" y1="${fmt(l.y1)}" x2="${fmt(l.x2)}" y2="${fmt(l.y2)}" stroke="#${l.colour}" stroke-width="1"/>`,
    ),
    ...scene.segments.map((s) => filled(s.series, id, s.x, s.y, s.width, s.height)),
    ...scene.texts.map(text),
    `</svg>`,
  ].join("\n");
}
