import type { CellValue } from "../read/raw-workbook.js";
import { KPI_STATUSES, outcomeFromWords, type KpiStatus, type ReturnKpi } from "../schema/return.js";
import { KPI_COLUMNS, MAX_COMMENTARY_LENGTH, type KpiColumnKey } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { parseNumber, parseText, parseYesNo, type Place } from "./cells.js";
import { closest } from "./header-map.js";

export type RowCells = (key: KpiColumnKey) => { value: CellValue; cell: string | undefined };

/** The tolerance for a stated percentage against achieved/total: suppliers round, and sometimes truncate. */
const PERCENT_TOLERANCE = 0.5;

const header = (key: KpiColumnKey) => KPI_COLUMNS.find((c) => c.key === key)!.header;

/** One KPI row: each cell parsed, then the rules that tie the cells together. */
export function checkRow(sheet: string, kpi: number, cells: RowCells): { row?: ReturnKpi; findings: Finding[] } {
  const findings: Finding[] = [];
  const place = (key: KpiColumnKey): Place => ({ sheet, cell: cells(key).cell ?? "", label: header(key) });
  const take = <T>(parsed: { value: T | undefined; findings: Finding[] }) => {
    findings.push(...parsed.findings);
    return parsed.value;
  };
  const count = (key: "achieved" | "total" | "count") => take(parseNumber(cells(key).value, place(key), { whole: true }));

  const statusText = take(parseText(cells("status").value, place("status")));
  const status = statusText === undefined ? undefined : statusFromText(statusText);
  if (statusText === undefined) {
    findings.push(finding("status-missing", `KPI ${kpi} has no status in ${place("status").cell}.`, { ...place("status"), found: "nothing", expected: "measured, not captured, not applicable, no service running or not due" }));
  } else if (status === undefined) {
    const near = nearestStatus(statusText);
    findings.push(
      finding("status-unknown", `Status ${JSON.stringify(statusText)} for KPI ${kpi} is not one of the list${near ? `; did you mean ${JSON.stringify(near)}?` : "."}`, {
        ...place("status"), found: statusText, expected: "measured, not captured, not applicable, no service running or not due",
      }),
    );
  }
  const achieved = count("achieved");
  const total = count("total");
  const countValue = count("count");
  const percentage = take(parseNumber(cells("percentage").value, place("percentage"), { whole: false, max: 100 }));
  const commentary = take(parseText(cells("commentary").value, place("commentary"))) ?? "";
  const verified = take(parseYesNo(cells("verified").value, place("verified")));
  const verificationNote = take(parseText(cells("verificationNote").value, place("verificationNote")));
  const overrideText = take(parseText(cells("overrideOutcome").value, place("overrideOutcome")));
  const overrideReason = take(parseText(cells("overrideReason").value, place("overrideReason")));

  if (commentary.length > MAX_COMMENTARY_LENGTH) {
    findings.push(finding("commentary-too-long", `Commentary for KPI ${kpi} is ${commentary.length} characters long.`, { ...place("commentary"), found: `${commentary.length} characters`, expected: `at most ${MAX_COMMENTARY_LENGTH}` }));
  }
  const hasFigures = [achieved, total, countValue, percentage].some((v) => v !== undefined);
  if (status === "measured" && !hasFigures && findings.every((f) => f.severity !== "error")) {
    findings.push(finding("figures-missing", `KPI ${kpi} is "measured" but has no figures.`, { ...place("achieved"), found: "no Achieved, Out of, Count or Percentage", expected: "the figures, or another status" }));
  }
  if (status !== undefined && status !== "measured" && hasFigures) {
    findings.push(finding("figures-unexpected", `KPI ${kpi} is "${status}" but has figures.`, { ...place("achieved"), found: "figures", expected: `no figures, or the status "measured"` }));
  }
  if ((achieved === undefined) !== (total === undefined) && cells("achieved").value.type !== "error" && cells("total").value.type !== "error") {
    const missing = achieved === undefined ? "achieved" : "total";
    findings.push(finding("achieved-without-total", `KPI ${kpi} gives ${header(missing === "achieved" ? "total" : "achieved")} without ${header(missing)}.`, { ...place(missing), found: "nothing", expected: "both Achieved and Out of, or neither" }));
  }
  if (achieved !== undefined && total !== undefined) {
    if (achieved > total) {
      findings.push(finding("achieved-exceeds-total", `KPI ${kpi}: Achieved (${achieved}) is more than Out of (${total}).`, { ...place("achieved"), found: `${achieved} of ${total}`, expected: `at most ${total}` }));
    } else if (total === 0) {
      findings.push(finding("total-zero", `KPI ${kpi}: Out of is 0, read as no activity this month.`, { ...place("total"), found: "0", expected: "the number of cases, or the status \"not applicable\"" }));
    } else if (percentage !== undefined && Math.abs((achieved / total) * 100 - percentage) > PERCENT_TOLERANCE) {
      const computed = Math.round((achieved / total) * 1000) / 10;
      findings.push(finding("percentage-contradicts", `KPI ${kpi}: ${percentage}% does not match ${achieved} of ${total} (${computed}%).`, { ...place("percentage"), found: `${percentage}`, expected: `${computed}, or leave it empty` }));
    }
  }
  let override: ReturnKpi["override"];
  if (overrideText !== undefined) {
    const outcome = outcomeFromWords(overrideText);
    if (!outcome) {
      findings.push(finding("override-invalid", `Outcome override ${JSON.stringify(overrideText)} for KPI ${kpi} is not an outcome.`, { ...place("overrideOutcome"), found: overrideText, expected: "Met, Not met, Not captured, Not applicable or Not due" }));
    } else if (overrideReason === undefined) {
      findings.push(finding("override-without-reason", `KPI ${kpi} overrides the outcome to ${JSON.stringify(overrideText)} without a reason.`, { ...place("overrideReason"), found: "nothing", expected: "the reason, in words, for the override" }));
    } else {
      override = { outcome, reason: overrideReason };
    }
  } else if (overrideReason !== undefined) {
    findings.push(finding("reason-without-override", `KPI ${kpi} has an override reason but no override outcome; the reason is ignored.`, { ...place("overrideReason"), found: overrideReason.slice(0, 40), expected: "an Outcome override beside it, or no reason" }));
  }
  if (status === undefined || findings.some((f) => f.severity === "error")) return { findings };
  const row: ReturnKpi = { kpi, status, commentary };
  if (achieved !== undefined) row.achieved = achieved;
  if (total !== undefined) row.total = total;
  if (countValue !== undefined) row.count = countValue;
  if (percentage !== undefined) row.percentage = percentage;
  if (verified !== undefined) row.verified = verified;
  if (verificationNote !== undefined) row.verificationNote = verificationNote;
  if (override) row.override = override;
  return { row, findings };
}

function statusFromText(text: string): KpiStatus | undefined {
  const wanted = text.replace(/[\u00a0\s]+/g, " ").trim().toLowerCase();
  return KPI_STATUSES.find((s) => s === wanted);
}

function nearestStatus(text: string): string | undefined {
  return closest(text, KPI_STATUSES);
}
