import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildReport } from "../model/report.js";
import { statusJson } from "../render/status-text.js";
import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { UsageError } from "../errors.js";
import { sourceDate } from "./source-date.js";
import { writeFileAtomic } from "./io.js";
import { PACKAGE_ROOT } from "../package-root.js";
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
  options: BuildOptions;
}

/** Draws one month's appendices in every format asked for, then writes them; nothing is written if a format fails. */
export async function renderReport(request: ReportRequest): Promise<WrittenFile[]> {
  const { month, options } = request;
  const document = buildReport({
    contract: request.contract,
    months: request.shown,
    results: request.results,
    summaryTemplate: await summaryTemplate(request.data),
    date: sourceDate(`${month}-01`).toISOString(),
    startPage: options.startPage,
  });
  const base = `appendices-${month}`;
  const files: Omit<WrittenFile, "path">[] = [];
  // Renderers are imported only here, so validate, status and template never load pdfkit or docx.
  if (options.formats.includes("pdf")) files.push({ name: `${base}.pdf`, bytes: await (await import("../render/pdf/index.js")).renderPdf(document) });
  if (options.formats.includes("docx")) files.push({ name: `${base}.docx`, bytes: await (await import("../render/docx/index.js")).renderDocx(document) });
  files.push({ name: `results-${month}.json`, bytes: Buffer.from(`${statusJson(request.results.get(month)!)}\n`) });
  const written: WrittenFile[] = [];
  for (const file of files) {
    const path = join(request.out, file.name);
    await writeFileAtomic(path, file.bytes);
    written.push({ ...file, path });
  }
  return written;
}

const templateCache = new Map<string, Promise<string>>();

/** An officer's own wording in <data>/templates wins over the bundled template. Read once per run. */
function summaryTemplate(dataDir: string): Promise<string> {
  let pending = templateCache.get(dataDir);
  if (!pending) {
    pending = (async () => {
      for (const dir of [join(dataDir, "templates"), BUNDLED_TEMPLATES]) {
        try {
          return await readFile(join(dir, "summary.hbs"), "utf8");
        } catch {
          // Not there: try the next place.
        }
      }
      throw new UsageError(`The summary template summary.hbs is missing from ${BUNDLED_TEMPLATES}.`);
    })();
    templateCache.set(dataDir, pending);
  }
  return pending;
}
