/**
 * The parts of pdfkit 0.20 that its public API and @types/pdfkit do not expose, in one place.
 * The renderer uses them to share each font's parsed tables and shaped words across documents
 * and to write whole paragraphs of text into the content stream at once instead of a pdfkit
 * `text` call (and its re-measuring) per line. Lines are broken by the layout, not by pdfkit's
 * wrapper (layout/typesetter.ts).
 * Checked against node_modules/pdfkit/js/pdfkit.js (PDFFontFactory, EmbeddedFont, TextMixin).
 */

/** A fontkit font: opened once, it can be handed to any number of documents. */
export interface FontkitFont {
  layout(text: string): unknown;
  /** The font file's bytes, as fontkit was given them: the shaper parses the same bytes. */
  stream: { buffer: Uint8Array };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A word (with the space after it) as fontkit shaped it; positions in thousandths of an em. */
export interface GlyphRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  /** The sum of the positions' `xAdvance`: what pdfkit's `widthOfString` adds up. */
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont: one per face per document, holding that document's subset. */
export interface EmbeddedFont {
  id: string;
  font: FontkitFont;
  /** Thousandths of an em per font unit. */
  scale: number;
  /** This document's glyphs: `includeGlyph` gives a glyph's id in the embedded subset (its CID). */
  subset: { includeGlyph(glyphId: number): number };
  /** By CID: what the font dictionary's widths and the ToUnicode map are written from. */
  widths: number[];
  unicode: number[][];
  layoutCached(text: string): GlyphRun;
  /**
   * Shapes one run, scaled to thousandths of an em: what `layoutCached` calls on a miss (and on
   * every call when the document's `fontLayoutCache` is false). An own property replaces it.
   */
  layoutRun(text: string, features?: unknown): GlyphRun;
  /** Shaped runs by word (with its trailing space), in thousandths of an em; safe to share between documents. */
  layoutCache?: Record<string, unknown>;
  ascender: number;
  widthOfString(text: string, size: number, features?: unknown): number;
  lineHeight(size: number, includeGap?: boolean): number;
  /** The font's dictionary; it is embedded at the end only if something asked for this. */
  ref(): unknown;
}

interface PageInternals {
  fonts: Record<string, unknown>;
  /**
   * The page's content stream: strings get a newline and are encoded a character at a time, bytes
   * go in as they are, into `buffer`; when it ends, the buffer is deflated if `compress`.
   */
  content: {
    write(chunk: string | Uint8Array): void;
    buffer: Uint8Array[];
    compress: boolean;
    data: Record<string, unknown>;
  };
  write(chunk: string | Uint8Array): void;
  end(): void;
}

interface DocumentInternals {
  _font: EmbeddedFont;
  /** The info dictionary's values, as given; `_addInfo` writes them into the XMP metadata at the end. */
  info: Record<string, unknown>;
  _addInfo(): void;
  /** The document catalog; its `data` is written as the catalog's dictionary when the document ends. */
  _root: { data: Record<string, unknown> };
  /** Appends to the file (a string gets a newline) and advances `_offset`, where the next object starts. */
  _write(data: string | Uint8Array): void;
  _offset: number;
  page: PageInternals;
}

export function internals(doc: PDFKit.PDFDocument): DocumentInternals {
  return doc as unknown as DocumentInternals;
}
