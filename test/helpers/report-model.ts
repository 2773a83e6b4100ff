import { readFileSync } from "node:fs";
import { defaultSchedule, monthRange, scheduleResults } from "../../src/evaluate/index.js";
import type { ReportDocument } from "../../src/model/document.js";
import { buildReport } from "../../src/model/report.js";
import type { Contract } from "../../src/schema/contract.js";
import type { Month } from "../../src/schema/return.js";
import type { MonthResults } from "../../src/schema/results.js";
import { bundledData } from "./bundled-data.js";
import { bundledContract, repoRoot } from "./contract.js";

export interface BundledReportOptions {
  /** The reporting month (the last column of Appendix 1). */
  month?: Month;
  /** The first month shown; months without a bundled return show "No return". */
  from?: Month;
  startPage?: number;
  /** ISO date for the document's metadata. */
  date?: string;
  /** false leaves the summary at a glance out, as build --no-glance does. */
  glance?: boolean;
  /** Another contract in place of data/contract.json's (its KPIs and MSRs must still fit the bundled returns). */
  contract?: Contract;
}

/**
 * The report model for the bundled data (data/contract.json, data/returns/*.xlsx, data/reviews/*.xlsx), built through the
 * same stages as `kpi-report build`: read, validate, evaluate, model. For renderer tests in any format.
 */
export async function bundledReport(options: BundledReportOptions = {}): Promise<ReportDocument> {
  const contract = options.contract ?? bundledContract();
  const { returns, reviews } = await bundledData();
  const month = options.month ?? "2022-09";
  const months = monthRange(options.from ?? "2022-03", month);
  const results = scheduleResults(contract, months, returns, reviews);
  return buildReport({
    contract,
    months,
    results,
    summaryTemplate: readFileSync(`${repoRoot}templates/summary.hbs`, "utf8"),
    date: options.date ?? `${month}-01T00:00:00.000Z`,
    startPage: options.startPage ?? 1,
    ...(options.glance === undefined ? {} : { glance: options.glance }),
  });
}

/** One bundled month's results, evaluated and compared as `kpi-report build` does over its default schedule. */
export async function bundledResults(month: Month = "2022-09"): Promise<MonthResults> {
  const { returns, reviews } = await bundledData();
  return scheduleResults(
    bundledContract(),
    defaultSchedule(month, [...returns.keys()].sort()[0]!),
    returns,
    reviews,
  ).get(month)!;
}
