import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import LineBreaker from "linebreak";
import type { Typesetter } from "./cells.js";
import { type FontMetrics, readMetrics } from "./metrics.js";
import { BOLD, FACE_FILES, REGULAR, type TextStyle } from "./type.js";

/**
 * The layout's one typesetter, for the PDF and the DOCX alike: Source Sans 3's advances read from
 * the font files (metrics.ts), without pdfkit, lines broken where pdfkit's LineWrapper broke
 * them (the same UAX #14 opportunities, from the same `linebreak` package, and its rule that a
 * word fits when it fits with the space after it), 1.2 em apart.
 *
 * Kerning is left out, as Word and LibreOffice set the DOCX (its runs say w:kern 0, styles.ts):
 * the lines it breaks are the lines both programs break. The PDF draws each line kerned, a
 * fraction of a point shorter than measured, so nothing drawn overruns its column. Measured with
 * kerning (pdfkit's wrapper, before), 12 of September's 983 table paragraphs broke differently.
 */
const LEADING = 1.2;

/**
 * What the PDF draws a character its faces lack in: Noto Emoji, read only when such a character
 * is first measured. A character neither has is drawn as the face's empty box (glyph 0).
 */
const FALLBACK_FILE = "@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf";
/**
 * Characters given no width, as [first, last] code points: the control characters (a paragraph's
 * own line breaks reach the measure with the word before them) and those HarfBuzz draws with none
 * (joiners, variation selectors, soft hyphens, byte order marks).
 */
const IGNORABLE: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xe0000, 0xe0fff],
];

const ignorable = (codePoint: number) =>
  IGNORABLE.some(([first, last]) => codePoint >= first && codePoint <= last);

const require = createRequire(import.meta.url);
const faces = new Map<string, FontMetrics>();

function metricsOf(name: string, file: () => string): FontMetrics {
  let metrics = faces.get(name);
  if (!metrics) faces.set(name, (metrics = readMetrics(readFileSync(file()))));
  return metrics;
}

function face(font: string): FontMetrics {
  if (font !== REGULAR && font !== BOLD) throw new Error(`No metrics for the font ${font}`);
  return metricsOf(font, () => FACE_FILES[font]);
}

/**
 * Ems by code point, per face: a schedule has a few hundred distinct characters and millions of
 * them. Latin-1 (nearly all of them) is looked up in an array (-1 until measured), the rest in a map.
 */
interface FaceEms {
  latin1: Float64Array;
  other: Map<number, number>;
}
const ems = new Map<string, FaceEms>();

function emsFor(font: string): FaceEms {
  let known = ems.get(font);
  if (!known) ems.set(font, (known = { latin1: new Float64Array(256).fill(-1), other: new Map() }));
  return known;
}

function emOf(known: FaceEms, font: string, codePoint: number): number {
  if (codePoint < 256) {
    const em = known.latin1[codePoint]!;
    return em >= 0 ? em : (known.latin1[codePoint] = measureEm(font, codePoint));
  }
  let em = known.other.get(codePoint);
  if (em === undefined) known.other.set(codePoint, (em = measureEm(font, codePoint)));
  return em;
}

function measureEm(font: string, codePoint: number): number {
  const main = face(font);
  const advance = main.advance(codePoint);
  if (advance !== undefined) return advance / main.unitsPerEm;
  if (ignorable(codePoint)) return 0;
  const fallback = metricsOf(FALLBACK_FILE, () => require.resolve(FALLBACK_FILE));
  const drawn = fallback.advance(codePoint);
  return drawn !== undefined ? drawn / fallback.unitsPerEm : (main.glyphAdvance(0) ?? 0) / main.unitsPerEm;
}

function width(text: string, style: TextStyle): number {
  const known = emsFor(style.font);
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    total += emOf(known, style.font, codePoint);
  }
  return total * style.size;
}

/**
 * In one pass over `text`, its widest space-separated word and its width on one line: the same
 * sums, in the same order, as `width` of each word and of the whole text.
 */
