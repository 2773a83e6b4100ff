import { squash, type PdfPage, type PdfRead } from "./pdf-read.js";

/**
 * How full a PDF's pages are, measured from the PDF as a reader sees it: the lowest text drawn
 * on each page above the footer, as a share of the content box from the top margin to the
 * bottom margin. A page may be short only where a section ends (the next page starts another
 * section, so its footer changes) or the document does.
 */

const PAGE = { height: 595.28, margin: 36 };
/** A page under this share of its content box, other than a section's last, is what rows that never split gave. */
export const LEAST_FILL = 0.6;

export const footerOf = (page: PdfPage) =>
  squash(
    page.items
      .filter((t) => t.y < PAGE.margin)
      .map((t) => t.text)
      .join(" "),
  ).replace(/ Page \d+$/, "");

export function fill(page: PdfPage): number {
  const body = page.items.filter((t) => t.y >= PAGE.margin);
  // A baseline sits a little above its line's foot: the descenders are drawn content too.
  const lowest = Math.min(...body.map((t) => t.y - 0.25 * t.size));
  return (PAGE.height - PAGE.margin - lowest) / (PAGE.height - 2 * PAGE.margin);
}

/** The pages under LEAST_FILL that are not the last of their section, as "page N: P%". */
export function shortPages(pdf: PdfRead): string[] {
  return pdf.pages
    .filter((page, i) => {
      const next = pdf.pages[i + 1];
      const lastOfSection = !next || footerOf(next) !== footerOf(page);
      return !lastOfSection && fill(page) < LEAST_FILL;
    })
    .map((page) => `page ${page.number}: ${Math.round(fill(page) * 100)}%`);
}
