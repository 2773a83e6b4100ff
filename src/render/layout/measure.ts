import { readFileSync } from "node:fs";
import { DOCX_WIDTHS } from "./docx-widths.js";
import { type FontMetrics, readMetrics } from "./metrics.js";
import { BOLD, FACE_FILES, REGULAR, type TextStyle } from "./type.js";

/**
 * How wide text is in both editions: the PDF draws it in Source Sans 3 (metrics read from the
 * font files the PDF embeds), the DOCX names Arial (Liberation Sans where Arial is absent, as in
 * LibreOffice), about 8% wider. Each character counts at the wider of its two advances, so a
 * width here is at least the text's width in either edition: a column sized by it holds its
 * words whole in both, and both editions can have the same widths.
 */
export interface Measure {
  width(text: string, style: TextStyle): number;
  /** One pass over a paragraph: its widest word and its width on one line. */
  extent(text: string, style: TextStyle): { word: number; line: number };
}

/** A character neither table knows (an emoji drawn in the fallback face) is taken as an em wide. */
const UNKNOWN_EM = 1;
/** Arial's advance for a character outside its table, from Source Sans 3's: Arial's are wider by about this much. */
const ARIAL_OVER_SOURCE_SANS = 1.1;

/** By face: the wider edition's advance in ems for each code point below the DOCX table's end, filled as asked (0 = not yet). */
const widest = new Map<string, { table: Float64Array; face: FontMetrics; arial: Float64Array }>();

/**
 * The package's own font files, read when the first width is asked for (about 0.5 MB; only
 * their cmap and hmtx tables are parsed, character by character).
 */
function faceOf(font: string) {
  let known = widest.get(font);
  if (!known) {
    if (font !== REGULAR && font !== BOLD) throw new Error(`No metrics for the font ${font}`);
    const arial = arialTable(font === BOLD);
    known = {
      table: new Float64Array(arial.length),
      face: readMetrics(readFileSync(FACE_FILES[font])),
      arial,
    };
    widest.set(font, known);
  }
  return known;
}

/** Arial's advances in ems by code point, up to the last its table holds; NaN where it has none. */
function arialTable(bold: boolean): Float64Array {
  const ranges = DOCX_WIDTHS[bold ? "bold" : "regular"];
  const [last, lastWidths] = ranges[ranges.length - 1]!;
  const table = new Float64Array(last + lastWidths.length).fill(Number.NaN);
  for (const [from, widths] of ranges)
    for (let i = 0; i < widths.length; i++) if (widths[i]! > 0) table[from + i] = widths[i]! / 1000;
  return table;
}

function advance(known: ReturnType<typeof faceOf>, codePoint: number): number {
  if (codePoint < known.table.length) {
    const cached = known.table[codePoint]!;
    if (cached > 0) return cached;
  }
  const units = known.face.advance(codePoint);
  const em = units === undefined ? UNKNOWN_EM : units / known.face.unitsPerEm;
  const arial = codePoint < known.arial.length ? known.arial[codePoint]! : Number.NaN;
  const wider = Math.max(em, Number.isNaN(arial) ? em * ARIAL_OVER_SOURCE_SANS : arial);
  if (codePoint < known.table.length && wider > 0) known.table[codePoint] = wider;
  return wider;
}

const SPACE = 0x20;

export function measure(): Measure {
  return {
    width(text, style) {
      const known = faceOf(style.font);
      let ems = 0;
      for (let i = 0; i < text.length; i++) {
        const codePoint = text.codePointAt(i)!;
        if (codePoint > 0xffff) i++;
        ems += advance(known, codePoint);
      }
      return ems * style.size;
    },
    extent(text, style) {
      const known = faceOf(style.font);
      let [word, line, current] = [0, 0, 0];
      for (let i = 0; i < text.length; i++) {
        const codePoint = text.codePointAt(i)!;
        if (codePoint > 0xffff) i++;
        const ems = advance(known, codePoint);
        line += ems;
        if (codePoint === SPACE) {
          if (current > word) word = current;
          current = 0;
        } else current += ems;
      }
      if (current > word) word = current;
      return { word: word * style.size, line: line * style.size };
    },
  };
}
