import { createRequire } from "node:module";
import type { Paragraph } from "../../model/document.js";
import { emphasisOf } from "../../model/emphasis.js";
import { NOTE_COLOUR, TEXT_COLOUR } from "../../model/palette.js";

/**
 * The type the layout is worked out in: Source Sans 3 from its npm package (so no system font
 * is assumed), its sizes, and which face and size each role of text takes. The PDF draws in
 * these faces; the layout measures with their metrics (metrics.ts), without pdfkit.
 */
const require = createRequire(import.meta.url);

export const REGULAR = "SourceSans3-Regular";
export const BOLD = "SourceSans3-Bold";

export const FACE_FILES: Readonly<Record<typeof REGULAR | typeof BOLD, string>> = {
  [REGULAR]: require.resolve("@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf"),
  [BOLD]: require.resolve("@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf"),
};

/**
 * Sizes in points. In tables the verdict (status, figures, labels) is 8.5 pt bold and the rest 8 pt,
 * the floor for print, never gone below: September's schedule then keeps to ten pages.
 */
export const SIZE = {
  heading1: 16,
  heading2: 13,
  body: 10,
  note: 9,
  caption: 10,
  cell: 8.5,
  cellText: 8,
  cellNote: 8,
  footer: 8.5,
} as const;

export interface TextStyle {
  font: string;
  size: number;
}

/** Status, figures and strong text are bold and a little larger so the verdict reads first; notes are in the note colour (never under 8 pt). */
export function cellStyle(role: Paragraph["role"]): TextStyle {
  const emphasis = emphasisOf(role);
  return emphasis === "strong"
    ? { font: BOLD, size: SIZE.cell }
    : { font: REGULAR, size: emphasis === "quiet" ? SIZE.cellNote : SIZE.cellText };
}

export function blockStyle(role: Paragraph["role"]): TextStyle {
  const emphasis = emphasisOf(role);
  return { font: emphasis === "strong" ? BOLD : REGULAR, size: emphasis === "quiet" ? SIZE.note : SIZE.body };
}

/** Quiet text is in the note colour. */
export function textColour(role: Paragraph["role"]): string {
  return emphasisOf(role) === "quiet" ? NOTE_COLOUR : TEXT_COLOUR;
}
