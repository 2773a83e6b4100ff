import { splitRuns, type Run } from "./fallback.js";
import { FALLBACK, openFallback, openFonts, type TextStyle } from "./fonts.js";
import { Cids, num, rgb, show, type Shown } from "./glyph-ops.js";
import { internals, type EmbeddedFont } from "./pdfkit-internals.js";

/** Line height, in ems. */
const LEADING = 1.2;
/**
 * Where a line's baseline sits below its top, in ems: a full em, so capitals and accents (under
 * 0.9 em in Source Sans 3) stay inside the line, and descenders (about 0.2 em) in the fifth below.
 */
const BASELINE = 1;

/**
 * Draws text in one document: each paragraph, already broken into lines by the layout
 * (layout/typesetter.ts, the same lines the DOCX has), is written as one text object, line by
 * line, shaped and kerned; it measures only what is drawn at a computed position (a footer's
 * page number, a chart's labels).
 */
export class Pen {
  private readonly faces: Map<string, EmbeddedFont>;
  private readonly cids = new Map<string, Cids>();
  /** What each line drawn so far was written as: the header rows, statuses and labels recur on every page. */
  private readonly shown = new Map<string, Map<string, Shown>>();
  private state = { fill: "", stroke: "", lineWidth: 1, font: "", leading: 0 };
  private fallbackFace: EmbeddedFont | undefined;
  /** Code points no face of the document can draw: each is drawn as the main face's empty box. */
  readonly missing = new Set<number>();

