import type { Cell, Paragraph } from "./document.js";
import { BAND_FILL, OUTCOME_FILL } from "./palette.js";

/**
 * How much weight each kind of text carries, decided once for every format: the outcome, the
 * figures behind it, row headers and labels are strong, so the verdict reads first; notes are
 * quiet (smaller, in the note colour). A renderer decides only how strong and quiet look.
 */
export type Emphasis = "strong" | "plain" | "quiet";

const ROLE_EMPHASIS: Record<Paragraph["role"], Emphasis> = {
  status: "strong",
  figures: "strong",
  strong: "strong",
  body: "plain",
  note: "quiet",
};

export function emphasisOf(role: Paragraph["role"]): Emphasis {
  return ROLE_EMPHASIS[role];
}

/** A row header (the KPI or MSR number) is strong whatever its paragraphs' roles. */
export function isStrong(paragraph: Paragraph, rowHeader = false): boolean {
  return rowHeader || ROLE_EMPHASIS[paragraph.role] === "strong";
}

/** The shading of a cell: its band's fill, else its outcome's, where the model colours it (the reporting month), else none. */
export function cellFill(cell: Cell): string | undefined {
  if (!cell.coloured) return undefined;
  if (cell.band) return BAND_FILL[cell.band];
  return cell.outcome ? OUTCOME_FILL[cell.outcome] : undefined;
}

/** The name of a cell's shading, for a stylesheet's class: its band or its outcome. */
export function fillName(cell: Cell): string | undefined {
  return cellFill(cell) === undefined ? undefined : (cell.band ?? cell.outcome);
}
