import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { attr, decode, unzipText } from "../helpers/docx-read.js";
import { bundledReport } from "../helpers/report-model.js";

/**
 * The DOCX's embedded faces, read back as Word and LibreOffice read them: each part named in the
 * font table, de-obfuscated with its key (ECMA-376 Part 2, 11.1, done here without the renderer's
 * code), must be a TrueType font of Source Sans 3 that draws every character of the document the
 * whole face draws, with the whole face's advance widths (so lines break where they did), and be
 * smaller than the whole face.
 */
const require = createRequire(import.meta.url);
const WHOLE = {
  embedRegular: require.resolve("@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf"),
  embedBold: require.resolve("@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf"),
} as const;

interface Font {
  familyName: string;
  subfamilyName: string;
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}
/** fontkit (pdfkit's font parser, a dependency) has no types of its own. */
const fontkit = require("fontkit") as { create(bytes: Buffer): Font };

function deobfuscate(bytes: Uint8Array, guid: string): Uint8Array {
  const key = guid
    .replace(/[{}-]/g, "")
    .match(/../g)!
    .map((h) => Number.parseInt(h, 16))
    .reverse();
  const out = Uint8Array.from(bytes);
  for (let i = 0; i < 32; i++) out[i] = out[i]! ^ key[i % 16]!;
  return out;
}

/** Every character a reader sees: the runs' text (w:t) of every part, and the lists' bullets. */
function documentCharacters(files: Record<string, string>): Set<number> {
  const found = new Set<number>();
  for (const [path, xml] of Object.entries(files)) {
    if (!path.endsWith(".xml")) continue;
    const texts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!));
    for (const text of [...texts, ...attr(xml, "w:lvlText", "w:val").map(decode)])
      for (const c of text) found.add(c.codePointAt(0)!);
  }
  return found;
}

describe("the DOCX's embedded fonts, September 2022", () => {
  let files: Record<string, string>;
  let raw: Record<string, Uint8Array>;
  beforeAll(async () => {
    const bytes = await renderDocx(await bundledReport({ month: "2022-09", from: "2022-03" }));
    files = unzipText(bytes);
    raw = unzipSync(bytes);
  });

  it("are two subsetted faces, each a valid Source Sans 3 drawing every character of the text with the whole face's widths, and smaller than it", () => {
    const table = files["word/fontTable.xml"]!;
    const rels = files["word/_rels/fontTable.xml.rels"]!;
    const characters = documentCharacters(files);
    // The text is really there: more than the bare alphabet, and some of it beyond ASCII.
    expect(characters.size).toBeGreaterThan(60);
    expect([...characters].some((c) => c > 0x7f)).toBe(true);
    const embeds = [
      ...table.matchAll(/<w:(embed\w+) r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})" w:subsetted="1"\/>/g),
    ];
    expect(embeds.map((m) => m[1])).toEqual(["embedRegular", "embedBold"]);
    for (const [, element, id, key] of embeds) {
      const target = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1]!;
      const bytes = deobfuscate(raw[`word/${target}`]!, key!);
      const whole = readFileSync(WHOLE[element as keyof typeof WHOLE]);
      expect(bytes.length).toBeLessThan(whole.length / 4);
      const font = fontkit.create(Buffer.from(bytes));
      const full = fontkit.create(whole);
      expect(font.familyName).toBe("Source Sans 3");
      expect(font.subfamilyName).toBe(element === "embedBold" ? "Bold" : "Regular");
      expect(font.unitsPerEm).toBe(full.unitsPerEm);
      let drawn = 0;
      for (const c of characters) {
        if (c < 0x20 || !full.hasGlyphForCodePoint(c)) continue;
        drawn++;
        expect(font.hasGlyphForCodePoint(c), `U+${c.toString(16)} in ${element}`).toBe(true);
        expect(font.glyphForCodePoint(c).advanceWidth).toBe(full.glyphForCodePoint(c).advanceWidth);
      }
      expect(drawn).toBeGreaterThan(60);
      // What an officer editing it is likely to type is there too, beyond the document's own text.
      for (const c of "éüßł£€…—") expect(font.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
    }
  });
});
