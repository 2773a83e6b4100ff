import { FileChild } from "docx";

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
  private readonly tables: string[] = [];

  /** Keeps a table's XML and returns what stands in its place among docx's blocks. */
  add(xml: string): FileChild {
    this.tables.push(xml);
    return new Slot(this.tables.length - 1);
  }

  fill(documentXml: string): string {
    let filled = 0;
    const xml = documentXml.replace(SLOT, (_, n: string) => {
      filled += 1;
      return this.tables[Number(n)]!;
    });
    // A docx that wrote empty elements another way would otherwise lose every table silently.
    if (filled !== this.tables.length) throw new Error(`docx kept ${filled} of ${this.tables.length} table places in document.xml`);
    return xml;
  }
}
