import { createRequire } from "node:module";
import type * as HarfBuzz from "harfbuzzjs";
import type { EmbeddedFont, FontkitFont, Glyph, GlyphPosition, GlyphRun } from "./pdfkit-internals.js";

/**
 * Words are shaped by HarfBuzz (harfbuzzjs, built for WebAssembly) instead of fontkit's own
 * OpenType engine; fontkit still parses each font for pdfkit and writes its subset. On September's
 * 1,475 distinct words the two give the same glyphs, advances and offsets, and HarfBuzz takes
 * about a third of the CPU time (cold, as a build shapes them: 130-140 ms against 470-490 ms,
 * docs/performance.md). Where they differ HarfBuzz is right and fontkit is not: a base letter
 * and a combining accent become the accented letter's own glyph; a letter the font lacks but can
 * compose (Ḯ) is drawn, not a box; invisible characters (joiners, variation selectors, soft
 * hyphens) take no room instead of showing a box or a hyphen. test/render/pdf-shaper.test.ts
 * compares them.
 */

/**
 * How many runs have been shaped in this process, by every face: each is a miss of the shaping
 * cache (pdfkit's `layoutCache`, shared by every document of a process through fonts.ts). Read by
 * the test that proves the cache changes no glyph, to know it was really bypassed.
 */
export function runsShaped(): number {
  return shapedRuns;
}

let shapedRuns = 0;

const require = createRequire(import.meta.url);
let hb: typeof HarfBuzz | undefined;
let loading: Promise<unknown> | undefined;

/**
 * Loads HarfBuzz (its WebAssembly compiled and instantiated: 20-50 ms), once per thread. The
 * module reads its .wasm beside itself as it is imported; a missing one is found first, so it is
 * "Cannot find module" (a damaged installation, said in one line) and not an abort from inside it.
 */
export function loadShaper(): Promise<unknown> {
  loading ??= (async () => {
    require.resolve("harfbuzzjs/dist/harfbuzz.wasm");
    hb = await import("harfbuzzjs");
  })();
  return loading;
}

/** One HarfBuzz font per fontkit font: the same bytes, parsed once for each. */
const harfbuzzFonts = new WeakMap<FontkitFont, HarfBuzzFont>();
/** One buffer, reused: shaping is synchronous, and each thread has its own module. */
let buffer: HarfBuzz.Buffer | undefined;

/** Makes `face` shape its runs with HarfBuzz, each one counted. `loadShaper` must have finished. */
export function installShaper(face: EmbeddedFont): void {
  if (!hb) throw new Error("The shaper is used before loadShaper() has finished.");
  const shapeWithFontkit = Object.getPrototypeOf(face).layoutRun as EmbeddedFont["layoutRun"];
  face.layoutRun = (text: string, features?: unknown): GlyphRun => {
    shapedRuns++;
    // We never ask for features; pdfkit's own text drawing could, and fontkit reads its form.
    if (features) return shapeWithFontkit.call(face, text, features);
    return shape(fontOf(face.font), text, face.scale);
  };
}

interface HarfBuzzFont {
  font: HarfBuzz.Font;
  /** Advance widths by glyph id, in font units: asked of the font once each. */
  advances: Map<number, number>;
}

function fontOf(font: FontkitFont): HarfBuzzFont {
  let known = harfbuzzFonts.get(font);
  if (!known) {
    const { Blob, Face, Font } = hb!;
    known = { font: new Font(new Face(new Blob(font.stream.buffer))), advances: new Map() };
    harfbuzzFonts.set(font, known);
  }
  return known;
}

/**
 * `text` shaped as pdfkit's EmbeddedFont.layoutRun gives it: positions scaled to thousandths of an
 * em (`scale` per font unit) with each glyph's own advance beside them; glyphs with their advance
 * in font units and the characters they stand for, which the ToUnicode map gives back to text
 * extraction (a ligature stands for all of its letters).
 */
function shape(known: HarfBuzzFont, text: string, scale: number): GlyphRun {
  const harfbuzz = hb!;
  const buf = (buffer ??= new harfbuzz.Buffer());
  buf.reset();
  // Each character keeps its own cluster, so a combining mark that stays a glyph of its own
  // stands for itself in the text, as fontkit gave it.
  buf.setClusterLevel(harfbuzz.ClusterLevel.CHARACTERS);
  buf.addText(text);
  buf.guessSegmentProperties();
  harfbuzz.shape(known.font, buf);
  const infos = buf.getGlyphInfos();
  const placed = buf.getGlyphPositions();
  const ends = clusterEnds(infos, text.length);
  const glyphs: Glyph[] = [];
  const positions: GlyphPosition[] = [];
  let advanceWidth = 0;
  for (let i = 0; i < infos.length; i++) {
    const { codepoint: id, cluster } = infos[i]!;
    let advance = known.advances.get(id);
    if (advance === undefined) known.advances.set(id, (advance = known.font.glyphHAdvance(id)));
    // The first glyph of a cluster stands for its characters; any more (a decomposed letter) for none.
    const end = ends[i]!;
    glyphs.push({ id, advanceWidth: advance, codePoints: end < 0 ? [] : codePointsOf(text, cluster, end) });
    const p = placed[i]!;
    positions.push({
      xAdvance: p.xAdvance * scale,
      yAdvance: p.yAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: advance * scale,
    });
    advanceWidth += p.xAdvance * scale;
  }
  return { glyphs, positions, advanceWidth };
}

/**
 * For each glyph, where its cluster's characters end (clusters are UTF-16 offsets, a cluster ends
 * where the next one starts), or -1 for a glyph after the first of its cluster. Left-to-right text
 * (all of ours) has its clusters in order, and is done in one pass from the end.
 */
function clusterEnds(infos: readonly { cluster: number }[], length: number): number[] {
  const n = infos.length;
  const ends = new Array<number>(n);
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = infos[i]!.cluster >= infos[i - 1]!.cluster;
  if (ordered) {
    let next = length;
    for (let i = n - 1; i >= 0; i--) {
      const cluster = infos[i]!.cluster;
      const first = i === 0 || infos[i - 1]!.cluster !== cluster;
      ends[i] = first ? next : -1;
      if (first) next = cluster;
    }
    return ends;
  }
  const starts = [...new Set(infos.map((info) => info.cluster))].sort((a, b) => a - b);
  const endOf = new Map(starts.map((start, i) => [start, starts[i + 1] ?? length]));
  const claimed = new Set<number>();
  for (let i = 0; i < n; i++) {
    const cluster = infos[i]!.cluster;
    ends[i] = claimed.has(cluster) ? -1 : endOf.get(cluster)!;
    claimed.add(cluster);
  }
  return ends;
}

/**
 * Invisible characters (joiners, variation selectors, soft hyphens, zero-width spaces) are shaped
 * as an empty glyph, often the space's: they stand for nothing, so that glyph's text stays a space.
 */
const INVISIBLE: readonly (readonly [number, number])[] = [
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe0fff],
];

const invisible = (cp: number) => cp >= 0xad && INVISIBLE.some(([from, to]) => cp >= from && cp <= to);

/** The characters of `text` from `start` to `end`, as code points; none if they are all invisible. */
function codePointsOf(text: string, start: number, end: number): number[] {
  if (end === start + 1) {
    const code = text.charCodeAt(start);
    return invisible(code) ? [] : [code];
  }
  const codePoints: number[] = [];
  for (const character of text.slice(start, end)) codePoints.push(character.codePointAt(0)!);
  return codePoints.every(invisible) ? [] : codePoints;
}
