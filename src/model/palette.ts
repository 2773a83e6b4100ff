import type { Rag } from "../schema/results.js";
import type { Outcome } from "../schema/return.js";

/**
 * Shading for the reporting month's outcomes. Pale fills with near-black text: every pair is
 * at least 4.5:1 (WCAG 2.2 AA), checked by test/model/palette.test.ts, and the outcome is
 * always written in words too, so no one depends on the colour.
 */
export const TEXT_COLOUR = "1A1A1A";

export const OUTCOME_FILL: Record<Outcome, string> = {
  met: "D5EFD9",
  "not-met": "F8D3D3",
  // Pale blue, not amber: amber is a band (BAND_FILL), and "not captured" is no verdict at all.
  "not-captured": "DCE6F2",
  "not-applicable": "E6E6E6",
  "not-due": "E6E6E6",
};

/** Shading for a KPI's red/amber/green band, in a contract that uses them; the band is always in words and a symbol too. */
export const BAND_FILL: Record<Rag, string> = {
  green: "D5EFD9",
  amber: "FFE49C",
  red: "F8D3D3",
};

/** Table header rows: white on dark blue. */
export const HEADER_FILL = "1F3864";
export const HEADER_TEXT = "FFFFFF";

/** Headings and table captions, in every edition: the header rows' dark blue, 12:1 on white. */
export const HEADING_COLOUR = HEADER_FILL;

/** Smaller notes ("No return", council notes) in dark grey, still above 4.5:1 on white and on every fill. */
export const NOTE_COLOUR = "4D4D4D";

function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 2) + 0.0722 * channel(hex, 4);
}

/** WCAG contrast ratio between two colours given as RRGGBB. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
