import type { StatusView, TextTable } from "../../model/status-view.js";
import { painter, paintOutcome, type Paint } from "../paint.js";

export interface TextLook {
  /** Colour for a terminal; none for pipes, files and NO_COLOR. */
  colour: boolean;
  /** Characters a line may take: the terminal's width, or 80 where there is no terminal. */
  width: number;
}

/**
 * Columns are never narrower than this, nor than their longest word: a word is never broken inside
 * ("Specialis/t"), so a terminal too narrow for a table's longest words gets lines longer than it.
 */
export const MIN_COLUMN = 5;
/** Two spaces between columns; one where a narrow terminal needs the room for whole words. */
const GAP = "  ";
const NARROW_GAP = " ";
/** A column narrowed for its few long cells keeps room for a short phrase. */
const TYPICAL_FLOOR = 12;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** The month's verdict as terminal text: every line fits `width`. */
export function renderText(view: StatusView, look: TextLook): string {
  const paint = painter(look.colour);
  return [
    ...wrap(view.title, look.width),
    ...wrap(view.review, look.width).map((line) =>
      view.review.startsWith("Reviewed") ? line : paint("bold", line),
    ),
    "",
    ...table(view.kpis, look.width, paint),
    "",
    ...(view.overrides.length ? [...view.overrides.flatMap((line) => wrap(line, look.width)), ""] : []),
    ...(view.msrs ? [view.msrHeading ?? "", ...table(view.msrs, look.width, paint), ""] : []),
    ...wrap(view.summary, look.width).map((line) => paint("bold", line)),
  ].join("\n");
}

/**
 * On one line, without control characters: a supplier's text must not move the cursor, recolour
 * or retitle the officer's terminal with escape sequences of its own. Our colour goes on after.
 */
const flat = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, "")
    .trim();

/**
 * Columns as wide as their widest cell, narrowed widest first until a row fits `width`; a cell
 * too wide for its column wraps within it, so nothing is cut off and no line is wider than asked.
 */
function table(t: TextTable, width: number, paint: Paint): string[] {
  const rows = [t.columns, ...t.rows.map((r) => r.cells)].map((cells) => cells.map(flat));
  const widths = t.columns.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  let gap = GAP;
  const total = () => widths.reduce((sum, w) => sum + w, 0) + gap.length * (widths.length - 1);
  // First the columns wider than most of their cells need (a target column of "100%" with one
  // long target), down to what four cells in five fit in; then the widest, so rows wrap least.
  const typical = t.columns.map((_, c) =>
    Math.max(
      TYPICAL_FLOOR,
      percentile(
        rows.slice(1).map((r) => r[c]!.length),
        0.8,
      ),
    ),
  );
  const narrow = (pick: () => number, floor: (c: number) => number) => {
    while (total() > width) {
      const c = pick();
      if (c < 0 || widths[c]! <= floor(c)) return;
      widths[c]!--;
    }
  };
  narrow(
    () =>
      widths.reduce(
        (best, w, c) => (w - typical[c]! > (best < 0 ? 0 : widths[best]! - typical[best]!) ? c : best),
        -1,
      ),
    (c) => typical[c]!,
  );
  const longestWord = t.columns.map((_, c) =>
    Math.max(MIN_COLUMN, ...rows.map((r) => Math.max(...r[c]!.split(" ").map((w) => w.length)))),
  );
  if (longestWord.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1) > width) gap = NARROW_GAP;
  // The widest column that can still give a character, until the row fits or none can.
  narrow(
    () =>
      widths.reduce((best, w, c) => (w > longestWord[c]! && (best < 0 || w > widths[best]!) ? c : best), -1),
    (c) => longestWord[c]!,
  );
  const lines: string[] = [];
  rows.forEach((cells, r) => {
    const wrapped = cells.map((cell, c) => wrap(cell, widths[c]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    // Colour goes on after padding: escape codes would otherwise upset the column widths.
    const outcome = r > 0 ? t.rows[r - 1]!.outcome : undefined;
    for (let n = 0; n < height; n++) {
      const line = wrapped
        .map((w, c) => (w[n] ?? "").padEnd(widths[c]!))
        .join(gap)
        .trimEnd();
      lines.push(r === 0 ? paint("bold", line) : outcome ? paintOutcome(paint, outcome, line) : line);
    }
  });
  return lines;
}

/** Greedy word wrap; only a word longer than a whole line (never one in a table, whose columns fit their words) is broken. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of flat(text).split(" ")) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
