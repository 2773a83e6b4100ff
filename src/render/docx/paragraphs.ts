import { HeadingLevel, Paragraph, TextRun, type IRunOptions } from "docx";
import type { Paragraph as ModelParagraph } from "../../model/document.js";
import { CAPTION_STYLE, roleRun } from "./styles.js";
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

/** A paragraph outside a table, at body size. */
export function bodyParagraph(paragraph: ModelParagraph): Paragraph {
  return new Paragraph({
    children: textRuns(paragraph.text, roleRun(paragraph.role)),
    spacing: { after: 160 },
  });
}

/** Real heading styles, so Word's navigation pane and screen readers list the appendices. */
export function heading(level: 1 | 2, text: string): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: textRuns(text, {}),
  });
}

/**
 * A table's caption, above it, in Word's Caption style rather than as a Heading 2: the model's
 * headings are the document's outline, and a caption names the table it sits on (kept with it
 * by the style's keep-with-next), as w:tblCaption names it to assistive technology.
 */
export function caption(text: string): Paragraph {
  return new Paragraph({ style: CAPTION_STYLE, children: textRuns(text, {}) });
}
