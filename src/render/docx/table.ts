import {
  BorderStyle,
  ShadingType,
  StringValueElement,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type ITableOptions,
  type IBorderOptions,
} from "docx";
import type { Cell, Table as ModelTable } from "../../model/document.js";
import { HEADER_FILL, OUTCOME_FILL } from "../../model/palette.js";
import { cellParagraph, headerParagraph } from "./paragraphs.js";
import { rowHeight, usableHeight } from "./row-height.js";
import { CELL_GAP, SIZE } from "./styles.js";
import { columnTwips } from "./units.js";

/**
 * docx 9.7's Table has no option for w:tblCaption / w:tblDescription (Word's table alt text),
 * so this adds them to the table properties it has already built. They are the last elements
 * of CT_TblPr, so appending keeps the schema order as long as no tblPrChange is used.
 */
class CaptionedTable extends Table {
  constructor(options: ITableOptions, title: string, description: string) {
    super(options);
    const properties = this.root[0] as { addChildElement(child: StringValueElement): void };
    properties.addChildElement(new StringValueElement("w:tblCaption", title));
    properties.addChildElement(new StringValueElement("w:tblDescription", description));
  }
}

const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "7F7F7F" };
/**
 * Cell padding in twips: 2 pt, narrow at the sides so the narrowest column (Rank, 32 pt) still
 * holds "ranked" on one line at 8.5 pt. None at the bottom: the Table Text style's space after
 * the last paragraph (CELL_GAP) is the bottom padding.
 */
const PADDING = { top: 40, bottom: 0, left: 40, right: 40 } as const;

/**
 * A model table as a fixed-layout Word table: the grid and every cell carry the model's widths
 * in twips, so Word and LibreOffice lay it out alike instead of autofitting to the text.
 */
export function drawTable(table: ModelTable, landscape: boolean): Table {
  const widths = columnTwips(table.columns.map((c) => c.width));
  const metrics = widths.map((w) => ({ textWidth: (w - PADDING.left - PADDING.right) / 20, padding: (PADDING.top + PADDING.bottom) / 20, paragraphGap: CELL_GAP / 20, fontSize: SIZE.table }));
  const headerCells = table.columns.map((c) => ({ paragraphs: [{ text: c.header, role: "strong" as const }], coloured: false, rowHeader: false }));
  const usable = usableHeight(landscape, rowHeight(headerCells, metrics));
  const header = new TableRow({
    tableHeader: true, // repeated at the top of every page the table runs onto
    cantSplit: true,
    children: table.columns.map(
      (column, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL },
          children: [headerParagraph(column.header)],
        }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: rowHeight(row.cells, metrics) <= usable, // see row-height.ts
        children: row.cells.map((cell, i) => drawCell(cell, widths[i]!)),
      }),
  );
  return new CaptionedTable(
    {
      rows: [header, ...rows],
      columnWidths: widths,
      width: { size: widths.reduce((sum, w) => sum + w, 0), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      margins: { ...PADDING, marginUnitType: WidthType.DXA },
      borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    },
    table.caption,
    table.caption,
  );
}

function drawCell(cell: Cell, width: number): TableCell {
  const fill = cell.coloured && cell.outcome ? OUTCOME_FILL[cell.outcome] : undefined;
  const look = cell.rowHeader ? { bold: true } : {};
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill } } : {}),
    children: cell.paragraphs.map((p) => cellParagraph(p, look)),
  });
}
