import { internals } from "./pdfkit-internals.js";

/** Blocks of this size hold the file as it is written; a larger piece (a font file) gets a block of its own. */
const BLOCK = 1 << 20;

/**
 * Collects a PDFDocument's file while it is drawn, straight into large blocks. pdfkit writes each
 * line of every object as its own small Uint8Array (made a character at a time) and pushes it
 * through its Readable stream, whose queue holds them all until the drawing is over (it only starts
 * flowing on the next tick): hundreds of thousands of tiny arrays for a long report, far more
 * memory than the file. Same bytes: pdfkit's `_write` adds a newline to a string and counts its
 * length for the cross-reference table, as here.
 */
export function collectOutput(doc: PDFKit.PDFDocument): () => Promise<Uint8Array> {
  const blocks: Buffer[] = [];
  let block = Buffer.allocUnsafe(BLOCK);
  let used = 0;
  const room = (length: number) => {
    if (length <= block.length - used) return;
    blocks.push(block.subarray(0, used));
    block = Buffer.allocUnsafe(Math.max(BLOCK, length));
    used = 0;
  };
  const bytes = (chunk: Uint8Array) => {
    room(chunk.length);
    block.set(chunk, used);
    used += chunk.length;
  };
  doc.on("data", bytes);
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat([...blocks, block.subarray(0, used)])));
    doc.on("error", reject);
  });
  // The file's header, written by the constructor, is still in the stream's queue.
  while (doc.readableLength) doc.read();

  const pdf = internals(doc);
  pdf._write = (data) => {
    if (typeof data === "string") {
      room(data.length + 1);
      used += block.write(data, used, "latin1");
      block[used++] = 0x0a;
      pdf._offset += data.length + 1;
    } else {
      bytes(data);
      pdf._offset += data.length;
    }
  };
  return () => finished;
}
