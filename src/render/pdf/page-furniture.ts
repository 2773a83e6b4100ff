import type { Section, Table } from "../../model/document.js";
import type { ColumnWidths } from "../layout/columns.js";
import { PAGE } from "../../model/page.js";
import { NOTE_COLOUR } from "../../model/palette.js";
import { REGULAR, SIZE } from "./fonts.js";
import { bufferPageContent } from "./page-content.js";
import type { Pen } from "./pen.js";
import { artifact } from "./tags.js";

/** The footer sits in the bottom margin, clear of the content box the model's widths were decided for. */
const FOOTER_OFFSET = 28;

/** Where drawing is on the page, and the page numbers that run on through every section. */
export class Pager {
  y: number = PAGE.margin;
  width: number = PAGE.width;
  height: number = PAGE.height;
  private footer = "";
  /** The bookmark of the last H1, under which the H2s that follow it go. */
  private chapter: PDFKit.PDFOutline | undefined;
  private next: number;

  constructor(
    readonly pen: Pen,
    startPage: number,
    private readonly pageLabel: string,
    private readonly widths: ColumnWidths,
  ) {
    this.next = startPage;
  }

  get doc(): PDFKit.PDFDocument {
    return this.pen.doc;
  }

  get left(): number {
    return PAGE.margin;
  }
  get top(): number {
    return PAGE.margin;
  }
  get bottom(): number {
    return this.height - PAGE.margin;
  }
  get contentWidth(): number {
    return this.width - 2 * PAGE.margin;
  }
  get space(): number {
    return this.bottom - this.y;
  }
  get atTop(): boolean {
    return this.y === this.top;
  }

  /** A table's column widths, as the document's layout decided them for both editions. */
  widthsOf(table: Table): readonly number[] {
    const widths = this.widths.get(table);
    if (!widths) throw new Error(`The table "${table.caption}" was not laid out with its document.`);
    return widths;
  }

  /** A bookmark for a heading, pointing at the current page: where that part starts. */
  bookmark(level: 1 | 2, title: string): void {
    const { outline } = this.doc;
    if (level === 1 || !this.chapter) this.chapter = outline.addItem(title, { expanded: true });
    else this.chapter.addItem(title);
  }

  startSection(section: Section): void {
    this.footer = section.footer;
    [this.width, this.height] =
      section.orientation === "landscape" ? [PAGE.width, PAGE.height] : [PAGE.height, PAGE.width];
    this.newPage();
  }

  newPage(): void {
    const { doc } = this;
    doc.addPage({ size: [this.width, this.height], margin: PAGE.margin });
    bufferPageContent(doc);
    this.pen.startPage();
    this.y = this.top;
    const number = `${this.pageLabel} ${this.next++}`;
    const style = { font: REGULAR, size: SIZE.footer };
    // Drawn as single lines, never wrapped: the footer sits below the content box.
    const top = this.height - FOOTER_OFFSET;
    artifact(doc, "Pagination", () => {
      this.pen.draw([this.footer], style, NOTE_COLOUR, this.left, top);
      this.pen.draw(
        [number],
        style,
        NOTE_COLOUR,
        this.width - PAGE.margin - this.pen.width(number, style),
        top,
      );
    });
  }
}
