import type { CellValue } from "../read/raw-workbook.js";
import { isBlank } from "../read/raw-workbook.js";
import { joinList } from "../text/lists.js";
import { KPI_STATUSES, type KpiStatus, type ReturnKpi } from "../schema/return.js";
import { KPI_COLUMNS, MAX_COMMENTARY_LENGTH, type KpiColumnKey } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { parseNumber, parseText, type Parsed, type Place } from "./cells.js";
import { checkFigures, type Figures } from "./kpi-figures.js";
import { checkNeeded } from "./kpi-needs.js";
import { targetList, type Targets } from "../schema/target.js";
import { lookAlikeNote } from "../text/look-alike.js";
import { closest } from "../text/closest.js";
import type { Id } from "../schema/id.js";

export type RowCells = (key: KpiColumnKey) => { value: CellValue; cell: string | undefined };

const HEADER = new Map<KpiColumnKey, string>(KPI_COLUMNS.map((c) => [c.key, c.header]));
const STATUS_LIST = joinList(KPI_STATUSES, "or");

/**
 * One KPI row: each cell parsed on its own, then the rules that tie the cells together. A cell
 * that could not be read is reported once, by its parser; the rules that would need its value
 * stay silent, so one mistake gives one finding.
 */
export function checkRow(
  sheet: string,
  kpi: Id,
  targets: Targets,
  cells: RowCells,
): { row?: ReturnKpi; findings: Finding[] } {
  // What the supplier is asked for follows the latest target; a value or an average may have decimals.
  const list = targetList(targets);
  const target = list.at(-1)!;
  const measured = list.some((t) => t.kind === "value" || t.kind === "average");
  const findings: Finding[] = [];
  const place = (key: KpiColumnKey): Place => ({
    sheet,
    cell: cells(key).cell ?? "",
    label: HEADER.get(key)!,
  });
  // Cells whose value is unknown: a finding of their own, or a column the sheet lacks (reported once, by the header check).
  const unreadable = new Set<KpiColumnKey>(
    KPI_COLUMNS.map((c) => c.key).filter((key) => cells(key).cell === undefined),
  );
  const take = <T>(key: KpiColumnKey, parsed: Parsed<T>) => {
    // A warning (a character replaced) leaves the value known; only an error leaves it unknown.
    if (parsed.findings.some((f) => f.severity === "error")) unreadable.add(key);
    findings.push(...parsed.findings);
    return parsed.value;
  };
  const count = (key: "achieved" | "total" | "count") =>
    take(key, parseNumber(cells(key).value, place(key), { whole: !(key === "count" && measured) }));

  const status = readStatus(kpi, cells("status").value, place("status"), take, findings);
  const figures: Figures = {
    achieved: count("achieved"),
    total: count("total"),
    count: count("count"),
    percentage: take(
      "percentage",
      parseNumber(cells("percentage").value, place("percentage"), {
        whole: false,
        max: 100,
        percentage: true,
      }),
    ),
  };
  const stated = cells("percentage").value;
  // 0.995 typed into a cell without a percentage format: a fraction meant as 99.5%, or 0.995%?
  const maybeFraction =
    stated.type === "number" && stated.format !== "percent" && stated.value > 0 && stated.value <= 1;
  const commentary = take("commentary", parseText(cells("commentary").value, place("commentary"))) ?? "";

  if (commentary.length > MAX_COMMENTARY_LENGTH) {
    findings.push(
      finding(
        "commentary-too-long",
        `Commentary for KPI ${kpi} is ${commentary.length} characters long; the limit is ${MAX_COMMENTARY_LENGTH}.`,
        {
          ...place("commentary"),
          found: `${commentary.length} characters`,
          expected: `at most ${MAX_COMMENTARY_LENGTH}`,
        },
      ),
    );
  }
  findings.push(
    ...checkFigures(kpi, status, figures, unreadable, place, maybeFraction),
    ...checkNeeded(kpi, target, status, figures, unreadable, place),
  );

  if (status === undefined || findings.some((f) => f.severity === "error")) return { findings };
  const row: ReturnKpi = { kpi, status, commentary };
  if (figures.achieved !== undefined) row.achieved = figures.achieved;
  if (figures.total !== undefined) row.total = figures.total;
  if (figures.count !== undefined) row.count = figures.count;
  if (figures.percentage !== undefined) row.percentage = figures.percentage;
  return { row, findings };
}

function readStatus(
  kpi: Id,
  value: CellValue,
  place: Place,
  take: <T>(key: KpiColumnKey, parsed: Parsed<T>) => T | undefined,
  findings: Finding[],
): KpiStatus | undefined {
  const text = take("status", parseText(value, place));
  if (text === undefined) {
    if (isBlank(value))
      findings.push(
        finding("status-missing", `KPI ${kpi} has no status in ${place.cell}.`, {
          ...place,
          found: "nothing",
          expected: STATUS_LIST,
        }),
      );
    return undefined;
  }
  const wanted = text
    .replace(/[\u00a0\s]+/g, " ")
    .trim()
    .toLowerCase();
  const status = KPI_STATUSES.find((s) => s === wanted);
  if (status) return status;
  const near = closest(text, KPI_STATUSES);
  const lookAlike = near === undefined ? undefined : lookAlikeNote(text, near);
  findings.push(
    finding(
      "status-unknown",
      `Status ${JSON.stringify(text)} for KPI ${kpi} is not one of the list${lookAlike ? `: ${lookAlike}.` : near ? `; did you mean ${JSON.stringify(near)}?` : "."}`,
      {
        ...place,
        found: text,
        expected: STATUS_LIST,
      },
    ),
  );
  return undefined;
}
