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
import { documentFlow } from "./flow.js";

/**
 * Draws the report model as an accessible DOCX: heading styles, captioned fixed-width tables
 * with repeating header rows, one section per model section, title, subject, author and language
 * set, in Source Sans 3 (embedded). Its pages are the PDF's: the same layout (layout/page-flow.ts)
 * decides where each page breaks and where a tall row splits. It decides nothing the model has not decided.
 */
export async function renderDocx(report: ReportDocument): Promise<Uint8Array> {
  const tables = new TableSlots();
  const widths = columnWidths(report, measure());
  // Where the PDF's pages break, and the size it draws the chart at: the DOCX follows both.
  const flows = documentFlow(report, widths);
  const pictures = new Map<OutcomeChart, Uint8Array>();
  for (const section of report.sections)
    for (const block of section.blocks) {
      const size = block.type === "figure" ? flows.get(section)?.get(block)?.chart : undefined;
      if (block.type === "figure" && size)
        pictures.set(block.chart, await outcomeChartPng(block.chart, size));
    }
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
        flows.get(section)!,
        pictures,
      ),
    ),
  });
  return packDeterministic(document, report.date, tables);
}
