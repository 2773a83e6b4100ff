import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluateMonth, monthRange, previousMonths, shiftMonth } from "../evaluate/index.js";
import { hasErrors } from "../findings/finding.js";
import { buildReport } from "../model/report.js";
import { findingsText } from "../render/findings-text.js";
import { statusJson } from "../render/status-text.js";
import type { Month } from "../schema/return.js";
import type { MonthResults } from "../schema/results.js";
import { UsageError } from "../errors.js";
import { loadMonths } from "./load-data.js";
import { lookBackMonths } from "./look-back.js";
import { sourceDate } from "./source-date.js";
import { writeFileAtomic, type CommandResult, type Io } from "./io.js";
import { BuildOptionsSchema, parseOptions, type BuildOptions } from "./options.js";

/** By default Appendix 1 shows the year to the reporting month, as far back as the data goes. */
export const DEFAULT_SPAN_MONTHS = 12;

const BUNDLED_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** `kpi-report build --month YYYY-MM`: Appendix 1 and 2 as PDF and DOCX, and the month's results as JSON. */
export async function buildCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(BuildOptionsSchema, raw);
  if (options.from && options.from > options.month) throw new UsageError(`--from ${options.from} is after --month ${options.month}.`);
  let shown: Month[] = [];
  const loaded = await loadMonths(
    options,
    (contract) => {
      shown = monthRange(options.from ?? shiftMonth(options.month, 1 - DEFAULT_SPAN_MONTHS), options.month);
      return [...previousMonths(shown[0]!, lookBackMonths(contract)), ...shown];
    },
    options.month,
  );
  const broken = loaded.files.filter((f) => hasErrors(f.findings));
  if (broken.length) {
    for (const file of broken) io.err(findingsText({ file: file.file, findings: file.findings }));
    io.err(`kpi-report: nothing was written; fix the return${broken.length > 1 ? "s" : ""} above first.`);
    return { failed: true };
  }
  // Without --from, the schedule starts where the data does rather than with columns of "No return".
  if (!options.from) shown = shown.filter((m) => m >= [...loaded.returns.keys()][0]!);
  const results = new Map<Month, MonthResults>();
  for (const month of shown) if (loaded.returns.has(month)) results.set(month, evaluateMonth(loaded.contract, month, loaded.returns));

  const document = buildReport({
    contract: loaded.contract,
    months: shown,
    results,
    summaryTemplate: await summaryTemplate(options),
    date: sourceDate(`${options.month}-01`).toISOString(),
    startPage: options.startPage,
  });
  const base = `appendices-${options.month}`;
  const outputs: [string, Uint8Array | string][] = [];
  // Everything is drawn before anything is written, so a failure leaves no partial set of files.
  if (options.formats.includes("pdf")) outputs.push([`${base}.pdf`, await (await import("../render/pdf/index.js")).renderPdf(document)]);
  if (options.formats.includes("docx")) outputs.push([`${base}.docx`, await (await import("../render/docx/index.js")).renderDocx(document)]);
  outputs.push([`results-${options.month}.json`, `${statusJson(results.get(options.month)!)}\n`]);
  for (const [name, bytes] of outputs) {
    const path = join(options.out, name);
    await writeFileAtomic(path, bytes);
    io.out(`Wrote ${path}`);
  }
  return { failed: false };
}

/** An officer's own wording in <data>/templates wins over the bundled template. */
async function summaryTemplate(options: BuildOptions): Promise<string> {
  for (const dir of [join(options.data, "templates"), BUNDLED_TEMPLATES]) {
    try {
      return await readFile(join(dir, "summary.hbs"), "utf8");
    } catch {
      // Not there: try the next place.
    }
  }
  throw new UsageError(`The summary template summary.hbs is missing from ${BUNDLED_TEMPLATES}.`);
}

