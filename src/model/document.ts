import * as z from "zod";
import { RAG } from "../schema/results.js";
import { OutcomeSchema } from "../schema/return.js";
import { OutcomeChartSchema } from "./chart-schema.js";
import { CONTINUED_WORDS } from "../words/report.js";

/**
 * A format-neutral report: what the appendices say, decided once. The PDF, DOCX and HTML
 * renderers only draw it, so the formats cannot disagree.
 */

export const ParagraphSchema = z
  .object({
    text: z.string(),
    /** "status" is the outcome in words, "figures" the counts behind it, "note" a smaller aside. */
    role: z.enum(["body", "status", "figures", "note", "strong"]).default("body"),
  })
  .strict();

export const CellSchema = z
  .object({
    paragraphs: z.array(ParagraphSchema).min(1),
    /** The outcome, when the cell reports one. */
    outcome: OutcomeSchema.optional(),
    /** The red/amber/green band, when the cell reports one: it shades the cell instead of the outcome. */
    band: z.enum(RAG).optional(),
    /** Colour the cell by its outcome: only the reporting month's cells are, so colour adds to words, never replaces them. */
    coloured: z.boolean().default(false),
    /** A row header cell (the KPI number): TH with row scope. */
    rowHeader: z.boolean().default(false),
    /** The paragraphs are the items of a list (Appendix 2's linked KPIs): L/LI in the PDF, ul in HTML, bullets in DOCX. */
    list: z.boolean().default(false),
  })
  .strict();

export const ColumnSchema = z
  .object({
    header: z.string(),
    /** Width in points on an A4 landscape page; renderers scale if their page differs. */
    width: z.number().positive(),
  })
  .strict();

export const TableSchema = z
  .object({
    /** Said to assistive technology and shown above the table. */
    caption: z.string(),
    /** What the table holds, for assistive technology (DOCX alt text, HTML description): not a copy of the caption. */
    description: z.string(),
    columns: z.array(ColumnSchema).min(1),
    /** What a cell of a split row's carried-over piece says when all its text went on the page before ("(see the page before)"): no cell is drawn empty. */
    continuedCell: z.string(),
    rows: z.array(
      z
        .object({
          cells: z.array(CellSchema),
          /** What the carried-over piece of the row starts with when a page breaks inside it ("KPI 3 (continued)"). */
          continued: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * What a section holds, in reading order. A heading of level 1 starts an appendix and level 2 a
 * part of it; both are the document's outline (PDF bookmarks, Word's navigation pane). A figure
 * is a chart with its alt text (the chart's description) and a table of the same figures, so no
 * figure is in the picture alone.
 */
export const BlockSchema = z.discriminatedUnion("type", [
  z
    .object({ type: z.literal("heading"), level: z.union([z.literal(1), z.literal(2)]), text: z.string() })
    .strict(),
  z.object({ type: z.literal("paragraph"), paragraph: ParagraphSchema }).strict(),
  z.object({ type: z.literal("table"), table: TableSchema }).strict(),
  z.object({ type: z.literal("figure"), chart: OutcomeChartSchema, table: TableSchema }).strict(),
]);

export const SectionSchema = z
  .object({
    /** Printed in the footer of every page of the section, beside the page number. */
    footer: z.string(),
    orientation: z.enum(["landscape", "portrait"]),
    blocks: z.array(BlockSchema),
  })
  .strict();

export const ReportDocumentSchema = z
  .object({
    title: z.string(),
    subject: z.string(),
    author: z.string(),
    language: z.string(),
    /** From the data or SOURCE_DATE_EPOCH, never the clock, so builds are byte-identical. */
    date: z.string(),
    /** The page number the first page carries, to continue an agenda pack's numbering. */
    startPage: z.number().int().positive(),
    /** The words of the furniture around the content: the page number's label, the HTML's skip link. */
    labels: z.object({ page: z.string(), skipToContent: z.string() }).strict(),
    sections: z.array(SectionSchema).min(1),
  })
  .strict();

export type Paragraph = z.infer<typeof ParagraphSchema>;
export type Cell = z.infer<typeof CellSchema>;
export type Column = z.infer<typeof ColumnSchema>;
export type Table = z.infer<typeof TableSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

export function para(text: string, role: Paragraph["role"] = "body"): Paragraph {
  return { text, role };
}

/** The words a row split across pages carries on under: "KPI 3 (continued)". */
export function continued(name: string): string {
  return CONTINUED_WORDS.row(name);
}

/** What each other cell of a split row's carried-over piece says where its text has all gone before. */
export const CONTINUED_CELL = CONTINUED_WORDS.cell;

export function cell(paragraphs: Paragraph[], extra: Partial<Omit<Cell, "paragraphs">> = {}): Cell {
  return { paragraphs, coloured: false, rowHeader: false, list: false, ...extra };
}