  /**
   * With `cached` false, nothing measured, shaped or written is kept: every word is shaped each
   * time and every paragraph broken afresh. Slow; the reference the caches are tested against.
   */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly cached = true,
  ) {
    this.faces = openFonts(doc, cached);
  }

  private readonly fallback = (): EmbeddedFont => (this.fallbackFace ??= openFallback(this.doc, this.cached));

  private runs(text: string, face: EmbeddedFont): Run[] | null {
    return splitRuns(text, face, this.fallback, this.missing);
  }

  private face(name: string): EmbeddedFont {
    const face = this.faces.get(name);
    if (!face) throw new Error(`Font ${name} was not opened`);
    return face;
  }

  /**
   * The distance from one line's top to the next: 1.2 em, a book's leading (Word's single is 1.15). Source
   * Sans 3's own ascent and descent add to 1.42 em, which spent an eighth of every table on space.
   */
  lineHeight(style: TextStyle): number {
    return style.size * LEADING;
  }

  width(text: string, style: TextStyle): number {
    const face = this.face(style.font);
    return this.runs(text, face)
      ? this.mixedWidth(text, face, style.size)
      : face.widthOfString(text, style.size);
  }

  private mixedWidth(text: string, face: EmbeddedFont, size: number, features?: unknown): number {
    const runs = this.runs(text, face);
    const widthOf = (f: EmbeddedFont, t: string) =>
      Object.getPrototypeOf(f).widthOfString.call(f, t, size, features) as number;
    return runs ? runs.reduce((sum, run) => sum + widthOf(run.face, run.text), 0) : widthOf(face, text);
  }

  /**
   * Everything on a page is drawn through the pen, so it knows the graphics state the content
   * stream is in and sets colour, font, leading and rule width only when they change. A page
   * starts in PDF's defaults.
   */
  startPage(): void {
    this.state = { fill: "", stroke: "", lineWidth: 1, font: "", leading: 0 };
  }

  /**
   * Lines from their top at `y`, one line height apart, in one BT...ET. The text matrix flips y
   * back, as pdfkit's page transform draws top down.
   */
  draw(lines: readonly string[], style: TextStyle, colour: string, x: number, y: number): void {
    const face = this.face(style.font);
    internals(this.doc).page.fonts[face.id] ??= face.ref();
    const { size } = style;
    const lineHeight = size * LEADING;
    const ops = ["BT"];
    this.fill(colour, ops);
    const font = `/${face.id} ${num(size)} Tf`;
    if (this.state.font !== font) ops.push((this.state.font = font));
    if (lines.length > 1 && this.state.leading !== lineHeight)
      ops.push(`${num((this.state.leading = lineHeight))} TL`);
    const known = this.shownIn(style.font);
    // Each line after the first moves down with T* (TL is the line height) rather than a whole new
    // text matrix, unless the line before it moved the matrix for a glyph offset.
    let follows = false;
    for (let n = 0; n < lines.length; n++) {
      const text = lines[n]!.includes("\n") ? lines[n]!.replace(/\n/g, "") : lines[n]!;
      if (!text) {
        follows = false;
        continue;
      }
      const baseline = y + n * lineHeight + size * BASELINE;
      const runs = this.runs(text, face);
      if (runs) {
        this.drawRuns(runs, style.font, size, x, baseline, ops);
        ops.push((this.state.font = font));
        follows = false;
        continue;
      }
      ops.push(follows ? "T*" : `1 0 0 -1 ${num(x)} ${num(baseline)} Tm`);
      let shown = this.cached ? known.get(text) : undefined;
      if (shown === undefined) {
        shown = show(face, this.cidsOf(style.font, face), text, size, x, baseline);
        if (shown.relative && this.cached) known.set(text, shown);
      }
      ops.push(shown.ops);
      follows = shown.relative;
    }
    ops.push("ET");
    this.doc.addContent(ops.join("\n"));
  }

  /** A line of several faces: each run in its own face, from where the one before it ended. */
  private drawRuns(
    runs: readonly Run[],
    main: string,
    size: number,
    x: number,
    baseline: number,
    ops: string[],
  ): void {
    let left = x;
    for (const run of runs) {
      const name = run.face === this.fallbackFace ? FALLBACK : main;
      internals(this.doc).page.fonts[run.face.id] ??= run.face.ref();
      ops.push(`/${run.face.id} ${num(size)} Tf`, `1 0 0 -1 ${num(left)} ${num(baseline)} Tm`);
      ops.push(show(run.face, this.cidsOf(name, run.face), run.text, size, left, baseline).ops);
      left += Object.getPrototypeOf(run.face).widthOfString.call(run.face, run.text, size) as number;
    }
  }

  /** How far a line's baseline sits below its top, as `draw` places it. */
  ascent(style: TextStyle): number {
    return style.size * BASELINE;
  }

  /**
   * Draws with pdfkit's own API (paths, clips, transforms) inside q...Q, then takes back the state
   * this pen knew before: what `draw` sets inside is undone by Q, so it must not be assumed after.
   */
  isolated(draw: () => void): void {
    const saved = { ...this.state };
    this.doc.save();
    // pdfkit's own fills and strokes change what the pen would otherwise assume is set.
    this.state = { fill: "", stroke: "", lineWidth: -1, font: "", leading: -1 };
    try {
      draw();
    } finally {
      this.doc.restore();
      this.state = saved;
    }
  }

  /** Shaded boxes, then the ruled ones stroked as one path. */
  boxes(shaded: readonly ShadedBox[], ruled: readonly Box[], rule: { width: number; colour: string }): void {
    const ops: string[] = [];
    for (const box of shaded) {
      this.fill(box.colour, ops);
      ops.push(`${rect(box)} re`, "f");
    }
    if (ruled.length) {
      if (this.state.lineWidth !== rule.width) ops.push(`${num((this.state.lineWidth = rule.width))} w`);
      if (this.state.stroke !== rule.colour) ops.push(`${rgb((this.state.stroke = rule.colour))} RG`);
      for (const box of ruled) ops.push(`${rect(box)} re`);
      ops.push("S");
    }
    if (ops.length) this.doc.addContent(ops.join("\n"));
  }

  private shownIn(font: string): Map<string, Shown> {
    let known = this.shown.get(font);
    if (!known) this.shown.set(font, (known = new Map()));
    return known;
  }

  private cidsOf(font: string, face: EmbeddedFont): Cids {
    let cids = this.cids.get(font);
    if (!cids) this.cids.set(font, (cids = new Cids(face)));
    return cids;
  }

  private fill(colour: string, ops: string[]): void {
    if (this.state.fill !== colour) ops.push(`${rgb((this.state.fill = colour))} rg`);
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ShadedBox extends Box {
  colour: string;
}

function rect(box: Box): string {
  return `${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)}`;
}
