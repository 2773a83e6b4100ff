import type { Block, Cell, Paragraph, ReportDocument, Table } from "../../model/document.js";
import { cellFill, emphasisOf, fillName } from "../../model/emphasis.js";
import type { OutcomeChart } from "../../model/outcome-chart.js";
import { outcomeChartSvg } from "../chart/svg.js";
import { xmlSafe } from "../xml-chars.js";
import { printFooters, STYLESHEET } from "./styles.js";

/**
 * Draws the report model as one self-contained, accessible web page: the HTML edition the
 * committee's website publishes beside the PDF. Headings at the model's levels, each table
 * with a caption, a header row of column headers, the KPI and MSR numbers as row headers, and
 * its description; outcomes in words, shaded as in the other formats. It decides no words.
 */
export async function renderHtml(document: ReportDocument): Promise<Uint8Array> {
  const ids = { table: 0, heading: 0, figure: 0 };
  const sections = document.sections.map((section, i) => {
    // A section is named by its heading (the appendix's H1), the next heading id to be given.
    const label = section.blocks[0]?.type === "heading" ? ` aria-labelledby="h-${ids.heading + 1}"` : "";
    const blocks = section.blocks.map((block) => drawBlock(block, ids));
    return `<section class="section-${i + 1}"${label}>\n${blocks.join("\n")}\n</section>`;
  });
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${attr(document.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load from elsewhere: the file is published and archived as it is.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${text(document.title)}</title>`,
    `<meta name="author" content="${attr(document.author)}">`,
    `<meta name="description" content="${attr(document.subject)}">`,
    `<meta name="generator" content="kpi-report">`,
    `<style>\n${STYLESHEET}\n${printFooters(
      document.sections.map((s) => s.footer),
      document.startPage,
      document.labels.page,
    )}\n</style>`,
    "</head>",
    "<body>",
    `<a class="skip-link" href="#main">${text(document.labels.skipToContent)}</a>`,
    '<main id="main" tabindex="-1">',
    `<header>\n<p class="report-title">${text(document.title)}</p>\n<p class="report-subject">${text(document.subject)}</p>\n</header>`,
    ...sections,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return Buffer.from(html, "utf8");
}

function drawBlock(block: Block, ids: { table: number; heading: number; figure: number }): string {
  switch (block.type) {
    case "heading":
      return `<h${block.level} id="h-${++ids.heading}">${text(block.text)}</h${block.level}>`;
    case "paragraph":
      return paragraph(block.paragraph);
    case "table":
      return table(block.table, ++ids.table, block.table.columns.length > CARD_COLUMNS);
    case "figure":
      return figure(block.chart, ++ids.figure, table(block.table, ++ids.table, false));
  }
}

/**
 * A table with more columns than this becomes one card per row on a phone: its columns would
 * not fit the screen at a readable size. Smaller tables stay tables and fit.
 */
const CARD_COLUMNS = 4;

/**
 * The chart as inline SVG (role img, named by its title and described by the model's alt text),
 * beside a table of the same figures, so nothing is in the picture alone. It is drawn twice: at
 * desk width, and laid out again for a phone's width (the 720-wide drawing scaled to a phone
 * would set its labels at 6 px); the stylesheet shows one, so a reader meets one.
 */
function figure(chart: OutcomeChart, n: number, figures: string): string {
  const wide = xmlSafe(outcomeChartSvg(chart, { idPrefix: `chart-${n}`, showTitle: false }));
  const narrow = xmlSafe(
    outcomeChartSvg(chart, { idPrefix: `chart-${n}-narrow`, showTitle: false, ...NARROW_CHART }),
  );
  return `<div class="figure">\n<div class="chart chart-wide">\n${wide}\n</div>\n<div class="chart chart-narrow">\n${narrow}\n</div>\n<div class="chart-figures">\n${figures}\n</div>\n</div>`;
}

/** A phone's chart, in CSS pixels: 360 wide, so a 390 px screen draws it about at size. */
const NARROW_CHART = { width: 360, height: 320 };

function paragraph(p: Paragraph, tag = "p"): string {
  return `<${tag} class="${emphasisOf(p.role)}">${lines(p.text)}</${tag}>`;
}

/**
 * A table in the page's flow, in a region named by its caption that scrolls sideways only where
 * the screen is narrower than the table can go (focusable, so a keyboard can scroll it). Column
 * widths are the model's, as shares of the table, which the browser widens where a word needs it.
 * A card table (`cards`) becomes one card per row on a phone, each cell under its column's label;
 * its parts carry their table roles, which a display other than table's would otherwise lose.
 */
function table(t: Table, n: number, cards: boolean): string {
  const total = t.columns.reduce((sum, c) => sum + c.width, 0);
  const cols = t.columns.map((c) => `<col style="width: ${((100 * c.width) / total).toFixed(2)}%">`).join("");
  const role = (name: string) => (cards ? ` role="${name}"` : "");
  const head = t.columns.map((c) => `<th scope="col"${role("columnheader")}>${text(c.header)}</th>`).join("");
  const labels = t.columns.map((c) =>
    cards ? `<span class="cell-label" aria-hidden="true">${text(c.header)}</span>` : "",
  );
  const body = t.rows
    .map(
      (row) => `<tr${role("row")}>${row.cells.map((c, i) => cell(c, labels[i] ?? "", cards)).join("")}</tr>`,
    )
    .join("\n");
  return [
    `<div class="scroll${cards ? " cards" : ""}" role="region" aria-labelledby="caption-${n}" tabindex="0">`,
    `<table aria-describedby="description-${n}"${cards ? ` role="table" aria-labelledby="caption-${n}"` : ""}>`,
    `<caption id="caption-${n}">${text(t.caption)}</caption>`,
    `<colgroup>${cols}</colgroup>`,
    `<thead${role("rowgroup")}><tr${role("row")}>${head}</tr></thead>`,
    `<tbody${role("rowgroup")}>\n${body}\n</tbody>`,
    "</table>",
    "</div>",
    `<p id="description-${n}" class="visually-hidden">${text(t.description)}</p>`,
  ].join("\n");
}

function cell(c: Cell, label: string, cards: boolean): string {
  const tag = c.rowHeader ? "th" : "td";
  // The fill is the model's (cellFill); the class names it by outcome for the stylesheet.
  const classes = cellFill(c) ? ` class="o-${fillName(c)}"` : "";
  const scope = c.rowHeader ? ' scope="row"' : "";
  const role = cards ? ` role="${c.rowHeader ? "rowheader" : "cell"}"` : "";
  const content = c.list
    ? `<ul>${c.paragraphs.map((p) => paragraph(p, "li")).join("")}</ul>`
    : c.paragraphs.map((p) => paragraph(p)).join("");
  return `<${tag}${scope}${role}${classes}>${label}${content}</${tag}>`;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function text(s: string): string {
  return xmlSafe(s).replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

const attr = text;

/** A line break in the text (one school per line in the supplier's commentary) stays a break. */
function lines(s: string): string {
  return text(s).split("\n").join("<br>");
}
