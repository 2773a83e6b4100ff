import { LineRuleType, type IRunOptions, type IStylesOptions } from "docx";
import { REGULAR, SIZE as TYPE_SIZE } from "../layout/type.js";
import { metricTypesetter } from "../layout/typesetter.js";
import { HEADING_GAP } from "../layout/page-flow.js";
import { CAPTION_GAP } from "../layout/table-flow.js";
import { HEADER_TEXT, HEADING_COLOUR, NOTE_COLOUR, TEXT_COLOUR } from "../../model/palette.js";
import type { Paragraph as ModelParagraph } from "../../model/document.js";
import { emphasisOf } from "../../model/emphasis.js";
import { halfPoints, twips } from "./units.js";
import { FONT_NAME } from "./fonts.js";

/**
 * The PDF's face, embedded in the file (fonts.ts), named for every script (ascii, hAnsi, cs and
 * eastAsia) so Word does not fall back to the theme font.
 */
export const FONT = { ascii: FONT_NAME, hAnsi: FONT_NAME, cs: FONT_NAME, eastAsia: FONT_NAME } as const;

/**
 * Sizes in points, the layout's (layout/type.ts): in tables the verdict (outcome, figures, row
 * headers, column labels) is 8.5 pt bold and the rest 8 pt, the floor for print.
 */
export const SIZE = {
  body: TYPE_SIZE.body,
  table: TYPE_SIZE.cellText,
  tableStrong: TYPE_SIZE.cell,
  footer: TYPE_SIZE.footer,
  caption: TYPE_SIZE.caption,
  heading1: TYPE_SIZE.heading1,
  heading2: TYPE_SIZE.heading2,
} as const;

/**
 * Lines the layout's distance apart (1.2 em, metricTypesetter().lineHeight), exactly: Word's
 * and LibreOffice's "single" is the font's own ascent and descent, 1.42 em for Source Sans 3,
 * which would make every table a sixth taller than the PDF's and move every page break.
 */
export function exactLines(size: number): { line: number; lineRule: typeof LineRuleType.EXACT } {
  return {
    line: twips(metricTypesetter().lineHeight({ font: REGULAR, size })),
    lineRule: LineRuleType.EXACT,
  };
}

/** Header row text: white bold on the dark header fill (contrast checked in the palette). */
export const HEADER_RUN = { bold: true, color: HEADER_TEXT } as const;

/** The Caption style's id: Word's built-in "caption", so Word lists it with its own captions. */
export const CAPTION_STYLE = "Caption";
/**
 * Table text and table header styles. The size sits in the style, not only on the runs, because
 * the paragraph mark takes the style's size and LibreOffice sizes a line by it too: with 10 pt
 * marks, 8.5 pt lines were spaced 12 pt apart.
 */
export const TABLE_TEXT_STYLE = "TableText";
/**
 * Space after every paragraph in a table cell, in twips (2 pt). It also serves as the cell's
 * bottom padding (the table's own is 0), so no paragraph needs spacing of its own: at 36,000
 * cells, fewer elements is a faster render.
 */
export const CELL_GAP = 40;
export const TABLE_HEADING_STYLE = "TableHeading";
/**
 * Table text in bold (outcomes, figures, row headers) and in the note colour: paragraph styles
 * rather than run properties, because a schedule has tens of thousands of such paragraphs and
 * a style is one attribute where run properties are three elements on every run.
 */
export const TABLE_STRONG_STYLE = "TableTextStrong";
export const TABLE_NOTE_STYLE = "TableTextNote";
/** The "KPI 3 (continued)" marker a split row's second piece starts with, as the PDF sets it: 8 pt bold, in the note colour. */
export const TABLE_CONTINUED_STYLE = "TableContinued";
/** The "(see the page before)" of a cell of that piece whose text all went before the break: 8 pt, in the note colour. */
export const TABLE_CONTINUED_CELL_STYLE = "TableContinuedCell";
/** A column label the layout sets at 8 pt, where 8.5 pt would break inside a word. */
export const TABLE_HEADING_SMALL_STYLE = "TableHeadingSmall";
/** Word's built-in "footer" style, sized here so the page number field's result is sized with it. */
export const FOOTER_STYLE = "Footer";

/**
 * Every style the document uses. Language and font sit in the document defaults, so every run,
 * including the footer's and the page number field's, is en-GB Source Sans 3 without repeating it.
 */
