import { readFileSync, readdirSync } from "node:fs";
import { defaultSchedule, monthRange, scheduleResults } from "../../src/evaluate/index.js";
import type { ReportDocument } from "../../src/model/document.js";
import { buildReport } from "../../src/model/report.js";
import { readWorkbook } from "../../src/read/workbook.js";
import type { Month, MonthlyReturn } from "../../src/schema/return.js";
import type { MonthResults } from "../../src/schema/results.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { bundledContract, dataDir, repoRoot } from "./contract.js";

export interface BundledReportOptions {
  /** The reporting month (the last column of Appendix 1). */
  month?: Month;
  /** The first month shown; months without a bundled return show "No return". */
  from?: Month;
  startPage?: number;
  /** ISO date for the document's metadata. */
  date?: string;
}

const returnsCache = new Map<Month, MonthlyReturn>();

/** Every bundled return, read and validated as the CLI does, once per test file. */
async function bundledReturns(): Promise<Map<Month, MonthlyReturn>> {
  if (returnsCache.size) return returnsCache;
  const contract = bundledContract();
  const files = readdirSync(`${dataDir}returns`).filter((f) => /^\d{4}-\d{2}\.xlsx$/.test(f)).sort();
  for (const file of files) {
    const month = file.slice(0, 7) as Month;
    const result = validateReturn(await readWorkbook(`${dataDir}returns/${file}`), contract, { month });
    if (!result.value) throw new Error(`The bundled return ${file} does not validate: ${JSON.stringify(result.findings)}`);
    returnsCache.set(month, result.value);
  }
  return returnsCache;
}

/**
 * The report model for the bundled data (data/contract.json, data/returns/*.xlsx), built through the
 * same stages as `kpi-report build`: read, validate, evaluate, model. For renderer tests in any format.
 */
export async function bundledReport(options: BundledReportOptions = {}): Promise<ReportDocument> {
  const contract = bundledContract();
  const returns = await bundledReturns();
  const month = options.month ?? "2022-09";
  const months = monthRange(options.from ?? "2022-03", month);
  const results = scheduleResults(contract, months, returns);
  return buildReport({
    contract,
    months,
    results,
    summaryTemplate: readFileSync(`${repoRoot}templates/summary.hbs`, "utf8"),
    date: options.date ?? `${month}-01T00:00:00.000Z`,
    startPage: options.startPage ?? 1,
  });
}

/** One bundled month's results, evaluated and compared as `kpi-report build` does over its default schedule. */
export async function bundledResults(month: Month = "2022-09"): Promise<MonthResults> {
  const returns = await bundledReturns();
  return scheduleResults(bundledContract(), defaultSchedule(month, [...returns.keys()].sort()[0]!), returns).get(month)!;
}
