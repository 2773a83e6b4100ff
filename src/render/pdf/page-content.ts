import { deflateSync } from "node:zlib";
import { internals } from "./pdfkit-internals.js";

/**
 * Deflate level for page content. zlib's default (6, pdfkit's) spent a sixth of a long report's
 * drawing time compressing; level 3 takes half as long for content streams about 18% larger,
 * which leaves files about the size they were before the renderer wrote less content.
 */
const LEVEL = 3;

/**
 * Makes the current page keep its content stream as strings and encode and compress it once,
 * when pdfkit ends the page. pdfkit otherwise turns every operator it is given into its own small
 * Uint8Array, character by character: thousands per page of table. Each piece still ends with a
 * newline, as pdfkit writes it.
 */
export function bufferPageContent(doc: PDFKit.PDFDocument): void {
  const page = internals(doc).page;
  const { content } = page;
  const bytes: Uint8Array[] = [];
  const parts: string[] = [];
  const encode = () => {
    if (parts.length) bytes.push(Buffer.from(`${parts.join("\n")}\n`, "latin1"));
    parts.length = 0;
  };
  page.write = (chunk) => {
    if (typeof chunk === "string") parts.push(chunk);
    else {
      encode();
      bytes.push(chunk);
    }
  };
  const end = page.end.bind(page);
  page.end = () => {
    encode();
    // What pdfkit wrote itself before this page was handed over (its top-down transform) goes first.
    const stream = Buffer.concat([...content.buffer.splice(0), ...bytes]);
    if (content.compress) {
      content.compress = false;
      content.data.Filter = "FlateDecode";
      content.write(deflateSync(stream, { level: LEVEL }));
    } else content.write(stream);
    end();
  };
}
