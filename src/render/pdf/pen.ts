import { openFonts, type TextStyle } from "./fonts.js";
import { internals, type EmbeddedFont } from "./pdfkit-internals.js";

/**
 * Lines already broken, by face, size, width and text. Wrapping is most of the cost of measuring,
 * and the same labels, figures and commentary recur within a report and across a batch. Cleared
 * when large, so a long batch does not keep every paragraph it ever drew.
 */
const broken = new Map<string, readonly string[]>();
const MAX_BROKEN = 100_000;

/** PDF number syntax as pdfkit writes it, so coordinates are the same whichever code drew them. */
export function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** "RRGGBB" as the operands of `rg` or `RG`. */
export function rgb(hex: string): string {
  const value = parseInt(hex, 16);
  return [value >> 16, (value >> 8) & 0xff, value & 0xff].map((c) => num(c / 255)).join(" ");
}

/**
 * Measures and draws text in one document. Paragraphs are broken into lines once, with pdfkit's
 * own line wrapper (the same break opportunities and the same widths as `doc.text`, long words
 * broken rather than overflowing), and each paragraph is then written as one text object, line by
 * line at the positions measured, so nothing is measured or wrapped again while drawing.
 */
export class Pen {
  private readonly faces: Map<string, EmbeddedFont>;
  /** What each line drawn so far was written as: the header rows, statuses and labels recur on every page. */
  private readonly shown = new Map<string, Shown>();

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.faces = openFonts(doc);
  }

  private face(name: string): EmbeddedFont {
    const face = this.faces.get(name);
    if (!face) throw new Error(`Font ${name} was not opened`);
    return face;
  }

  /** The distance from one line's top to the next: the font's ascent, descent and line gap. */
  lineHeight(style: TextStyle): number {
    return this.face(style.font).lineHeight(style.size, true);
  }

  width(text: string, style: TextStyle): number {
    return this.face(style.font).widthOfString(text, style.size);
  }

  lines(text: string, style: TextStyle, width: number): readonly string[] {
    const key = `${style.font}\u0000${style.size}\u0000${width}\u0000${text}`;
    let lines = broken.get(key);
    if (!lines) {
      const found: string[] = [];
      const doc = internals(this.doc.font(style.font).fontSize(style.size));
      const [x, y] = [doc.x, doc.y];
      doc._text(text, x, y, { width, height: Infinity }, (line) => void found.push(line));
      [doc.x, doc.y] = [x, y];
      if (broken.size >= MAX_BROKEN) broken.clear();
      broken.set(key, (lines = found));
    }
    return lines;
  }

  /**
   * Lines from their top at `y`, one line height apart, in one BT...ET. The text matrix flips y
   * back, as pdfkit's page transform draws top down.
   */
  draw(lines: readonly string[], style: TextStyle, colour: string, x: number, y: number): void {
    const face = this.face(style.font);
    internals(this.doc).page.fonts[face.id] ??= face.ref();
    const { size } = style;
    const lineHeight = face.lineHeight(size, true);
    const ops = ["BT", `${rgb(colour)} rg`, `/${face.id} ${num(size)} Tf`];
    lines.forEach((raw, n) => {
      const text = raw.replace(/\n/g, "");
      if (!text) return;
      const baseline = y + n * lineHeight + (face.ascender * size) / 1000;
      ops.push(`1 0 0 -1 ${num(x)} ${num(baseline)} Tm`);
      const key = `${style.font}\u0000${text}`;
      let shown = this.shown.get(key);
      if (shown === undefined) {
        shown = show(face, text, size, x, baseline);
        if (shown.relative) this.shown.set(key, shown);
      }
      ops.push(shown.ops);
    });
    ops.push("ET");
    this.doc.addContent(ops.join("\n"));
  }
}

/** A line's text-showing operators; `relative` when they hold no absolute position, so can be reused anywhere in the document. */
interface Shown {
  ops: string;
  relative: boolean;
}

/**
 * The glyphs of one line (added to this document's subset), with kerning as TJ adjustments
 * wherever a glyph's advance is not its width, and any glyph offset as a move of the text
 * matrix, as pdfkit's own text drawing writes them.
 */
function show(face: EmbeddedFont, text: string, size: number, x: number, baseline: number): Shown {
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
