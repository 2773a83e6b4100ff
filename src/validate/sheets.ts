import type { RawSheet, RawWorkbook } from "../read/raw-workbook.js";
import { normaliseHeader, SHEETS } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { closest } from "./header-map.js";

export type ReadSheetKey = "details" | "kpis" | "msrComments";
const READ: readonly ReadSheetKey[] = ["details", "kpis", "msrComments"];

/**
 * The sheets the validator reads, found by name ignoring case, spaces and non-breaking spaces.
 * A missing sheet names the sheets the file does have, and the likeliest one if it was renamed.
 */
export function findSheets(workbook: RawWorkbook): { sheets: Partial<Record<ReadSheetKey, RawSheet>>; findings: Finding[] } {
  const sheets: Partial<Record<ReadSheetKey, RawSheet>> = {};
  const findings: Finding[] = [];
  const byName = new Map<string, RawSheet>();
  for (const sheet of workbook.sheets) if (!byName.has(normaliseHeader(sheet.name))) byName.set(normaliseHeader(sheet.name), sheet);
  const expected = new Set(Object.values(SHEETS).map(normaliseHeader));
  const strays = workbook.sheets.filter((s) => !expected.has(normaliseHeader(s.name)));
  const suggested = new Set<RawSheet>();
  const have = workbook.sheets.map((s) => JSON.stringify(s.name)).join(", ") || "no sheets";
  for (const key of READ) {
    const sheet = byName.get(normaliseHeader(SHEETS[key]));
    if (sheet) {
      sheets[key] = sheet;
      continue;
    }
    const nearName = closest(SHEETS[key], strays.map((s) => s.name));
    const near = strays.find((s) => s.name === nearName);
    if (near) suggested.add(near);
    findings.push(
      finding("sheet-missing", `The workbook has no ${JSON.stringify(SHEETS[key])} sheet${near ? `; did you mean ${JSON.stringify(near.name)}? Rename it ${JSON.stringify(SHEETS[key])}.` : `. It has ${have}.`}`, {
        sheet: SHEETS[key], found: have, expected: Object.values(SHEETS).join(", "),
      }),
    );
  }
  for (const sheet of strays) {
    if (suggested.has(sheet)) continue; // already named in the missing sheet's "did you mean"
    findings.push(finding("sheet-unexpected", `Sheet ${JSON.stringify(sheet.name)} is not part of the return; it is ignored.`, { sheet: sheet.name, found: sheet.name, expected: Object.values(SHEETS).join(", ") }));
  }
  return { sheets, findings };
}
