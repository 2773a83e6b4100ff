/**
 * WordprocessingML written as text, for the tables (see table.ts). The escaping is the one docx's
 * own writer applies, so a table reads the same whichever wrote it.
 */
import { xmlSafe } from "../xml-chars.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};

/** Escaped as docx escapes, and without the characters XML forbids (xml-chars.ts). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&"<>']/g, (c) => ENTITIES[c]!);
}

/**
 * A paragraph in the named style. A line break in the text (the supplier's commentary keeps one
 * school per line) becomes a real w:br, not whitespace that Word would collapse.
 */
export function paragraphXml(
  style: string,
  text: string,
  runProperties = "",
  paragraphProperties = "",
): string {
  const rPr = runProperties ? `<w:rPr>${runProperties}</w:rPr>` : "";
  let runs = "";
  let first = true;
  for (const line of text.split("\n")) {
    // Space at either end, doubled, or other than a plain space is kept only if the text says so.
    const t = /^\s|\s$|\s\s|[^\S ]/.test(line) ? '<w:t xml:space="preserve">' : "<w:t>";
    runs += `<w:r>${rPr}${first ? "" : "<w:br/>"}${t}${escapeXml(line)}</w:t></w:r>`;
    first = false;
  }
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${paragraphProperties}</w:pPr>${runs}</w:p>`;
}