export function extent(text: string, style: TextStyle): { word: number; line: number } {
  const known = emsFor(style.font);
  let total = 0;
  let word = 0;
  let widest = 0;
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    const em = emOf(known, style.font, codePoint);
    total += em;
    if (codePoint === 0x20) {
      if (word > widest) widest = word;
      word = 0;
    } else word += em;
  }
  if (word > widest) widest = word;
  return { word: widest * style.size, line: total * style.size };
}

/**
 * Lines already broken, by face, size and width, then text: the same labels, figures and
 * commentary recur within a report and across a batch. Cleared when large, so a long batch does
 * not keep every paragraph it ever laid out.
 */
const broken = new Map<string, Map<string, readonly string[]>>();
let brokenCount = 0;
const MAX_BROKEN = 100_000;

function lines(text: string, style: TextStyle, lineWidth: number): readonly string[] {
  const key = `${style.font} ${style.size} ${lineWidth}`;
  let known = broken.get(key);
  if (!known) broken.set(key, (known = new Map()));
  let found = known.get(text);
  if (!found) {
    const words = new Map<string, number>();
    found = wrap(
      text,
      (word) => {
        let w = words.get(word);
        if (w === undefined) words.set(word, (w = width(word, style)));
        return w;
      },
      lineWidth,
    );
    if (++brokenCount > MAX_BROKEN) {
      for (const map of broken.values()) map.clear();
      brokenCount = 1;
    }
    known.set(text, found);
  }
  return found;
}

const TYPESETTER: Typesetter = {
  width,
  lineHeight: (style) => style.size * LEADING,
  lines,
};

/** The one typesetter of the layout, for both editions. */
export function metricTypesetter(): Typesetter {
  return TYPESETTER;
}

/**
 * pdfkit 0.20's LineWrapper.wrap, without what the layout never asks of it (indents, columns,
 * ellipses, justification): words between break opportunities, each with its trailing space;
 * a word wider than the whole line broken where it stops fitting; a required break (a newline)
 * ends the line.
 */
export function wrap(text: string, widthOf: (word: string) => number, lineWidth: number): string[] {
  const lines: string[] = [];
  let buffer = "";
  let spaceLeft = lineWidth;
  let count = 0;
  const emit = () => {
    lines.push(buffer);
  };
  const breaker = new LineBreaker(text);
  let last: { position: number; required: boolean } | null = null;
  const words = (fn: (word: string, w: number, required: boolean) => void) => {
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      let word = text.slice(last?.position ?? 0, bk.position);
      let w = widthOf(word);
      if (w > lineWidth) {
        while (word.length) {
          let l: number;
          let mightGrow = false;
          if (w > spaceLeft) {
            l = Math.ceil(spaceLeft / (w / word.length));
            w = widthOf(word.slice(0, l));
            mightGrow = w <= spaceLeft && l < word.length;
          } else l = word.length;
          let mustShrink = w > spaceLeft && l > 0;
          while (mustShrink || mightGrow) {
            if (mustShrink) {
              w = widthOf(word.slice(0, --l));
              mustShrink = w > spaceLeft && l > 0;
            } else {
              w = widthOf(word.slice(0, ++l));
              mustShrink = w > spaceLeft && l > 0;
              mightGrow = w <= spaceLeft && l < word.length;
            }
          }
          if (l === 0 && spaceLeft === lineWidth) l = 1;
          fn(word.slice(0, l), w, bk.required || l < word.length);
          word = word.slice(l);
          w = widthOf(word);
        }
      } else fn(word, w, bk.required);
      last = bk;
    }
  };
  words((word, w, required) => {
    const fits = w <= spaceLeft;
    if (fits) {
      buffer += word;
      count++;
    }
    if (required || !fits) {
      if (required && !fits) {
        if (w > spaceLeft) {
          emit();
          buffer = word;
          count = 1;
        }
      }
      emit();
      if (required) {
        spaceLeft = lineWidth;
        buffer = "";
        count = 0;
      } else {
        spaceLeft = lineWidth - w;
        buffer = word;
        count = 1;
      }
    } else spaceLeft -= w;
  });
  if (count > 0) emit();
  return lines;
}
