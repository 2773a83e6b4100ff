import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { BOLD, FALLBACK, openFallback, openFonts, REGULAR } from "../../src/render/pdf/fonts.js";
import { Cids } from "../../src/render/pdf/glyph-ops.js";
import type { EmbeddedFont, GlyphRun } from "../../src/render/pdf/pdfkit-internals.js";
import { loadShaper } from "../../src/render/pdf/shaper.js";
import { bundledReport } from "../helpers/report-model.js";

/**
 * The PDF's words are shaped by HarfBuzz (src/render/pdf/shaper.ts) in place of fontkit's own
 * engine, which pdfkit would use. On every word of the bundled reports the two must agree glyph
 * for glyph, advance for advance; where they differ (text no bundled return has), HarfBuzz's
 * answer is checked against what the font itself says it should be.
 */

let faces: Map<string, EmbeddedFont>;
let fallback: EmbeddedFont;

beforeAll(async () => {
  await loadShaper();
  const doc = new PDFDocument({ autoFirstPage: false, font: "" } as PDFKit.PDFDocumentOptions);
  faces = openFonts(doc, false);
  fallback = openFallback(doc, false);
  faces.set(FALLBACK, fallback);
});

const face = (name: string) => faces.get(name)!;
const harfbuzz = (f: EmbeddedFont, text: string) => f.layoutRun(text);
const fontkit = (f: EmbeddedFont, text: string) =>
  (Object.getPrototypeOf(f).layoutRun as EmbeddedFont["layoutRun"]).call(f, text);

/**
 * Glyph ids, their advances and offsets, and the characters each stands for, but for the empty
 * box (glyph 0): pdfkit maps it to no text whatever the shaper says, and fontkit says whatever the
 * first character it could not draw was.
 */
const drawn = (run: GlyphRun) =>
  run.glyphs.map((g, i) => {
    const { xAdvance, yAdvance, xOffset, yOffset, advanceWidth } = run.positions[i]!;
    return {
      id: g.id,
      width: g.advanceWidth,
      xAdvance,
      yAdvance,
      xOffset,
      yOffset,
      advanceWidth,
      text: g.id === 0 ? [] : g.codePoints,
    };
  });

/** Every string in a value, at any depth: more than is drawn, never less. */
function strings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, into);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, into);
  return into;
}

describe("HarfBuzz shapes our words as fontkit does", () => {
  it("every word of the bundled reports, in both faces", async () => {
    const texts = new Set<string>();
    for (const month of ["2022-03", "2022-06", "2022-09"] as const)
      strings(await bundledReport({ month, from: "2021-10" }), texts);
    // As the pen and pdfkit's wrapper cut text for shaping: each word with the space after it.
    const words = new Set([...texts].flatMap((t) => t.split(/(?<=[ \t])/)));
    expect(words.size).toBeGreaterThan(1000);
    const differ: string[] = [];
    for (const name of [REGULAR, BOLD])
      for (const word of words)
        if (
          JSON.stringify(drawn(harfbuzz(face(name), word))) !==
          JSON.stringify(drawn(fontkit(face(name), word)))
        )
          differ.push(`${name}: ${JSON.stringify(word)}`);
    expect(differ).toEqual([]);
  });

  it.each([
    ["kerning", REGULAR, "AVATAR Tyne LT "],
    ["ligatures", REGULAR, "office afflict staff "],
    ["accented letters", BOLD, "Ŵrexham Cymraeg naïve café Straße Œuvre "],
    ["figures and signs", REGULAR, "99.5% (3/4) £1,250 – 12:30 → ≥ ± × "],
    ["Greek and Cyrillic", REGULAR, "Ελληνικά Русский "],
    ["an emoji", FALLBACK, "😀🚌☎"],
  ])("%s", (_, name, text) => {
    expect(drawn(harfbuzz(face(name), text))).toEqual(drawn(fontkit(face(name), text)));
  });
});

describe("where fontkit is wrong, HarfBuzz draws what the font has", () => {
  it("a letter and a combining accent: the accented letter's own glyph, standing for both", () => {
    const composed = harfbuzz(face(REGULAR), "é");
    const decomposed = harfbuzz(face(REGULAR), "e\u0301");
    expect(decomposed.glyphs.map((g) => g.id)).toEqual(composed.glyphs.map((g) => g.id));
    expect(decomposed.glyphs[0]!.codePoints).toEqual([0x65, 0x301]);
    // fontkit puts a separate accent over the plain e.
    expect(fontkit(face(REGULAR), "e\u0301").glyphs).toHaveLength(2);
  });

  it("a letter the font lacks but can build (Ḯ): a letter and an accent, not the empty box", () => {
    const run = harfbuzz(face(REGULAR), "\u1E2E");
    expect(run.glyphs.map((g) => g.id)).not.toContain(0);
    expect(fontkit(face(REGULAR), "\u1E2E").glyphs.map((g) => g.id)).toEqual([0]);
  });

  it("an emoji with a skin tone: one glyph, standing for both characters (fontkit drops the tone)", () => {
    const run = harfbuzz(face(FALLBACK), "👍🏽");
    expect(run.glyphs).toHaveLength(1);
    expect(run.glyphs[0]!.codePoints).toEqual([0x1f44d, 0x1f3fd]);
    expect(fontkit(face(FALLBACK), "👍🏽").glyphs[0]!.codePoints).toEqual([0x1f44d]);
  });

  it.each([
    ["a soft hyphen", "co\u00ADop"],
    ["a zero-width space", "a\u200Bb"],
    ["a zero-width joiner", "a\u200Db"],
  ])("%s takes no room and stands for no text", (_, text) => {
    const run = harfbuzz(face(REGULAR), text);
    const plain = harfbuzz(face(REGULAR), text.replace(/[^a-z]/g, ""));
    expect(run.advanceWidth).toBeCloseTo(plain.advanceWidth, 6);
    expect(run.glyphs.flatMap((g) => g.codePoints)).toEqual(
      [...text.replace(/[^a-z]/g, "")].map((c) => c.codePointAt(0)),
    );
  });
});

describe("the text a glyph gives back", () => {
  it("a glyph first drawn for an invisible character (the space's, for a zero-width space) is named by its next use", () => {
    const regular = face(REGULAR);
    const cids = new Cids(regular);
    const [zeroWidth, space] = [harfbuzz(regular, "\u200B"), harfbuzz(regular, " ")];
    expect(zeroWidth.glyphs[0]!.id).toBe(space.glyphs[0]!.id);
    const cid = Number.parseInt(cids.of(zeroWidth.glyphs[0]!), 16);
    expect(regular.unicode[cid]).toEqual([]);
    cids.of(space.glyphs[0]!);
    expect(regular.unicode[cid]).toEqual([0x20]);
  });
});
