import { HeadingLevel, Paragraph, TextRun, type IRunOptions } from "docx";
import type { Paragraph as ModelParagraph } from "../../model/document.js";
import { CAPTION_STYLE, exactLines, roleRun } from "./styles.js";
import { blockStyle } from "../layout/type.js";
import { BLOCK_GAP, TABLE_GAP } from "../layout/page-flow.js";
import { halfPoints, twips } from "./units.js";
import { xmlSafe } from "../xml-chars.js";

type RunLook = Omit<IRunOptions, "text" | "children" | "break">;

/**
 * The model's text as runs. A line break in the text (the supplier's commentary keeps one
 * school per line) becomes a real break, not whitespace that Word would collapse.
 */
export function textRuns(text: string, look: RunLook): TextRun[] {
  return xmlSafe(text)
    .split("\n")
    .map((line, i) => new TextRun({ ...look, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

/** Where the layout starts a page before a block, and whether a table ends just before it. */
export interface Before {
  pageBreakBefore: boolean;
  afterTable: boolean;
}

/** The PDF's space after a table, as space before the block that follows it, unless that block starts a page. */
function spaceBefore(before: Before): number {
  return before.afterTable && !before.pageBreakBefore ? twips(TABLE_GAP) : 0;
}

/** A paragraph outside a table, in the layout's face, size and leading (a note at 9 pt, as the PDF's). */
export function bodyParagraph(paragraph: ModelParagraph, before: Before): Paragraph {
  const { size } = blockStyle(paragraph.role);
  return new Paragraph({
    children: textRuns(paragraph.text, { ...roleRun(paragraph.role), size: halfPoints(size) }),
    pageBreakBefore: before.pageBreakBefore,
    spacing: { before: spaceBefore(before), after: twips(BLOCK_GAP), ...exactLines(size) },
  });
}

/** Real heading styles, so Word's navigation pane and screen readers list the appendices. */
export function heading(level: 1 | 2, text: string, before: Before): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    pageBreakBefore: before.pageBreakBefore,
    ...(spaceBefore(before) ? { spacing: { before: spaceBefore(before) } } : {}),
    children: textRuns(text, {}),
  });
}

/**
 * A table's caption, above it, in Word's Caption style rather than as a Heading 2: the model's
 * headings are the document's outline, and a caption names the table it sits on (kept with it
 * by the style's keep-with-next), as w:tblCaption names it to assistive technology.
 */
export function caption(text: string, before: Before): Paragraph {
  return new Paragraph({
    style: CAPTION_STYLE,
    pageBreakBefore: before.pageBreakBefore,
    ...(spaceBefore(before) ? { spacing: { before: spaceBefore(before) } } : {}),
    children: textRuns(text, {}),
  });
}
