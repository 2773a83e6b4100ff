import { FileChild } from "docx";
import { strToU8 } from "fflate";

/** An empty element docx writes as `<kpi-report-table-N/>`, where table N is to go. */
class Slot extends FileChild {
  constructor(index: number) {
    super(`kpi-report-table-${index}`);
  }
}

const SLOT = /<kpi-report-table-(\d+)\/>/g;

/**
 * The document's tables, written as text (table.ts), and the places docx keeps for them: docx
 * lays out everything else (sections, footers, headings, styles, the package's parts) and the
 * tables are put in its document.xml afterwards.
 */
export class TableSlots {
  /**
   * Kept as UTF-8 from the start: the text of a big schedule is tens of megabytes as JavaScript
   * strings (two bytes a character once an en dash is in it) and would be held twice more, as
   * the filled document.xml and as its bytes.
   */
  private readonly tables: Uint8Array[] = [];

  /** Keeps a table's XML and returns what stands in its place among docx's blocks. */
  add(xml: string): FileChild {
    this.tables.push(strToU8(xml));
    return new Slot(this.tables.length - 1);
  }

  /** docx's document.xml with each table in its place, as UTF-8. */
  fill(documentXml: string): Uint8Array<ArrayBuffer> {
    const pieces: Uint8Array[] = [];
    let from = 0;
    for (const match of documentXml.matchAll(SLOT)) {
      pieces.push(strToU8(documentXml.slice(from, match.index)), this.tables[Number(match[1])]!);
      from = match.index + match[0].length;
    }
    // A docx that wrote empty elements another way would otherwise lose every table silently.
    if (pieces.length / 2 !== this.tables.length)
      throw new Error(`docx kept ${pieces.length / 2} of ${this.tables.length} table places in document.xml`);
    pieces.push(strToU8(documentXml.slice(from)));
    const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
    let at = 0;
    for (const piece of pieces) {
      bytes.set(piece, at);
      at += piece.length;
    }
    return bytes;
  }
}
