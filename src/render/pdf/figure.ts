import type { Table } from "../../model/document.js";
import type { OutcomeChart } from "../../model/outcome-chart.js";
import { CHART_BACKGROUND } from "../../model/chart-palette.js";
import { chartScene, type SceneSegment, type SceneText } from "../chart/scene.js";
import { BOLD, REGULAR } from "./fonts.js";
import type { Pager } from "./page-furniture.js";
import { drawTable, layoutFor } from "./table.js";
import { child, tagged, type StructElement } from "./tags.js";

/** The chart's size in points: 640 by 240, a little flatter than the SVG (720 by 400 CSS pixels), so the chart, its table of figures and the end of the table before them share a page. */
const WIDTH = 640;
const HEIGHT = 240;
/** The flattest the chart is drawn, to share a page with what came before it rather than leave a gap. */
const MIN_HEIGHT = 170;
const GAP = 10;

/**
 * The outcome chart as vector paths and text, tagged as one Figure whose /Alt is the model's
 * description (what the chart shows and every figure behind it), then the same figures as a
 * table. The layout is chart/scene.ts's, as the SVG's is, with the PDF's own font measuring the labels.
 */
export function drawFigure(pager: Pager, parent: StructElement, chart: OutcomeChart, table: Table): void {
  const { doc, pen } = pager;
  const width = Math.min(WIDTH, pager.contentWidth);
  const height = chartHeight(pager, table);
  const scene = chartScene(chart, {
    width,
    height,
    showTitle: false,
    measure: (text, size, bold) => pen.width(text, { font: bold ? BOLD : REGULAR, size }),
  });
  const [left, top] = [pager.left, pager.y];
  // PDF/UA asks a Figure for its alternative text; its bounding box (a layout attribute) lets a reflowing reader place it.
  const figure = child(doc, parent, "Figure", {
    alt: chart.description,
    bbox: [left, top, left + width, top + height],
  });
  tagged(doc, figure, "Figure", () => {
    pen.isolated(() => {
      doc.translate(left, top);
      for (const line of scene.lines)
        doc.moveTo(line.x1, line.y1).lineTo(line.x2, line.y2).lineWidth(0.75).stroke(`#${line.colour}`);
      for (const segment of scene.segments) drawSegment(doc, segment);
      for (const text of scene.texts) drawText(pager, text);
    });
  });
  figure.end();
  pager.y += height + GAP;
  drawTable(pager, parent, table);
}

/** The table of figures under the chart, as drawn. */
function figuresHeight(pager: Pager, table: Table): number {
  const { layout, caption } = layoutFor(pager, table);
  return (
    GAP +
    caption.height +
    2 * GAP +
    layout.header.height +
    layout.rows.reduce((sum, row) => sum + row.height, 0)
  );
}

/** What a heading before the chart keeps with it: the chart at its flattest (its figures may follow over the page). */
export function figureHeight(pager: Pager, table: Table): number {
  return MIN_HEIGHT + Math.min(figuresHeight(pager, table), GAP);
}

/**
 * How tall the chart is drawn, starting a page first if need be. The chart and its figures share
 * the page where they can, the chart a little flatter if that is what it takes; else the chart
 * takes what is left of the page and its figures follow on the next, so no page is left half
 * empty for them.
 */
function chartHeight(pager: Pager, table: Table): number {
  const figures = figuresHeight(pager, table);
  const fitting = () =>
    HEIGHT + figures <= pager.space
      ? HEIGHT
      : MIN_HEIGHT + figures <= pager.space
        ? Math.floor(pager.space - figures)
        : undefined;
  const here = fitting();
  if (here !== undefined) return here;
  if (MIN_HEIGHT + GAP <= pager.space) return Math.floor(Math.min(HEIGHT, pager.space - GAP));
  if (!pager.atTop) pager.newPage();
  return fitting() ?? HEIGHT;
}

/** A segment filled, edged in white so neighbours stay apart, and patterned in white where its series is. */
function drawSegment(doc: PDFKit.PDFDocument, { x, y, width, height, series }: SceneSegment): void {
  const white = `#${CHART_BACKGROUND}`;
  doc.rect(x, y, width, height).lineWidth(1).fillAndStroke(`#${series.fill}`, white);
  if (series.pattern === "solid") return;
  doc.save();
  doc.rect(x + 0.5, y + 0.5, Math.max(0, width - 1), Math.max(0, height - 1)).clip();
  doc.lineWidth(1.2).strokeColor(white).fillColor(white);
  if (series.pattern === "horizontal") {
    for (let ly = y + 2.5; ly < y + height; ly += 5) doc.moveTo(x, ly).lineTo(x + width, ly);
    doc.stroke();
  } else if (series.pattern === "diagonal") {
    for (let c = -height; c < width; c += 6) doc.moveTo(x + c, y + height).lineTo(x + c + height, y);
    doc.stroke();
  } else {
    for (let dy = y + 2.5; dy < y + height; dy += 5)
      for (let dx = x + 2.5; dx < x + width; dx += 5) doc.circle(dx, dy, 1);
    doc.fill();
  }
  doc.restore();
}

function drawText(pager: Pager, t: SceneText): void {
  const { doc, pen } = pager;
  const style = { font: t.bold ? BOLD : REGULAR, size: t.size };
  const width = pen.width(t.text, style);
  const x = t.anchor === "start" ? t.x : t.anchor === "middle" ? t.x - width / 2 : t.x - width;
  const top = t.y - pen.ascent(style);
  const draw = () => {
    // On a patterned segment the count sits on a patch of the plain fill, so the pattern cannot break it up.
    if (t.halo) doc.rect(x - 2, t.y - t.size * 0.8, width + 4, t.size).fill(`#${t.halo}`);
    pen.draw([t.text], style, t.colour, x, top);
  };
  pen.isolated(() => {
    if (t.vertical) doc.rotate(-90, { origin: [t.x, t.y] });
    draw();
  });
}
