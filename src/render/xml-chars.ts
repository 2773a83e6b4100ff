/**
 * Characters XML 1.0 forbids: C0 controls other than tab, line feed and carriage return, lone
 * surrogates, and U+FFFE and U+FFFF. A vertical tab pasted from Word makes a DOCX Word cannot
 * open and an HTML page an XML parser refuses. The reader strips them at validation; the DOCX and
 * HTML renderers drop them too, so no path into a file can carry one.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, "");
}
