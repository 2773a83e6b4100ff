import PDFDocument from "pdfkit";
import type { ReportDocument } from "../../model/document.js";
import type { Rendered } from "../registry.js";
import { drawHeading, drawParagraphPiece } from "./blocks.js";
import { drawFigure } from "./figure.js";
import { collectOutput } from "./output.js";
import { Pager } from "./page-furniture.js";
import { Pen } from "./pen.js";
import { TableDrawer } from "./table.js";
import { internals } from "./pdfkit-internals.js";
import { child, type StructElement } from "./tags.js";
import { flowSection, type Painter } from "../layout/page-flow.js";
import { metricTypesetter } from "../layout/typesetter.js";
import type { Table } from "../../model/document.js";
import { loadShaper } from "./shaper.js";
import { columnWidths } from "../layout/columns.js";
import { measure } from "../layout/measure.js";

// Loading starts when the renderer is imported: a build's PDF thread imports it while the returns
// are still being read. A failure is reported by the first document that needs the shaper.
loadShaper().catch(() => undefined);

/**
 * Draws the report model as a tagged PDF/UA document: Document > Sect per section > H1 | H2 | P |
 * Table | Figure, with a bookmark for every heading and page labels that follow the footers. Every
 * date inside comes from `document.date`, and pdfkit derives the file /ID from the info
 * dictionary, so the same model always gives the same bytes.
 */
export async function renderPdf(document: ReportDocument): Promise<Uint8Array> {
  return (await renderPdfReport(document)).bytes;
}

/**
 * pdfkit 0.20 copies the title, author and subject into the XMP metadata as they are, so a
 * supplier or council named "Smith & Sons" would make the XMP ill-formed XML, which PDF/UA
 * checkers reject. The info dictionary is written before the XMP, so the XMP alone is given the
 * escaped text.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const pdf = internals(doc);
  const addInfo = pdf._addInfo.bind(doc);
  pdf._addInfo = () => {
    const info = pdf.info;
    const original = { ...info };
    for (const key of ["Title", "Author", "Subject", "Creator", "Producer", "Keywords"] as const) {
      const value = info[key];
      if (typeof value === "string")
        info[key] = value.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
    }
    try {
      addInfo();
    } finally {
      Object.assign(info, original);
    }
  };
}

export interface PdfOptions {
  /**
   * false: no shaped word, broken paragraph or written line is reused, within the document or from
   * an earlier one, and the fonts are parsed afresh. The same bytes, slowly: what tests compare with.
   */
  cache?: boolean;
}

/** The PDF, and a warning for each character no font of the PDF can draw (drawn as an empty box). */
export async function renderPdfReport(document: ReportDocument, options: PdfOptions = {}): Promise<Rendered> {
  const cached = options.cache ?? true;
  await loadShaper();
  const date = new Date(document.date);
  const doc = new PDFDocument({
    // Declared PDF/UA-1: pdfkit adds pdfuaid:part 1 to the XMP metadata, which checkers look for.
    ...({ subset: "PDF/UA" } as object),
    tagged: true,
    lang: document.language,
    displayTitle: true,
    pdfVersion: "1.7",
    autoFirstPage: false,
    fontLayoutCache: cached,
    // No default font: pdfkit would open Helvetica (never embedded); the Pen opens both faces.
    font: "",
    info: {
      Title: document.title,
      Author: document.author,
      Subject: document.subject,
      Creator: "kpi-report",
      CreationDate: date,
      ModDate: date,
    },
  });
  const output = collectOutput(doc);
  escapeXmpInfo(doc);
  // A viewer's page box shows the numbers the footers print, from --start-page on.
  internals(doc)._root.data.PageLabels = { Nums: [0, { S: "D", St: document.startPage }] };

  const pager = new Pager(
    new Pen(doc, cached),
    document.startPage,
    document.labels.page,
    columnWidths(document, measure()),
  );
  const root = doc.struct("Document");
  doc.addStructure(root);
  for (const section of document.sections) {
    pager.startSection(section);
    const sect = child(doc, root, "Sect");
    // Where each block goes is the layout's (layout/page-flow.ts), measured as the DOCX's is
    // (layout/typesetter.ts); the pen only draws it.
    flowSection(metricTypesetter(), section, (table) => pager.widthsOf(table), pager, painter(pager, sect));
    sect.end();
  }
  root.end();
  doc.end();
  const missing = [...pager.pen.missing]
    .sort((a, b) => a - b)
    .map((cp) => `"${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`);
  const warnings = missing.length
    ? [
        `The PDF has no font that can draw ${missing.join(", ")}; ${missing.length === 1 ? "it is" : "they are"} shown as an empty box. The DOCX and HTML keep ${missing.length === 1 ? "it" : "them"}.`,
      ]
    : [];
  return { bytes: await output(), warnings };
}

/** Each step of the layout drawn and tagged: headings with their bookmarks, a paragraph in one P however many pages it spans, tables by TableDrawer. */
function painter(pager: Pager, sect: StructElement): Painter {
  const tables = new Map<Table, TableDrawer>();
  const drawer = (table: Table) => {
    const found = tables.get(table);
    if (!found) throw new Error(`The table "${table.caption}" was drawn before its caption.`);
    return found;
  };
  let paragraph: StructElement | undefined;
  return {
    heading: (level, text, placed) => drawHeading(pager, sect, level, text, placed),
    paragraph: (_, placed, first, last) => {
      if (first) paragraph = child(pager.doc, sect, "P");
      if (!paragraph) throw new Error("A paragraph's piece was drawn before its first.");
      drawParagraphPiece(pager, paragraph, placed);
      if (last) paragraph.end();
    },
    figure: (chart, width, height) => drawFigure(pager, sect, chart, width, height),
    caption: (table, _, caption) => {
      const drawn = new TableDrawer(pager, sect);
      tables.set(table, drawn);
      drawn.caption(caption);
    },
    header: (table, layout, repeated) => drawer(table).header(layout, repeated),
    row: (table, layout, index) => drawer(table).row(layout, index),
    piece: (table, _, piece) => drawer(table).piece(piece),
    tableEnd: (table) => {
      drawer(table).end();
      tables.delete(table);
    },
  };
}
