/**
 * Advance widths read straight from a TrueType file's cmap, hmtx, hhea and head tables: all the
 * layout needs to size columns, without pdfkit, fontkit or HarfBuzz, so the DOCX renderer can
 * measure with the PDF's faces at no more cost than reading two small tables. Kerning is left
 * out: it moves Source Sans 3's words by a fraction of a point, which the column solver's slack
 * covers (columns.ts).
 */
export interface FontMetrics {
  readonly unitsPerEm: number;
  /** The advance of the glyph for `codePoint`, in font units; undefined when the font has none. */
  advance(codePoint: number): number | undefined;
  /** A glyph's advance by its id (glyph 0 is the empty box drawn for a character the font lacks). */
  glyphAdvance(glyph: number): number | undefined;
}

interface Tables {
  [tag: string]: { offset: number; length: number };
}

export function readMetrics(bytes: Uint8Array): FontMetrics {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables: Tables = {};
  const count = data.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    tables[tag] = { offset: data.getUint32(at + 8), length: data.getUint32(at + 12) };
  }
  const table = (tag: string) => {
    const found = tables[tag];
    if (!found) throw new Error(`The font has no ${tag} table.`);
    return found.offset;
  };
  const unitsPerEm = data.getUint16(table("head") + 18);
  const metricCount = data.getUint16(table("hhea") + 34);
  const hmtx = table("hmtx");
  const glyphOf = cmapLookup(data, table("cmap"));
  const advances = new Map<number, number | undefined>();
  // Glyphs past the last long metric share its advance (the hmtx table's own rule).
  const glyphAdvance = (glyph: number) => data.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1));
  return {
    unitsPerEm,
    glyphAdvance,
    advance(codePoint) {
      if (advances.has(codePoint)) return advances.get(codePoint);
      const glyph = glyphOf(codePoint);
      const advance = glyph ? glyphAdvance(glyph) : undefined;
      advances.set(codePoint, advance);
      return advance;
    },
  };
}

/** A code point's glyph id (0 for none) from the Unicode cmap subtable: format 12 where there is one, else format 4. */
function cmapLookup(data: DataView, cmap: number): (codePoint: number) => number {
  const subtables: { format: number; offset: number }[] = [];
  const count = data.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const at = cmap + 4 + 8 * i;
    const platform = data.getUint16(at);
    const encoding = data.getUint16(at + 2);
    const offset = cmap + data.getUint32(at + 4);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))
      subtables.push({ format: data.getUint16(offset), offset });
  }
  const full = subtables.find((s) => s.format === 12);
  if (full) return format12(data, full.offset);
  const basic = subtables.find((s) => s.format === 4);
  if (basic) return format4(data, basic.offset);
  throw new Error("The font has no Unicode cmap of format 4 or 12.");
}

function format12(data: DataView, at: number): (codePoint: number) => number {
  const groups = data.getUint32(at + 12);
  return (codePoint) => {
    let [low, high] = [0, groups - 1];
    while (low <= high) {
      const mid = (low + high) >> 1;
      const group = at + 16 + 12 * mid;
      if (codePoint < data.getUint32(group)) high = mid - 1;
      else if (codePoint > data.getUint32(group + 4)) low = mid + 1;
      else return data.getUint32(group + 8) + codePoint - data.getUint32(group);
    }
    return 0;
  };
}

function format4(data: DataView, at: number): (codePoint: number) => number {
  const segments = data.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > data.getUint16(ends + 2 * i)) continue;
      const start = data.getUint16(starts + 2 * i);
      if (codePoint < start) return 0;
      const delta = data.getUint16(deltas + 2 * i);
      const range = data.getUint16(ranges + 2 * i);
      if (range === 0) return (codePoint + delta) & 0xffff;
      const glyph = data.getUint16(ranges + 2 * i + range + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
