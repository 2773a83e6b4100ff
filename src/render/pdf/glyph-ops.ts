import type { EmbeddedFont, Glyph, GlyphPosition } from "./pdfkit-internals.js";

/** PDF number syntax as pdfkit writes it, so coordinates are the same whichever code drew them. */
export function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** "RRGGBB" as the operands of `rg` or `RG`. */
export function rgb(hex: string): string {
  let operands = colours.get(hex);
  if (!operands) {
    const value = parseInt(hex, 16);
    operands = [value >> 16, (value >> 8) & 0xff, value & 0xff].map((c) => num(c / 255)).join(" ");
    colours.set(hex, operands);
  }
  return operands;
}

const colours = new Map<string, string>();

/** A line's text-showing operators; `relative` when they hold no absolute position, so can be reused anywhere in the document. */
export interface Shown {
  ops: string;
  relative: boolean;
}

/**
 * A face's glyphs in one document: each glyph's CID in the embedded subset, as four hex digits,
 * recorded (width, and Unicode for text extraction) the first time it is used, as pdfkit's
 * EmbeddedFont.encode does. CIDs are given in the order glyphs are first drawn, as pdfkit gives them.
 */
export class Cids {
  private readonly hex = new Map<number, string>();
  /** Glyphs drawn so far only for characters that stand for nothing (a zero-width space drawn as the space's glyph), by CID. */
  private readonly unnamed = new Map<number, number>();

  constructor(private readonly face: EmbeddedFont) {}

  of(glyph: Glyph): string {
    let hex = this.hex.get(glyph.id);
    const { face } = this;
    if (hex === undefined) {
      const cid = face.subset.includeGlyph(glyph.id);
      face.widths[cid] ??= glyph.advanceWidth * face.scale;
      face.unicode[cid] ??= glyph.codePoints;
      if (face.unicode[cid]!.length === 0) this.unnamed.set(glyph.id, cid);
      hex = cid.toString(16).padStart(4, "0");
      this.hex.set(glyph.id, hex);
    } else if (this.unnamed.size > 0 && glyph.codePoints.length > 0) {
      // The glyph's first use stood for nothing; this one names its text.
      const cid = this.unnamed.get(glyph.id);
      if (cid !== undefined) {
        face.unicode[cid] = glyph.codePoints;
        this.unnamed.delete(glyph.id);
      }
    }
    return hex;
  }
}

/**
 * The glyphs of one line, word by word (each word with the space after it, shaped once per
 * process in pdfkit's cache, as pdfkit's own text drawing splits a line), with kerning as TJ
 * adjustments wherever a glyph's advance is not its width, and any glyph offset as a move of
 * the text matrix, as pdfkit writes them.
 */
export function show(
  face: EmbeddedFont,
  cids: Cids,
  text: string,
  size: number,
  x: number,
  baseline: number,
): Shown {
  const scale = size / 1000;
  const ops: string[] = [];
  const commands: string[] = [];
  let hex = "";
  let left = x;
  let relative = true;
  let offset = false;
  const segment = (position: GlyphPosition | undefined) => {
    if (hex) commands.push(`<${hex}> ${num(-(position!.xAdvance - position!.advanceWidth))}`);
    hex = "";
  };
  const flush = (position: GlyphPosition | undefined) => {
    segment(position);
    if (commands.length) ops.push(`[${commands.join(" ")}] TJ`);
    commands.length = 0;
  };
  let previous: GlyphPosition | undefined;
  for (const word of words(text)) {
    const run = face.layoutCached(word);
    for (let i = 0; i < run.glyphs.length; i++) {
      const position = run.positions[i]!;
      const cid = cids.of(run.glyphs[i]!);
      if (position.xOffset || position.yOffset) {
        flush(previous);
        ops.push(
          `1 0 0 -1 ${num(left + position.xOffset * scale)} ${num(baseline - position.yOffset * scale)} Tm`,
        );
        hex = cid;
        flush(position);
        offset = true;
        relative = false;
      } else {
        if (offset) {
          ops.push(`1 0 0 -1 ${num(left)} ${num(baseline)} Tm`);
          offset = false;
        }
        hex += cid;
        if (position.xAdvance !== position.advanceWidth) segment(position);
      }
      left += position.xAdvance * scale;
      previous = position;
    }
  }
  flush(previous);
  return { ops: ops.join("\n"), relative };
}

/** A line cut after each space or tab, as pdfkit's EmbeddedFont.layout cuts it for its cache. */
function words(text: string): string[] {
  return text.split(/(?<=[ \t])/);
}
