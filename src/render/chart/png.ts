import { createRequire } from "node:module";
import type { OutcomeChart } from "../../model/outcome-chart.js";
import { outcomeChartSvg } from "./svg.js";

const require = createRequire(import.meta.url);
/** The PDF's faces, given to resvg by path so the picture does not depend on the machine's fonts. */
const FONT_FILES = [
  require.resolve("@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf"),
  require.resolve("@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf"),
];

/** CSS pixels of the chart; the PNG has twice as many each way, sharp in print at this size. */
export const CHART_PIXELS = { width: 720, height: 400 };
const ZOOM = 2;

/**
 * The chart as a PNG, for the DOCX (Word and LibreOffice need a raster picture; docx's SVG
 * images still carry one as their fallback, and LibreOffice draws that). resvg renders our own
 * SVG, so the picture is the HTML edition's chart. It is a native addon of 4.2 MB per platform;
 * issue 13's report measured it at about 50 ms a chart against 4-5 times that for its WebAssembly
 * build. It is imported here only, so only a DOCX build loads it; the bytes are the same on every run.
 */
export async function outcomeChartPng(chart: OutcomeChart): Promise<Uint8Array> {
  const renderAsync = resvg();
  // No title in the picture: the heading above it in the DOCX says it, and said twice it read as two charts.
  const svg = outcomeChartSvg(chart, { ...CHART_PIXELS, showTitle: false, idPrefix: "chart" });
  // On libuv's thread pool, so the HTML is drawn on this thread meanwhile.
  const image = await renderAsync(
    svg,
    JSON.stringify({
      fitTo: { mode: "zoom", value: ZOOM },
      background: "#FFFFFF",
      font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "Source Sans 3" },
    }),
  );
  return image.asPng();
}

type RenderAsync = (svg: string, options: string) => Promise<{ asPng(): Uint8Array }>;
let loaded: RenderAsync | undefined;

/**
 * resvg's renderAsync, taking its options as JSON as the native addon does. The addon is loaded
 * directly from its package for this platform (the one @resvg/resvg-js would pick, found the way
 * its own require would find it), because resvg-js's loader asks process.report for the C
 * library first: a diagnostic report of the whole process, which waits on the PDF's busy thread
 * (15-20 ms of CPU alone, 30-400 ms in a build, docs/performance.md). Where no such package
 * loads, resvg-js's own loader is used, and what it says (a missing addon) is what a build says.
 */
function resvg(): RenderAsync {
  if (loaded) return loaded;
  const fromResvg = createRequire(require.resolve("@resvg/resvg-js"));
  for (const name of ADDONS[`${process.platform}-${process.arch}`] ?? []) {
    try {
      return (loaded = (fromResvg(`@resvg/resvg-js-${name}`) as { renderAsync: RenderAsync }).renderAsync);
    } catch {
      // not installed here, or built for the other C library: the next, else resvg-js's loader
    }
  }
  const { renderAsync } = fromResvg("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
  return (loaded = (svg, options) => renderAsync(svg, JSON.parse(options)));
}

/** resvg-js 2.6's addon packages by platform, in the order its loader would choose between them. */
const ADDONS: Record<string, string[]> = {
  "linux-x64": ["linux-x64-gnu", "linux-x64-musl"],
  "linux-arm64": ["linux-arm64-gnu", "linux-arm64-musl"],
  "linux-arm": ["linux-arm-gnueabihf"],
  "darwin-x64": ["darwin-x64"],
  "darwin-arm64": ["darwin-arm64"],
  "win32-x64": ["win32-x64-msvc"],
  "win32-ia32": ["win32-ia32-msvc"],
  "win32-arm64": ["win32-arm64-msvc"],
};
