import type { EmbeddedFont } from "./pdfkit-internals.js";

/** A piece of a line drawn in one face. */
export interface Run {
  face: EmbeddedFont;
  text: string;
}

/**
 * Characters Source Sans 3 surely has: Latin-1 and General Punctuation. Text made only of these
 * (every bundled return) is never looked at code point by code point.
 */
const PLAIN = /^[\u0000-\u00FF\u2000-\u206F]*$/u;
/** Joiners and modifiers that belong to the emoji before them. */
const ATTACHED = /^[\u200D\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]$/u;

/**
 * Splits text into runs of the main face and of the fallback, for the characters the main face
 * lacks (and an emoji-presentation sequence: a character followed by U+FE0F). Characters that
 * neither face has stay with the main face, which draws them as its empty box; they are
 * recorded in `missing`, so the build can say so. Null when the main face draws it all.
 */
export function splitRuns(
  text: string,
  main: EmbeddedFont,
  fallback: () => EmbeddedFont,
  missing: Set<number>,
): Run[] | null {
  if (PLAIN.test(text)) return null;
  const chars = [...text];
  const faces: EmbeddedFont[] = [];
  let needed = false;
  chars.forEach((char, i) => {
    const cp = char.codePointAt(0)!;
    if (i > 0 && ATTACHED.test(char)) return void faces.push(faces[i - 1]!);
    const emojiPresentation = chars[i + 1] === "\uFE0F";
    if (
      main.font.hasGlyphForCodePoint(cp) &&
      !(emojiPresentation && fallback().font.hasGlyphForCodePoint(cp))
    )
      return void faces.push(main);
    if (fallback().font.hasGlyphForCodePoint(cp)) {
      needed = true;
      return void faces.push(fallback());
    }
    if (!main.font.hasGlyphForCodePoint(cp)) missing.add(cp);
    faces.push(main);
  });
  if (!needed) return null;
  const runs: Run[] = [];
  chars.forEach((char, i) => {
    const last = runs[runs.length - 1];
    if (last && last.face === faces[i]) last.text += char;
    else runs.push({ face: faces[i]!, text: char });
  });
  return runs;
}
