import type { EmbeddedFont, GlyphRun } from "./pdfkit-internals.js";

/**
 * How many runs have been shaped in this process, by every face: each is a miss of the shaping
 * cache (pdfkit's `layoutCache`, shared by every document of a process through fonts.ts). Read by
 * the test that proves the cache changes no glyph, to know it was really bypassed.
 */
export function runsShaped(): number {
  return shapedRuns;
}

let shapedRuns = 0;

/** Makes `face` shape its runs through this module, so each one shaped is counted. */
export function installShaper(face: EmbeddedFont): void {
  const shapeWithFontkit = Object.getPrototypeOf(face).layoutRun as EmbeddedFont["layoutRun"];
  face.layoutRun = (text: string, features?: unknown): GlyphRun => {
    shapedRuns++;
    return shapeWithFontkit.call(face, text, features);
  };
}
