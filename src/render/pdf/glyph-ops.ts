import type { EmbeddedFont } from "./pdfkit-internals.js";

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
 * The glyphs of one line (added to this document's subset), with kerning as TJ adjustments
 * wherever a glyph's advance is not its width, and any glyph offset as a move of the text
 * matrix, as pdfkit's own text drawing writes them.
 */
export function show(face: EmbeddedFont, text: string, size: number, x: number, baseline: number): Shown {
  const [encoded, positions] = face.encode(text);
  const scale = size / 1000;
  const ops: string[] = [];
  const commands: string[] = [];
  let last = 0;
  let left = x;
  let relative = true;
  let offset = false;
  const segment = (to: number) => {
    if (last < to) {
      const position = positions[to - 1]!;
      commands.push(`<${encoded.slice(last, to).join("")}> ${num(-(position.xAdvance - position.advanceWidth))}`);
    }
    last = to;
  };
  const flush = (to: number) => {
    segment(to);
    if (commands.length) ops.push(`[${commands.join(" ")}] TJ`);
    commands.length = 0;
  };
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) {
      flush(i);
      ops.push(`1 0 0 -1 ${num(left + position.xOffset * scale)} ${num(baseline - position.yOffset * scale)} Tm`);
      flush(i + 1);
      offset = true;
      relative = false;
    } else {
      if (offset) {
        ops.push(`1 0 0 -1 ${num(left)} ${num(baseline)} Tm`);
        offset = false;
      }
      if (position.xAdvance !== position.advanceWidth) segment(i + 1);
    }
    left += position.xAdvance * scale;
  }
  flush(positions.length);
  return { ops: ops.join("\n"), relative };
}
