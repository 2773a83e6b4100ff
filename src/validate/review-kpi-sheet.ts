import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, cellText, isBlank } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import { OUTCOME_CHOICES, OUTCOMES, outcomeFromChoice } from "../schema/return.js";
import { joinList } from "../text/lists.js";
import type { ReviewKpi } from "../schema/review.js";
import {
  MAX_COMMENTARY_LENGTH,
  REVIEW_KPI_COLUMNS,
  type ReviewKpiColumnKey,
} from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { parseText, parseYesNo, type Parsed, type Place } from "./cells.js";
import { mapHeaders } from "./header-map.js";
import { IdColumn } from "./id-cell.js";
import { invalidKpiNumber, unknownKpi } from "./kpi-sheet.js";
import type { Id } from "../schema/id.js";
import { checkLayout, scanRows } from "./layout-checks.js";
import { checkMerges } from "./merges.js";

/** The council's columns: the only ones read. The others show the supplier's side, locked, for reference. */
const COUNCIL: readonly ReviewKpiColumnKey[] = [
  "verified",
  "verificationNote",
  "derived",
  "overrideOutcome",
  "overrideReason",
];
const HEADER = new Map<ReviewKpiColumnKey, string>(REVIEW_KPI_COLUMNS.map((c) => [c.key, c.header]));
const OUTCOME_LIST = joinList(
  OUTCOMES.map((o) => OUTCOME_CHOICES[o]),
  "or",
);

/** The review's "KPIs" sheet: per KPI, what the council says. A row with none of its columns filled says nothing. */
export function readReviewKpis(
  sheet: RawSheet,
  contract: Contract,
): { rows: ReviewKpi[]; findings: Finding[] } {
  const headers = mapHeaders(
    sheet,
    REVIEW_KPI_COLUMNS.map((c) => ({
      key: c.key,
      header: c.header,
      required: c.key === "kpi" || COUNCIL.includes(c.key),
    })),
  );
  const findings = [...checkLayout(sheet, 2), ...headers.findings];
  const read = new Map(
    COUNCIL.concat("kpi").flatMap((key) =>
      headers.columns.has(key) ? [[headers.columns.get(key)!, HEADER.get(key)!] as const] : [],
    ),
  );
  findings.push(...checkMerges(sheet, new Set(read.keys()), 2, (c) => read.get(c) ?? ""));
  const kpiColumn = headers.columns.get("kpi");
  if (kpiColumn === undefined) return { rows: [], findings };
  const ids = new IdColumn(
    "KPI",
    contract.kpis.map((k) => k.number),
  );
  const seen = new Map<Id, string>();
  const rows: ReviewKpi[] = [];
  for (let r = 2; r <= scanRows(sheet); r++) {
    const councilCells = COUNCIL.flatMap((key) =>
      headers.columns.has(key) ? [cellAt(sheet, r, headers.columns.get(key)!)] : [],
    );
    if (councilCells.every(isBlank)) continue;
    const cell = address(r, kpiColumn);
    const typed = ids.read(cellText(cellAt(sheet, r, kpiColumn)));
    if ("invalid" in typed) {
      findings.push(invalidKpiNumber(r, cell, sheet.name, cellText(cellAt(sheet, r, kpiColumn)), ids));
      continue;
    }
    if ("unknown" in typed) {
      findings.push(unknownKpi(typed.unknown, { sheet: sheet.name, cell }, ids));
      continue;
    }
    const number = typed.id;
    if (seen.has(number)) {
      findings.push(
        finding(
          "kpi-duplicated",
          `KPI ${number} has a second row at ${cell} (first at ${seen.get(number)}); only the first is read.`,
          { sheet: sheet.name, cell, found: `KPI ${number} twice`, expected: "one row per KPI" },
        ),
      );
      continue;
    }
    seen.set(number, cell);
    const checked = reviewRow(sheet.name, number, (key) => {
      const column = headers.columns.get(key);
      return column === undefined
        ? { value: { type: "empty" }, cell: undefined }
        : { value: cellAt(sheet, r, column), cell: address(r, column) };
    });
    findings.push(...checked.findings);
    if (checked.row) rows.push(checked.row);
  }
  return { rows, findings };
}

type Cells = (key: ReviewKpiColumnKey) => { value: ReturnType<typeof cellAt>; cell: string | undefined };

function reviewRow(sheet: string, kpi: Id, cells: Cells): { row?: ReviewKpi; findings: Finding[] } {
  const findings: Finding[] = [];
  const unreadable = new Set<ReviewKpiColumnKey>();
  const place = (key: ReviewKpiColumnKey): Place => ({
    sheet,
    cell: cells(key).cell ?? "",
    label: HEADER.get(key)!,
  });
  const take = <T>(key: ReviewKpiColumnKey, parsed: Parsed<T>) => {
    if (parsed.findings.length || cells(key).cell === undefined) unreadable.add(key);
    findings.push(...parsed.findings);
    return parsed.value;
  };
  const text = (key: ReviewKpiColumnKey) => {
    const value = take(key, parseText(cells(key).value, place(key)));
    if (value !== undefined && value.length > MAX_COMMENTARY_LENGTH) {
      findings.push(
        finding(
          "commentary-too-long",
          `${HEADER.get(key)} for KPI ${kpi} is ${value.length} characters long; the limit is ${MAX_COMMENTARY_LENGTH}.`,
          {
            ...place(key),
            found: `${value.length} characters`,
            expected: `at most ${MAX_COMMENTARY_LENGTH}`,
          },
        ),
      );
      return undefined;
    }
    return value;
  };
  const verified = take("verified", parseYesNo(cells("verified").value, place("verified")));
  const verificationNote = text("verificationNote");
  const derived = take("derived", parseYesNo(cells("derived").value, place("derived")));
  const overrideText = take(
    "overrideOutcome",
    parseText(cells("overrideOutcome").value, place("overrideOutcome")),
  );
  const overrideReason = text("overrideReason");

  const row: ReviewKpi = { kpi };
  if (overrideText !== undefined) {
    const outcome = outcomeFromChoice(overrideText);
    if (!outcome) {
      findings.push(
        finding(
          "override-invalid",
          `Outcome override ${JSON.stringify(overrideText)} for KPI ${kpi} is not an outcome.`,
          { ...place("overrideOutcome"), found: overrideText, expected: OUTCOME_LIST },
        ),
      );
    } else if (overrideReason === undefined && !unreadable.has("overrideReason")) {
      findings.push(
        finding(
          "override-without-reason",
          `KPI ${kpi} overrides the outcome to ${JSON.stringify(overrideText)} without a reason.`,
          {
            ...place("overrideReason"),
            found: "nothing",
            expected: "the reason, in words, for the override",
          },
        ),
      );
    } else if (overrideReason !== undefined) {
      row.override = { outcome, reason: overrideReason };
    }
  } else if (overrideReason !== undefined && !unreadable.has("overrideOutcome")) {
    findings.push(
      finding(
        "reason-without-override",
        `KPI ${kpi} has an override reason but no override outcome; the reason is ignored.`,
        {
          ...place("overrideReason"),
          found: overrideReason.slice(0, 40),
          expected: "an Outcome override beside it, or no reason",
        },
      ),
    );
  }
  if (findings.some((f) => f.severity === "error")) return { findings };
  if (verified !== undefined) row.verified = verified;
  if (verificationNote !== undefined) row.verificationNote = verificationNote;
  if (derived) row.derived = true;
  return { row, findings };
}
