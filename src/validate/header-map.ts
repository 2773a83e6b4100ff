import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, cellText, columnLetter, isBlank } from "../read/raw-workbook.js";
import { closest, normaliseHeader } from "../text/closest.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { scanColumns, scanRows } from "./layout-checks.js";
import { parseRange } from "./merges.js";

export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  /** Required columns are reported when absent; the others (the council's) may be left out. */
  required?: boolean;
}

export interface HeaderMap<K extends string> {
  columns: Map<K, number>;
  findings: Finding[];
}

/**
 * Finds each expected column in the header row by its header text, wherever it stands, ignoring
 * case and spaces. A header that is not expected but is close to a missing one is reported as
 * that column renamed, at its own cell, rather than as one column missing and another unknown.
 */
export function mapHeaders<K extends string>(
  sheet: RawSheet,
  specs: readonly ColumnSpec<K>[],
  headerRow = 1,
  ignore: ReadonlySet<number> = new Set(),
): HeaderMap<K> {
  const columns = new Map<K, number>();
  const findings: Finding[] = [];
  const byHeader = new Map(specs.map((s) => [normaliseHeader(s.header), s] as const));
  const strays: { text: string; column: number }[] = [];
  const unlabelled: number[] = [];
  for (let c = 1; c <= scanColumns(sheet); c++) {
    if (ignore.has(c)) continue; // another check's columns
    const text = cellText(cellAt(sheet, headerRow, c));
    if (text === "") {
      unlabelled.push(c);
      continue;
    }
    const spec = byHeader.get(normaliseHeader(text));
    const cell = address(headerRow, c);
    if (!spec) strays.push({ text, column: c });
    else if (columns.has(spec.key)) {
      findings.push(
        finding(
          "column-duplicated",
          `Column ${JSON.stringify(spec.header)} appears twice: ${address(headerRow, columns.get(spec.key)!)} and ${cell}; only the first is read.`,
          {
            sheet: sheet.name,
            cell,
            found: text,
            expected: "each column once",
          },
        ),
      );
    } else columns.set(spec.key, c);
  }
  const renamed = new Set<number>();
  for (const spec of specs) {
    if (columns.has(spec.key)) continue;
    const near = nearestHeader(
      spec.header,
      strays.filter((s) => !renamed.has(s.column)),
    );
    if (near) {
      // Read the column all the same, so its figures are checked in this pass rather than after the header is fixed.
      renamed.add(near.column);
      columns.set(spec.key, near.column);
      const cell = address(headerRow, near.column);
      findings.push(
        finding(
          "column-renamed",
          `Column header ${JSON.stringify(near.text)} in ${cell} is not one the return has; did you mean ${JSON.stringify(spec.header)}?`,
          {
            sheet: sheet.name,
            cell,
            found: near.text,
            expected: spec.header,
          },
        ),
      );
    } else if (spec.required !== false) {
      findings.push(
        finding(
          "column-missing",
          `Column ${JSON.stringify(spec.header)} is missing from the header row (row ${headerRow}).`,
          {
            sheet: sheet.name,
            cell: `${headerRow}:${headerRow}`,
            found: "no such header",
            expected: spec.header,
          },
        ),
      );
    }
  }
  for (const stray of strays) {
    if (renamed.has(stray.column)) continue;
    findings.push(
      finding(
        "column-unexpected",
        `Column ${JSON.stringify(stray.text)} in ${address(headerRow, stray.column)} is not part of the return; it is ignored.`,
        {
          sheet: sheet.name,
          cell: address(headerRow, stray.column),
          found: stray.text,
          expected: "one of the template's columns",
        },
      ),
    );
  }
  findings.push(...unlabelledData(sheet, unlabelled, headerRow));
  return { columns, findings };
}

/**
 * Figures typed into a column with no header would be silently lost: say where the first one is.
 * A column under a header merged across several columns is labelled by that header.
 */
function unlabelledData(sheet: RawSheet, columns: readonly number[], headerRow: number): Finding[] {
  const findings: Finding[] = [];
  const headerMerges = sheet.merges
    .map(parseRange)
    .filter((r) => r !== undefined && r.top <= headerRow && r.bottom >= headerRow);
  for (const c of columns) {
    if (headerMerges.some((r) => r!.left <= c && r!.right >= c)) continue;
    for (let r = headerRow + 1; r <= scanRows(sheet); r++) {
      if (isBlank(cellAt(sheet, r, c))) continue;
      const cell = address(r, c);
      findings.push(
        finding(
          "column-unlabelled",
          `${cell} holds ${JSON.stringify(cellText(cellAt(sheet, r, c)).slice(0, 40))}, but column ${columnLetter(c)} has no header; it is ignored.`,
          {
            sheet: sheet.name,
            cell,
            found: "data under an empty header",
            expected: "data only in the return's columns",
          },
        ),
      );
      break;
    }
  }
  return findings;
}

/** A header that is a typo of `wanted` or contains it as a whole word ("Achieved (number)"). */
function nearestHeader(wanted: string, candidates: readonly { text: string; column: number }[]) {
  const target = normaliseHeader(wanted);
  const byWord = candidates.find((c) =>
    new RegExp(`(^|\\W)${escape(target)}(\\W|$)`).test(normaliseHeader(c.text)),
  );
  if (byWord) return byWord;
  const nearText = closest(
    wanted,
    candidates.map((c) => c.text),
  );
  return nearText === undefined ? undefined : candidates.find((c) => c.text === nearText);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
