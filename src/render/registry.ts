import type { ReportDocument } from "../model/document.js";

/**
 * Every renderer, keyed by the format it writes (after knip's reporters/index.ts). Each draws
 * one view of the report model and nothing else; the words are the model's. A renderer is
 * imported only when asked for, so this file costs nothing to load: `validate` never loads a
 * renderer, and a worker thread that draws only PDFs never loads docx.
 *
 * The document formats draw the whole report (ReportDocument) and are what `build --formats`
 * chooses from; text, json and markdown draw the status, results and job-summary views.
 */
export const DOCUMENT_RENDERERS = {
  pdf: async () => (await import("./pdf/index.js")).renderPdfReport,
  docx: async () => silent((await import("./docx/index.js")).renderDocx),
  html: async () => silent((await import("./html/index.js")).renderHtml),
} satisfies Record<string, () => Promise<DocumentRenderer>>;

/** A document's bytes, and what its renderer could not draw as the model says it (for the build to print). */
export interface Rendered {
  bytes: Uint8Array;
  warnings: string[];
}

export type DocumentRenderer = (document: ReportDocument) => Promise<Rendered>;

/** DOCX and HTML leave every character to the reader's fonts, so they have nothing to warn of. */
function silent(render: (document: ReportDocument) => Promise<Uint8Array>): DocumentRenderer {
  return async (document) => ({ bytes: await render(document), warnings: [] });
}

export const VIEW_RENDERERS = {
  text: async () => (await import("./text/index.js")).renderText,
  json: async () => (await import("./json/index.js")).renderJson,
  markdown: async () => (await import("./markdown/index.js")).renderMarkdown,
};

export type DocumentFormat = keyof typeof DOCUMENT_RENDERERS;
export type ViewFormat = keyof typeof VIEW_RENDERERS;

/** The registry's keys, in the order `--help` lists them. */
export const DOCUMENT_FORMATS = Object.keys(DOCUMENT_RENDERERS) as [DocumentFormat, ...DocumentFormat[]];
export const FORMATS = [...DOCUMENT_FORMATS, ...(Object.keys(VIEW_RENDERERS) as ViewFormat[])];

/** What a build writes when --formats is not given: every document format. */
export const DEFAULT_DOCUMENT_FORMATS: readonly DocumentFormat[] = DOCUMENT_FORMATS;

export function documentRenderer(format: DocumentFormat): Promise<DocumentRenderer> {
  return DOCUMENT_RENDERERS[format]();
}

export function viewRenderer<F extends ViewFormat>(format: F): ReturnType<(typeof VIEW_RENDERERS)[F]> {
  return VIEW_RENDERERS[format]() as ReturnType<(typeof VIEW_RENDERERS)[F]>;
}
