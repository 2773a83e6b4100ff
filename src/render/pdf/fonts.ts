import { createRequire } from "node:module";
import type { Paragraph } from "../../model/document.js";

/**
 * Source Sans 3 from its npm package, so no system font is assumed and every glyph is embedded.
 * pdfkit would otherwise start every document on Helvetica (a standard-14 font it never embeds),
 * so the regular face is also handed to the constructor as the document's default font.
 */
const require = createRequire(import.meta.url);

export const REGULAR = "SourceSans3-Regular";
export const BOLD = "SourceSans3-Bold";

export const REGULAR_PATH = require.resolve("@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf");
const BOLD_PATH = require.resolve("@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf");

/**
 * Registered under their PostScript names, so the regular face pdfkit already opened as the
 * default font is found by name rather than parsed a second time.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(REGULAR, REGULAR_PATH);
  doc.registerFont(BOLD, BOLD_PATH);
}

/** Sizes in points. Tables use 8.5 pt, notes and cramped column labels 8 pt: the floor for print, never gone below. */
export const SIZE = {
  heading1: 16,
  heading2: 13,
  body: 10,
  note: 9,
  caption: 10,
  cell: 8.5,
  cellNote: 8,
  footer: 8.5,
} as const;

export interface TextStyle {
  font: string;
  size: number;
}

/** Status, figures and strong text are bold so the verdict reads first; notes are smaller (never under 8 pt). */
export function cellStyle(role: Paragraph["role"]): TextStyle {
  switch (role) {
    case "status":
    case "figures":
    case "strong":
      return { font: BOLD, size: SIZE.cell };
    case "note":
      return { font: REGULAR, size: SIZE.cellNote };
    default:
      return { font: REGULAR, size: SIZE.cell };
  }
}

export function blockStyle(role: Paragraph["role"]): TextStyle {
  if (role === "note") return { font: REGULAR, size: SIZE.note };
  return { font: role === "body" ? REGULAR : BOLD, size: SIZE.body };
}
