import { NOTE_COLOUR } from "../../model/palette.js";
import {
  CELL_PADDING,
  type CellLayout,
  type RowLayout,
  rowHeight,
  splitParagraphs,
  type TableLayout,
  type Typesetter,
  place,
} from "./cells.js";
import { BOLD, REGULAR, SIZE } from "./type.js";

/** Space between a table's caption and its header row. */
export const CAPTION_GAP = 4;

/**
 * A row is split only where at least this many lines of its text fit above the foot of the page
 * and at least as many go on to the next: a sliver of a row reads worse than a gap, so a row that
 * would leave less than that on either page moves down whole.
 */
const MIN_SPLIT_LINES = 3;

export function splitMinimum(type: Typesetter): number {
  return MIN_SPLIT_LINES * type.lineHeight({ font: BOLD, size: SIZE.cell }) + 2 * CELL_PADDING.y;
}

/** What must share a page with the table's start: caption, header row and the first row, or as much of it as a split leaves. */
export function tableLead(type: Typesetter, layout: TableLayout, captionHeight: number): number {
  const first = layout.rows[0];
  return (
    captionHeight +
    CAPTION_GAP +
    layout.header.height +
    (first ? Math.min(first.height, splitMinimum(type)) : 0)
  );
}

/** One piece of a row on one page: the whole row, or the part of it a page break leaves there. */
export interface RowPiece {
  /** Which of the table's rows this is a piece of. */
  row: number;
  cells: readonly CellLayout[];
  /** Drawn this tall: a piece that runs to the foot of its page fills it. */
  height: number;
  /** How many pages break before this piece (one, but for a row that cannot start even on a fresh page), each new page starting with the header row repeated. */
  breaks: number;
}

/** Where the body rows start, and the page's bottom and top (in the edition's units, y growing down the page). */
export interface FlowStart {
  y: number;
  top: number;
  bottom: number;
}

/**
 * Where a table's body rows go, decided before anything is drawn: each row whole where it fits,
 * else split so each cell goes on where it stopped (whole paragraphs first, then line by line)
 * under the repeated header on the next page, the carried-over piece starting with the row's
 * "(continued)" marker. y is kept as the drawing keeps it (top plus what is drawn), so each
 * edition that follows the flow breaks where it says.
 */
export function flowRows(type: Typesetter, layout: TableLayout, start: FlowStart): RowPiece[] {
  const pieces: RowPiece[] = [];
  let y = start.y;
  let breaks = 0;
  const put = (row: number, cells: readonly CellLayout[], height: number) => {
    pieces.push({ row, cells, height, breaks });
    breaks = 0;
    y += height;
  };
  layout.rows.forEach((row, index) => {
    let cells = row.cells;
    // Just below a repeated header, where nothing better can come of moving on: the row must start here.
    let fresh = false;
    for (;;) {
      const height = rowHeight(cells);
      const space = start.bottom - y;
      if (height <= space) return put(index, cells, height);
      const split = splitRow(type, cells, space, fresh, row, layout.continuedCell);
      if (split) {
        put(index, split[0], space);
        cells = split[1];
      }
      breaks++;
      y = start.top + layout.header.height;
      fresh = true;
    }
  });
  return pieces;
}

/** The part of a row that fits `space` and the part that goes on, or null where the row should move down whole. */
function splitRow(
  type: Typesetter,
  cells: readonly CellLayout[],
  space: number,
  fresh: boolean,
  row: RowLayout,
  continuedCell: string,
): [CellLayout[], CellLayout[]] | null {
  if (!fresh && space < splitMinimum(type)) return null;
  const inner = space - 2 * CELL_PADDING.y;
  const parts = cells.map((c) => splitParagraphs(type, c.paragraphs, inner, fresh));
  if (!parts.some(([head]) => head.some((p) => !p.artifact))) return null;
  const head = cells.map((c, i) => ({ ...c, paragraphs: parts[i]![0] }));
  const rest = cells.map((c, i) => ({ ...c, paragraphs: parts[i]![1] }));
  // Nor is a row split to carry a sliver over the page ("(lower is better)" alone under the
  // repeated header): what goes on must be as much as what may stay, unless the row cannot start
  // anywhere better.
  const carried = rest.map((c) => ({ ...c, paragraphs: c.paragraphs.filter((p) => !p.artifact) }));
  if (!fresh && rowHeight(carried) < splitMinimum(type)) return null;
  // No cell of the piece is left empty: the first says whose row goes on, and each other whose
  // text all went before the break says so.
  const marked = rest.map((c, i) =>
    i === 0 && row.continued
      ? withMarker(type, c, row.continued, "row")
      : c.paragraphs.some((p) => !p.artifact)
        ? c
        : withMarker(type, c, continuedCell, "cell"),
  );
  return [head, marked];
}

/**
 * A cell of the carried-over piece starting with a marker, drawn as page furniture: the row's
 * ("KPI 3 (continued)", bold) in the first cell, "(see the page before)" (regular) in a cell with
 * nothing left to carry. Any marker it had from an earlier page is replaced.
 */
function withMarker(type: Typesetter, cell: CellLayout, text: string, kind: "row" | "cell"): CellLayout {
  const marker = place(
    type,
    { text, role: "note" },
    { font: kind === "row" ? BOLD : REGULAR, size: SIZE.cellNote },
    NOTE_COLOUR,
    cell.width - 2 * CELL_PADDING.x,
    -1,
  );
  return {
    ...cell,
    paragraphs: [{ ...marker, artifact: kind }, ...cell.paragraphs.filter((p) => !p.artifact)],
  };
}
