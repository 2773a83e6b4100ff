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

/** Each PDF page's rectangles (cell frames and shading) as their left and right edges. */
export async function pdfEdges(bytes: Uint8Array): Promise<number[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: number[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const list = await (await pdf.getPage(n)).getOperatorList();
    const edges = new Set<number>();
    list.fnArray.forEach((fn, i) => {
      if (fn !== OPS.constructPath) return;
      const [ops, args] = list.argsArray[i] as [number[], number[]];
      let at = 0;
      for (const op of ops) {
        if (op !== OPS.rectangle) continue;
        const [x, , w] = args.slice(at, at + 4) as [number, number, number];
        edges.add(x).add(x + w);
        at += 4;
      }
    });
    pages.push([...edges]);
  }
  return pages;
}

export const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;

/** The DOCX tables whose edges no PDF page draws, as their edges. */
export function unmatched(docx: readonly number[][], pdf: readonly number[][]): string[] {
  return docx
    .filter((edges) => !pdf.some((page) => edges.every((e) => page.some((x) => near(x, e)))))
    .map((edges) => edges.map((e) => e.toFixed(2)).join(", "));
}
