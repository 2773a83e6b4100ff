import type { RawSheet, RawWorkbook } from "../read/raw-workbook.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { closest, normaliseHeader } from "../text/closest.js";

/** A sheet found by name ignoring case, spaces and non-breaking spaces. */
export function sheetNamed(workbook: RawWorkbook, name: string): RawSheet | undefined {
  const wanted = normaliseHeader(name);
  return workbook.sheets.find((s) => normaliseHeader(s.name) === wanted);
}

/**
 * The sheets the validator reads (`read`), found by name ignoring case, spaces and non-breaking
 * spaces. A missing sheet names the sheets the file does have, and the likeliest one if it was
 * renamed. Sheets neither read, `known` (Instructions) nor `checkedElsewhere` are reported as
 * not part of the workbook.
 */
export function findSheets<K extends string>(
  workbook: RawWorkbook,
  read: Readonly<Record<K, string>>,
  others: { known?: readonly string[]; checkedElsewhere?: readonly string[] } = {},
): { sheets: Partial<Record<K, RawSheet>>; findings: Finding[] } {
  const sheets: Partial<Record<K, RawSheet>> = {};
  const findings: Finding[] = [];
  const names = [...new Set([...(others.known ?? []), ...Object.values<string>(read)])];
  const expected = new Set([...names, ...(others.checkedElsewhere ?? [])].map(normaliseHeader));
  const strays = workbook.sheets.filter((s) => !expected.has(normaliseHeader(s.name)));
  const suggested = new Set<RawSheet>();
  const have = workbook.sheets.map((s) => JSON.stringify(s.name)).join(", ") || "no sheets";
  for (const key of Object.keys(read) as K[]) {
    const name = read[key];
    const sheet = sheetNamed(workbook, name);
    if (sheet) {
      sheets[key] = sheet;
      continue;
    }
    const nearName = closest(
      name,
      strays.map((s) => s.name),
    );
    const near = strays.find((s) => s.name === nearName);
    if (near) suggested.add(near);
    findings.push(
      finding(
        "sheet-missing",
        `The workbook has no ${JSON.stringify(name)} sheet${near ? `; did you mean ${JSON.stringify(near.name)}? Rename it ${JSON.stringify(name)}.` : `. It has ${have}.`}`,
        {
          sheet: name,
          found: have,
          expected: names.join(", "),
        },
      ),
    );
  }
  for (const sheet of strays) {
    if (suggested.has(sheet)) continue; // already named in the missing sheet's "did you mean"
    findings.push(
      finding(
        "sheet-unexpected",
        `Sheet ${JSON.stringify(sheet.name)} is not part of the workbook; it is ignored.`,
        { sheet: sheet.name, found: sheet.name, expected: names.join(", ") },
      ),
    );
  }
  return { sheets, findings };
}
