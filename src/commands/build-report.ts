import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildReport } from "../model/report.js";
import { resultsView } from "../model/results-json.js";
import { viewRenderer } from "../render/registry.js";
import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { TemplateError, UsageError } from "../errors.js";
import type { ReportDocument } from "../model/document.js";
import { sourceDate } from "./source-date.js";
import { writeFilesAtomic } from "./io.js";
import { PACKAGE_ROOT } from "../package-root.js";
import type { Renderers } from "./renderers.js";
import { DATA_WORDS } from "../words/commands/data.js";
import type { BuildOptions } from "./options.js";

const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, "templates");

export interface WrittenFile {
  path: string;
  /** The file's name inside its output folder, as the manifest and job summary name it. */
  name: string;
  bytes: Uint8Array;
}

export interface ReportRequest {
  contract: Contract;
  month: Month;
  shown: Month[];
  results: ReadonlyMap<Month, MonthResults>;
  data: string;
  out: string;
  /** Whether the report starts with the summary at a glance (--no-glance, or the config entry's "glance"). */
  glance: boolean;
  options: BuildOptions;
  /** Told what a renderer could not draw as the model says it; the file is still written. */
  warn: (text: string) => void;
}

/**
 * The month's report as the renderers draw it, with the officer's summary template filled in;
 * `build --check` makes it too, so a broken template stops the check as it would stop the build.
 */
export async function reportDocument(request: ReportRequest): Promise<ReportDocument> {
  const { month, options } = request;
  const template = await summaryTemplate(request.data);
  try {
    return buildReport({
      contract: request.contract,
      months: request.shown,
      results: request.results,
      summaryTemplate: template.text,
      date: sourceDate(`${month}-01`).toISOString(),
      startPage: options.startPage,
      glance: request.glance,
    });
  } catch (error) {
    throw error instanceof TemplateError ? error.inFile(template.file) : error;
  }
}

/** One month's files, drawn but not yet written, with what the renderers warned about them. */
export interface DrawnReport {
  files: WrittenFile[];
  warnings: string[];
}

/**
 * Draws one month's appendices in every format asked for; nothing is written yet. A batch starts
 * the next month's drawing while this one's PDF is still on the worker thread (see build.ts), so
 * the warnings are kept with the files and said when they are written, in the months' order.
 */
export async function drawReport(request: ReportRequest, renderers: Renderers): Promise<DrawnReport> {
  const { month } = request;
  const document = await reportDocument(request);
  const files: Omit<WrittenFile, "path">[] = [];
  const warnings: string[] = [];
  for (const [format, rendered] of await renderers.render(document)) {
    const name = `appendices-${month}.${format}`;
    files.push({ name, bytes: rendered.bytes });
    for (const warning of rendered.warnings) warnings.push(`${name}: ${warning}`);
  }
  const json = await viewRenderer("json");
  files.push({
    name: `results-${month}.json`,
    bytes: Buffer.from(`${json(resultsView(request.results.get(month)!))}\n`),
  });
  return { files: files.map((file) => ({ ...file, path: join(request.out, file.name) })), warnings };
}

/** Says what the renderers warned about, then writes the files; nothing is written if one fails. */
export async function writeReport(request: ReportRequest, drawn: DrawnReport): Promise<WrittenFile[]> {
  for (const warning of drawn.warnings) request.warn(warning);
  await writeFilesAtomic(drawn.files);
  return drawn.files;
}

const templateCache = new Map<string, Promise<{ file: string; text: string }>>();

/** An officer's own wording in <data>/templates wins over the bundled template. Read once per run. */
function summaryTemplate(dataDir: string): Promise<{ file: string; text: string }> {
  let pending = templateCache.get(dataDir);
  if (!pending) {
    pending = (async () => {
      for (const dir of [join(dataDir, "templates"), BUNDLED_TEMPLATES]) {
        const file = join(dir, "summary.hbs");
        try {
          return { file, text: await readFile(file, "utf8") };
        } catch {
          // Not there: try the next place.
        }
      }
      throw new UsageError(DATA_WORDS.templateMissing(BUNDLED_TEMPLATES));
    })();
    templateCache.set(dataDir, pending);
  }
  return pending;
}
