import { Document } from "docx";
import type { ReportDocument } from "../../model/document.js";
import { outcomeChartPng } from "../chart/png.js";
import type { OutcomeChart } from "../../model/outcome-chart.js";
import { packDeterministic } from "./pack.js";
import { drawSection } from "./section.js";
import { stylesFor } from "./styles.js";
import { TableSlots } from "./table-slots.js";
import { columnWidths } from "../layout/columns.js";
import { measure } from "../layout/measure.js";

/**
 * Draws the report model as an accessible DOCX: heading styles, captioned fixed-width tables
 * with repeating header rows and rows that may split across pages, one landscape section per model section,
 * title, subject, author and language set. It decides nothing the model has not decided.
 */
export async function renderDocx(report: ReportDocument): Promise<Uint8Array> {
  const tables = new TableSlots();
  const widths = columnWidths(report, measure());
  const pictures = new Map<OutcomeChart, Uint8Array>();
  for (const section of report.sections)
    for (const block of section.blocks)
      if (block.type === "figure") pictures.set(block.chart, await outcomeChartPng(block.chart));
  const document = new Document({
    title: report.title,
    subject: report.subject,
    creator: report.author,
    lastModifiedBy: report.author,
    styles: stylesFor(report.language),
    sections: report.sections.map((section, i) =>
      drawSection(
        section,
        i === 0 ? report.startPage : undefined,
        tables,
        report.labels.page,
        widths,
        pictures,
      ),
    ),
  });
  return packDeterministic(document, report.date, tables);
}
