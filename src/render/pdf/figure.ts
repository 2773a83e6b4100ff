import type { OutcomeChart } from "../../model/outcome-chart.js";
import { CHART_BACKGROUND } from "../../model/chart-palette.js";
import { chartScene, type SceneSegment, type SceneText } from "../chart/scene.js";
import { BOLD, REGULAR } from "./fonts.js";
import type { Pager } from "./page-furniture.js";
import { child, tagged, type StructElement } from "./tags.js";

/**
 * The outcome chart as vector paths and text, tagged as one Figure whose /Alt is the model's
 * description (what the chart shows and every figure behind it), at the size the layout gave it
 * (layout/page-flow.ts); its table of figures follows as any table. The layout is chart/scene.ts's,
 * as the SVG's is, with the PDF's own font measuring the labels.
 */
export function drawFigure(
  pager: Pager,
  parent: StructElement,
  chart: OutcomeChart,
  width: number,
  height: number,
): void {
  const { doc, pen } = pager;
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
