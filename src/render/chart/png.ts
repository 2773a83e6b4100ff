import { createRequire } from "node:module";
import type { OutcomeChart } from "../../model/outcome-chart.js";
import { outcomeChartSvg } from "./svg.js";

const require = createRequire(import.meta.url);
/** The PDF's faces, given to resvg by path so the picture does not depend on the machine's fonts. */
const FONT_FILES = [
  require.resolve("@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf"),
  require.resolve("@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf"),
];

/**
 * The picture is laid out at the size it is shown, in points (the PDF's chart, as the layout
 * sized it), with three pixels a point each way: 216 dots to the inch, sharp in print.
 */
const ZOOM = 3;

/**
 * The chart as a PNG, for the DOCX (Word and LibreOffice need a raster picture; docx's SVG
 * images still carry one as their fallback, and LibreOffice draws that). resvg renders our own
 * SVG, so the picture is the HTML edition's chart. It is a native addon of 4.2 MB per platform;
 * issue 13's report measured it at about 50 ms a chart against 4-5 times that for its WebAssembly
 * build. It is imported here only, so only a DOCX build loads it; the bytes are the same on every run.
 */
export async function outcomeChartPng(
  chart: OutcomeChart,
  size: { width: number; height: number },
): Promise<Uint8Array> {
  const { renderAsync } = await import("@resvg/resvg-js");
  // No title in the picture: the heading above it in the DOCX says it, and said twice it read as two charts.
  const svg = outcomeChartSvg(chart, { ...size, showTitle: false, idPrefix: "chart" });
  // On libuv's thread pool, so the HTML is drawn on this thread meanwhile.
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: ZOOM },
    background: "#FFFFFF",
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "Source Sans 3" },
  });
  return image.asPng();
}
