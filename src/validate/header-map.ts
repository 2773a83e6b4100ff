import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, cellText } from "../read/raw-workbook.js";
import { normaliseHeader } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";

interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  /** Required columns are reported when absent; the others (the council's) may be left out. */
  required?: boolean;
}

export interface HeaderMap<K extends string> {
  columns: Map<K, number>;
  findings: Finding[];
}

/** Finds each expected column in the header row by its header text, wherever it stands. */
export function mapHeaders<K extends string>(sheet: RawSheet, specs: readonly ColumnSpec<K>[], headerRow = 1): HeaderMap<K> {
  const columns = new Map<K, number>();
  const findings: Finding[] = [];
  const byHeader = new Map(specs.map((s) => [normaliseHeader(s.header), s] as const));
  const present: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    const text = cellText(cellAt(sheet, headerRow, c));
    if (text === "") continue;
    present.push(text);
    const spec = byHeader.get(normaliseHeader(text));
    const cell = address(headerRow, c);
    if (!spec) {
      findings.push(
        finding("column-unexpected", `Column ${JSON.stringify(text)} in ${cell} is not part of the return; it is ignored.`, {
          sheet: sheet.name, cell, found: text, expected: closest(text, specs.map((s) => s.header)) ?? "one of the template's columns",
        }),
      );
      continue;
    }
    if (columns.has(spec.key)) {
      findings.push(
        finding("column-duplicated", `Column ${JSON.stringify(spec.header)} appears twice: ${address(headerRow, columns.get(spec.key)!)} and ${cell}.`, {
          sheet: sheet.name, cell, found: text, expected: "each column once",
        }),
      );
      continue;
    }
    columns.set(spec.key, c);
  }
  for (const spec of specs) {
    if (columns.has(spec.key) || spec.required === false) continue;
    const near = closest(spec.header, present);
    findings.push(
      finding("column-missing", `Column ${JSON.stringify(spec.header)} is missing from the header row${near ? `; did you mean ${JSON.stringify(near)}?` : "."}`, {
        sheet: sheet.name, cell: `${headerRow}:${headerRow}`, found: present.length ? present.join(", ") : "no headers", expected: spec.header,
      }),
    );
  }
  return { columns, findings };
}

/** The nearest of `options` to `text` by edit distance, if it is near enough to be a likely typo. */
export function closest(text: string, options: readonly string[]): string | undefined {
  const wanted = normaliseHeader(text);
  let best: { option: string; distance: number } | undefined;
  for (const option of options) {
    const distance = editDistance(wanted, normaliseHeader(option));
    if (!best || distance < best.distance) best = { option, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.option : undefined;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
