import { strFromU8, unzipSync } from "fflate";
import { CONTINUED_CELL } from "../../src/model/document.js";

/** Reads a DOCX package back as text: its parts, paragraphs, tables and their cells. Shares no code with the renderer. */

export interface Cell {
  xml: string;
  text: string;
}
export interface Row {
  xml: string;
  cells: Cell[];
}
export interface DocxTable {
  xml: string;
  /** The paragraph just before the table. */
  before: string;
  /** The table's rows as a reader takes them: a row the DOCX splits over a page (its second piece starting "KPI 3 (continued)") is one row. */
  rows: Row[];
  /** Every w:tr, as written. */
  pieces: Row[];
}

/** What the carried-over piece of a split row starts with. */
const CONTINUED = /\(continued\)$/;

/**
 * Rows read back whole: a piece whose first cell starts with the "(continued)" marker joins the
 * row before it, cell by cell and without the markers (the first cell's, and the "(see the page
 * before)" of a cell whose text all went before), its paragraphs after the piece before's (a
 * paragraph the page broke inside is two paragraphs in the file, one on each page).
 */
function wholeRows(pieces: readonly Row[]): Row[] {
  const rows: Row[] = [];
  for (const piece of pieces) {
    const first = paragraphsOf(piece.cells[0]?.xml ?? "")[0];
    const last = rows[rows.length - 1];
    if (!last || first === undefined || !CONTINUED.test(textOf(first))) {
      rows.push({ xml: piece.xml, cells: piece.cells.map((c) => ({ ...c })) });
      continue;
    }
    last.xml += piece.xml;
    piece.cells.forEach((cell, i) => {
      const into = last.cells[i]!;
      const marker = i === 0 ? first : paragraphsOf(cell.xml).find((p) => textOf(p) === CONTINUED_CELL);
      const xml = marker ? cell.xml.replace(marker, "") : cell.xml;
      const text = paragraphsOf(xml).map(textOf).join("\n");
      into.xml += xml;
      into.text = into.text && text ? `${into.text}\n${text}` : into.text || text;
    });
  }
  return rows;
}

export function unzipText(bytes: Uint8Array): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) files[name] = strFromU8(data);
  return files;
}

export function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text of some WordprocessingML: runs' text, with w:br as a newline and w:tab as a tab. */
export function textOf(xml: string): string {
  let text = "";
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
    text += m[1] !== undefined ? decode(m[1]) : m[0] === "<w:br/>" ? "\n" : "\t";
  }
  return text;
}

export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>.*?<\/w:p>/gs)].map((m) => m[0]);
}

export function tablesOf(documentXml: string): DocxTable[] {
  const tables: DocxTable[] = [];
  for (const m of documentXml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)) {
    const xml = m[0];
    const preceding = paragraphsOf(documentXml.slice(0, m.index));
    const rows = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((r) => ({
      xml: r[0],
      cells: [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => ({
        xml: c[0],
        text: paragraphsOf(c[0]).map(textOf).join("\n"),
      })),
    }));
    tables.push({ xml, before: preceding[preceding.length - 1] ?? "", rows: wholeRows(rows), pieces: rows });
  }
  return tables;
}

export function attr(xml: string, element: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`, "g"))].map((m) => m[1]!);
}
