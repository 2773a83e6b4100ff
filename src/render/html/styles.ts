import {
  BAND_FILL,
  HEADER_FILL,
  HEADER_TEXT,
  HEADING_COLOUR,
  NOTE_COLOUR,
  OUTCOME_FILL,
  TEXT_COLOUR,
} from "../../model/palette.js";
import { RAG } from "../../schema/results.js";
import { OUTCOMES } from "../../schema/return.js";

/**
 * The page's one stylesheet, inline, so the file needs nothing beside it. System fonts (Arial or
 * its metric twin), no web fonts, so no request leaves the file. Colours are the palette the
 * PDF and DOCX use (contrast checked in test/model/palette.test.ts).
 *
 * Tables flow in the page: at desk width nothing scrolls but the page, and a table's header row
 * sticks to the top of the window while its rows pass. Between a phone's width and a desk's, a wide
 * table scrolls sideways in its own focusable region. On a phone (under 40rem) a table of more than
 * four columns is one card per row, each cell under its column's label, and the chart is the one
 * drawn for that width; the small tables fit as they are. So the page reflows at 400% zoom too.
 * Printed, the page is A4 landscape, each table's header row repeats on every sheet, and a row may
 * run on to the next sheet as the PDF's do.
 */
export const STYLESHEET = `
:root { color: #${TEXT_COLOUR}; background: #FFFFFF; font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif; font-size: 100%; line-height: 1.4; }
body { margin: 0; }
.skip-link { position: absolute; left: 0.5rem; top: -10rem; padding: 0.5rem 1rem; background: #FFDD00; color: #0B0C0C; font-weight: bold; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
a:focus, .scroll:focus, .chart:focus { outline: 3px solid #FFDD00; box-shadow: 0 0 0 6px #0B0C0C; }
main { max-width: 100rem; margin: 0 auto; padding: 1rem; }
header p { margin: 0 0 0.25rem; }
.report-title { font-size: 1.125rem; font-weight: bold; }
.report-subject { color: #${NOTE_COLOUR}; }
h1 { font-size: 1.75rem; color: #${HEADING_COLOUR}; margin: 2rem 0 1rem; line-height: 1.2; }
h2 { font-size: 1.375rem; color: #${HEADING_COLOUR}; margin: 1.75rem 0 0.75rem; line-height: 1.25; }
p { margin: 0 0 0.75rem; max-width: 60rem; }
.quiet { color: #${NOTE_COLOUR}; font-size: 0.9375rem; }
.strong { font-weight: bold; }
.visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
.scroll { overflow-x: auto; margin: 0 0 2rem; }
table { border-collapse: separate; border-spacing: 0; width: 100%; font-size: 0.875rem; border-top: 1px solid #8C8C8C; border-left: 1px solid #8C8C8C; }
.cards table { min-width: 60rem; }
caption { text-align: left; font-weight: bold; font-size: 1rem; color: #${HEADING_COLOUR}; padding: 0 0 0.5rem; position: sticky; left: 0; max-width: calc(100vw - 3rem); }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.375rem; border-right: 1px solid #8C8C8C; border-bottom: 1px solid #8C8C8C; }
thead th { position: sticky; top: 0; z-index: 1; background: #${HEADER_FILL}; color: #${HEADER_TEXT}; font-weight: bold; }
.cell-label { display: none; }
@media (min-width: 64rem) { .scroll { overflow: visible; } }
tbody th { font-weight: bold; }
td p, th p, td li, th li { margin: 0 0 0.25rem; }
td ul { margin: 0; padding-left: 1.1rem; }
td .quiet, th .quiet { font-size: 0.8125rem; }
.figure { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; margin: 0 0 2rem; }
.chart { flex: 1 1 30rem; max-width: 45rem; min-width: 0; }
.chart svg { display: block; width: 100%; height: auto; }
.chart-narrow { display: none; }
.chart-figures { flex: 1 1 36rem; min-width: 0; }
@media (max-width: 40rem) {
  .chart-wide { display: none; }
  .chart-narrow { display: block; flex-basis: 100%; }
  .chart-figures { flex-basis: 100%; }
  .chart-figures table { font-size: 0.8125rem; }
  .chart-figures th, .chart-figures td { padding: 0.25rem; }
  .cards table, .cards caption, .cards tbody, .cards tr, .cards td, .cards tbody th { display: block; }
  .cards table { min-width: 0; border: 0; }
  .cards caption { position: static; max-width: none; }
  .cards colgroup { display: none; }
  .cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .cards tr { display: flex; flex-direction: column; border: 1px solid #8C8C8C; margin: 0 0 1rem; }
  .cards td, .cards tbody th { border: 0; border-top: 1px solid #8C8C8C; padding: 0.375rem 0.5rem; }
  .cards tbody th { order: -1; border-top: 0; background: #${HEADER_FILL}; color: #${HEADER_TEXT}; }
  .cards .cell-label { display: block; font-weight: bold; font-size: 0.8125rem; }
}
${OUTCOMES.map((o) => `.o-${o} { background: #${OUTCOME_FILL[o]}; }`).join("\n")}
${RAG.map((b) => `.o-${b} { background: #${BAND_FILL[b]}; }`).join("\n")}
@page { size: A4 landscape; margin: 12mm 12mm 14mm; }
@media print {
  :root { font-size: 9pt; }
  main { max-width: none; padding: 0; }
  .skip-link, .visually-hidden { display: none; }
  .scroll { overflow: visible; }
  caption { position: static; max-width: none; break-after: avoid; }
  table, .cards table { min-width: 0; font-size: 8.5pt; }
  thead { display: table-header-group; break-after: avoid; }
  thead th { position: static; }
  tbody tr:first-child { break-before: avoid; }
  .chart-wide { display: block; }
  .chart-narrow { display: none; }
  .figure { break-inside: avoid; }
  section + section h1 { break-before: page; }
  h2 { break-after: avoid; }
  th, td, .o-met, .o-not-met { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`
  .trim()
  .replace(/\n\s*/g, "\n");

/** A string in CSS: quotes and backslashes escaped, and "<" too, so no text can close the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `).replace(/\n/g, "\\a ")}"`;
}

/**
 * Printed, each section's pages carry its footer and the page number, numbered on from the
 * document's first page as the PDF's and DOCX's are (Chromium's page counter, reset on the root).
 */
export function printFooters(footers: readonly string[], startPage: number, pageLabel: string): string {
  const margin = `font-family: Arial, "Liberation Sans", sans-serif; font-size: 8.5pt; color: #${NOTE_COLOUR};`;
  return [
    `@media print { html { counter-reset: page ${startPage - 1}; } }`,
    `@page { @bottom-right { content: ${cssString(`${pageLabel} `)} counter(page); ${margin} } }`,
    // The page's own header (title and subject) shares the first section's first page.
    ...footers.map(
      (footer, i) =>
        `@page section-${i + 1} { @bottom-left { content: ${cssString(footer)}; ${margin} } }\n@media print { ${i === 0 ? "main > header, " : ""}.section-${i + 1} { page: section-${i + 1}; } }`,
    ),
  ].join("\n");
}
