import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { attr, tablesOf, unzipText } from "../helpers/docx-read.js";

/** Table grids read back from the files: the DOCX's w:gridCol widths and the PDF's cell rectangles (pdf.js). */

const MARGIN = 36;
export const TOLERANCE = 0.05;

/** Each DOCX table's column edges, in points from the page's left edge. */
export function docxEdges(bytes: Uint8Array): number[][] {
  const xml = unzipText(bytes)["word/document.xml"]!;
  return tablesOf(xml).map((table) => {
    const grid = table.xml.slice(0, table.xml.indexOf("</w:tblGrid>"));
    let edge = MARGIN;
    return [MARGIN, ...attr(grid, "w:gridCol", "w:w").map((w) => (edge += Number(w) / 20))];
  });
}

/**
 * Each PDF page's rectangles (cell frames and shading), top-down, as [x0, y0, x1, y1] in PDF
 * coordinates (pdfkit draws with y down the page; pdf.js gives the page's height to turn it back).
 */
export async function pdfRects(bytes: Uint8Array): Promise<[number, number, number, number][][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: [number, number, number, number][][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = page.view[3]!;
    const list = await page.getOperatorList();
    const rects: [number, number, number, number][] = [];
    list.fnArray.forEach((fn, i) => {
      if (fn !== OPS.constructPath) return;
      const [ops, args] = list.argsArray[i] as [number[], number[]];
      let at = 0;
      for (const op of ops) {
        if (op !== OPS.rectangle) continue;
        const [x, y, w, h] = args.slice(at, at + 4) as [number, number, number, number];
        rects.push([x, height - (y + h), x + w, height - y]);
        at += 4;
      }
    });
    pages.push(rects);
  }
  return pages;
}

/** Each PDF page's rectangles as their left and right edges. */
export async function pdfEdges(bytes: Uint8Array): Promise<number[][]> {
  return (await pdfRects(bytes)).map((rects) => [...new Set(rects.flatMap(([x0, , x1]) => [x0, x1]))]);
}

export const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;

/** The DOCX tables whose edges no PDF page draws, as their edges. */
export function unmatched(docx: readonly number[][], pdf: readonly number[][]): string[] {
  return docx
    .filter((edges) => !pdf.some((page) => edges.every((e) => page.some((x) => near(x, e)))))
    .map((edges) => edges.map((e) => e.toFixed(2)).join(", "));
}
