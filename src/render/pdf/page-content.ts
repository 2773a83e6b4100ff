import { internals } from "./pdfkit-internals.js";

/**
 * Makes the current page keep its content stream as strings and encode it once, when pdfkit ends
 * the page. pdfkit otherwise turns every operator it is given into its own small Uint8Array,
 * character by character: thousands per page of table. The bytes are the same (each piece ends
 * with a newline, as pdfkit writes it).
 */
export function bufferPageContent(doc: PDFKit.PDFDocument): void {
  const page = internals(doc).page;
  const parts: string[] = [];
  const flush = () => {
    if (parts.length) page.content.write(Buffer.from(`${parts.join("\n")}\n`, "latin1"));
    parts.length = 0;
  };
  page.write = (chunk) => {
    if (typeof chunk === "string") parts.push(chunk);
    else {
      flush();
      page.content.write(chunk);
    }
  };
  const end = page.end.bind(page);
  page.end = () => {
    flush();
    end();
  };
}
