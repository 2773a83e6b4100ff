import type { RawSheet } from "../read/raw-workbook.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Merged cells matter only where the validator reads: a merged range keeps one value, in its
 * top-left cell, so the other cells of a merge over KPI rows read as empty. Merges elsewhere (a
 * title over the header row, the service criteria grouped down a reference column, as the printed
 * schedule does) are harmless and not reported.
 *
 * @param readColumns the columns whose cells are read as data
 * @param firstDataRow the first row read as data (below the header row)
 */
export function checkMerges(
  sheet: RawSheet,
  readColumns: ReadonlySet<number>,
  firstDataRow: number,
  names: (column: number) => string,
): Finding[] {
  const findings: Finding[] = [];
  for (const text of sheet.merges) {
    const range = parseRange(text);
    if (!range || range.bottom < firstDataRow) continue;
    const over = [...readColumns].filter((c) => c >= range.left && c <= range.right).sort((a, b) => a - b);
    if (over.length === 0) continue;
    findings.push(
      finding(
        "merged-cells",
        `Cells ${text} are merged over ${over.map(names).join(", ")}; only ${text.split(":")[0]} keeps its value, the other cells read as empty.`,
        {
          sheet: sheet.name,
          cell: text,
          found: `merged ${text}`,
          expected: "no merged cells here: unmerge them and fill each cell",
        },
      ),
    );
  }
  return findings;
}

export function parseRange(text: string): Range | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(text);
  if (!match) return undefined;
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const [a, b] = [column(match[1]!), column(match[3] ?? match[1]!)];
  const [r1, r2] = [Number(match[2]), Number(match[4] ?? match[2])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(a, b), right: Math.max(a, b) };
}
