/**
 * The structure tree and the marked content that ties drawn text to it. Everything drawn is
 * either inside a structure element's marked content or inside an Artifact, so assistive
 * technology reads the tree and skips page furniture, shading and rules.
 */

declare global {
  namespace PDFKit.Mixins {
    // pdfkit 0.20 writes /A << /O /Table /Scope ... >> for this option; @types/pdfkit 0.17 predates it.
    interface StructureElementOptions {
      scope?: "Row" | "Column" | "Both";
      /** Writes /A << /O /Layout /Placement /Block /BBox [...] >>, given top-down as x1 y1 x2 y2 on the current page. */
      bbox?: [number, number, number, number];
    }
  }
}

export type StructElement = PDFKit.PDFStructureElement;

/** A structure element already attached under `parent`, ready for content. */
export function child(
  doc: PDFKit.PDFDocument,
  parent: StructElement,
  type: string,
  options: PDFKit.Mixins.StructureElementOptions = {},
): StructElement {
  const element = doc.struct(type, options);
  parent.add(element);
  return element;
}

/**
 * Draws into `element` as one marked-content sequence on the current page. An element may
 * receive several (one per paragraph, or one per page when a tall row splits).
 */
export function tagged(doc: PDFKit.PDFDocument, element: StructElement, tag: string, draw: () => void): void {
  const content = doc.markStructureContent(tag);
  draw();
  doc.endMarkedContent();
  element.add(content);
}

/** Pagination for what repeats because of page breaks (footers, repeated header rows); Layout for rules and shading. */
export function artifact(doc: PDFKit.PDFDocument, type: "Pagination" | "Layout", draw: () => void): void {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}