export function stylesFor(language: string): IStylesOptions {
  const heading = { font: FONT, bold: true, color: HEADING_COLOUR };
  return {
    default: {
      document: {
        run: { font: FONT, size: halfPoints(SIZE.body), color: TEXT_COLOUR, language: { value: language } },
        // No w:line here: LibreOffice reads a bare w:line="240" as a 12 pt minimum, not "single".
        paragraph: { spacing: { after: 0 } },
      },
      // Outline levels said outright, so Word's navigation pane, its PDF export's tags and
      // LibreOffice all see the headings whatever they make of docx's "Heading 1" style name.
      heading1: {
        run: { ...heading, size: halfPoints(SIZE.heading1) },
        paragraph: {
          outlineLevel: 0,
          keepNext: true,
          keepLines: true,
          spacing: { before: 0, after: twips(HEADING_GAP), ...exactLines(SIZE.heading1) },
        },
      },
      heading2: {
        run: { ...heading, size: halfPoints(SIZE.heading2) },
        paragraph: {
          outlineLevel: 1,
          keepNext: true,
          keepLines: true,
          spacing: { before: 0, after: twips(HEADING_GAP), ...exactLines(SIZE.heading2) },
        },
      },
    },
    paragraphStyles: [
      {
        id: CAPTION_STYLE,
        name: "caption",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        // Kept with the table it names, so a caption never ends a page alone.
        paragraph: {
          keepNext: true,
          keepLines: true,
          spacing: { before: 0, after: twips(CAPTION_GAP), ...exactLines(SIZE.caption) },
        },
        run: { bold: true, size: halfPoints(SIZE.caption), color: HEADING_COLOUR },
      },
      {
        id: TABLE_TEXT_STYLE,
        name: "Table Text",
        basedOn: "Normal",
        quickFormat: true,
        paragraph: { spacing: { after: CELL_GAP, ...exactLines(SIZE.table) } },
        run: { size: halfPoints(SIZE.table) },
      },
      {
        id: TABLE_STRONG_STYLE,
        name: "Table Text Strong",
        basedOn: TABLE_TEXT_STYLE,
        quickFormat: true,
        paragraph: { spacing: { after: CELL_GAP, ...exactLines(SIZE.tableStrong) } },
        run: { bold: true, size: halfPoints(SIZE.tableStrong) },
      },
      {
        id: TABLE_NOTE_STYLE,
        name: "Table Text Note",
        basedOn: TABLE_TEXT_STYLE,
        quickFormat: true,
        run: { color: NOTE_COLOUR },
      },
      {
        id: TABLE_HEADING_STYLE,
        name: "Table Heading",
        basedOn: TABLE_TEXT_STYLE,
        quickFormat: true,
        // Kept with the first row: a header row alone at the foot of a page is no use, and
        // LibreOffice 7.4 drops the rows that follow an orphaned unsplittable header row.
        paragraph: { keepNext: true, spacing: { after: CELL_GAP, ...exactLines(SIZE.tableStrong) } },
        run: { ...HEADER_RUN, size: halfPoints(SIZE.tableStrong) },
      },
      {
        id: TABLE_CONTINUED_STYLE,
        name: "Table Continued",
        basedOn: TABLE_NOTE_STYLE,
        quickFormat: true,
        run: { bold: true, size: halfPoints(TYPE_SIZE.cellNote) },
      },
      {
        id: TABLE_CONTINUED_CELL_STYLE,
        name: "Table Continued Cell",
        basedOn: TABLE_NOTE_STYLE,
        quickFormat: true,
        run: { size: halfPoints(TYPE_SIZE.cellNote) },
      },
      {
        id: TABLE_HEADING_SMALL_STYLE,
        name: "Table Heading Small",
        basedOn: TABLE_HEADING_STYLE,
        quickFormat: true,
        paragraph: { spacing: { after: CELL_GAP, ...exactLines(TYPE_SIZE.cellNote) } },
        run: { size: halfPoints(TYPE_SIZE.cellNote) },
      },
      { id: FOOTER_STYLE, name: "footer", basedOn: "Normal", run: { size: halfPoints(SIZE.footer) } },
    ],
  };
}

/** How a paragraph's role looks: emphasis and colour only; the words are the model's. */
export function roleRun(role: ModelParagraph["role"]): Pick<IRunOptions, "bold" | "color"> {
  switch (emphasisOf(role)) {
    case "strong":
      return { bold: true };
    case "quiet":
      return { color: NOTE_COLOUR };
    case "plain":
      return {};
  }
}
