import PDFDocument from "pdfkit";
import type { ReportDocument } from "../../model/document.js";
import { drawHeading, drawParagraph } from "./blocks.js";
import { collectOutput } from "./output.js";
import { Pager } from "./page-furniture.js";
import { Pen } from "./pen.js";
import { drawTable } from "./table.js";
import { child } from "./tags.js";

/**
 * Draws the report model as a tagged PDF: Document > Sect per section > H1 | P | Table. Every
 * date inside comes from `document.date`, and pdfkit derives the file /ID from the info
 * dictionary, so the same model always gives the same bytes.
 */
export async function renderPdf(document: ReportDocument): Promise<Uint8Array> {
  const date = new Date(document.date);
  const doc = new PDFDocument({
    tagged: true,
    lang: document.language,
    displayTitle: true,
    pdfVersion: "1.7",
    autoFirstPage: false,
    // No default font: pdfkit would open Helvetica (never embedded); the Pen opens both faces.
    font: "",
    info: { Title: document.title, Author: document.author, Subject: document.subject, Creator: "kpi-report", CreationDate: date, ModDate: date },
  });
  const output = collectOutput(doc);

  const pager = new Pager(new Pen(doc), document.startPage);
  const root = doc.struct("Document");
  doc.addStructure(root);
  for (const section of document.sections) {
    pager.startSection(section);
    const sect = child(doc, root, "Sect");
    for (const block of section.blocks) {
      if (block.type === "heading") drawHeading(pager, sect, block.level, block.text);
      else if (block.type === "paragraph") drawParagraph(pager, sect, block.paragraph);
      else drawTable(pager, sect, block.table);
    }
    sect.end();
  }
  root.end();
  doc.end();
  return output();
}
