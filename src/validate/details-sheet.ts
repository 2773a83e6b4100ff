import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, cellText } from "../read/raw-workbook.js";
import { DETAIL_FIELDS, type DetailField } from "../schema/workbook-layout.js";
import { normaliseHeader } from "../text/closest.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { parseText } from "./cells.js";
import { checkLayout, scanRows } from "./layout-checks.js";
import { checkMerges } from "./merges.js";

export interface Details<F extends string = DetailField> {
  values: Partial<Record<F, string>>;
  /** Where each value sits, so later checks (month, contract) can point at it. */
  cells: Partial<Record<F, string>>;
  findings: Finding[];
}

/** Both workbooks name their contract and month; the rest of their details are optional. */
type Required = "contract" | "month";

/** The "Return" sheet (or the review's "Review" sheet): a label in column A, its value in column B, in any order. */
export function readDetails<F extends string = DetailField>(
  sheet: RawSheet,
  fields: Readonly<Record<F | Required, string>> = DETAIL_FIELDS as Record<F | Required, string>,
): Details<F | Required> {
  type Field = F | Required;
  // A Map keyed by known labels: a label read from the file is only ever looked up, never a key.
  const LABELS = new Map(
    (Object.entries(fields) as [Field, string][]).map(([key, label]) => [normaliseHeader(label), key]),
  );
  const REQUIRED: Field[] = ["contract", "month"];
  const values: Details<Field>["values"] = {};
  const cells: Details<Field>["cells"] = {};
  // Labels in A, values in B: a merge touching either hides a value or a label.
  const findings: Finding[] = [
    ...checkLayout(sheet, 1),
    ...checkMerges(sheet, new Set([1, 2]), 1, (c) => (c === 1 ? "the labels" : "the values")),
  ];
  const labelCells: Partial<Record<Field, string>> = {};
  for (let r = 1; r <= scanRows(sheet); r++) {
    const key = LABELS.get(normaliseHeader(cellText(cellAt(sheet, r, 1))));
    if (!key || labelCells[key]) continue;
    labelCells[key] = address(r, 1);
    const cell = address(r, 2);
    cells[key] = cell;
    const parsed = parseText(cellAt(sheet, r, 2), { sheet: sheet.name, cell, label: fields[key] });
    findings.push(...parsed.findings);
    if (parsed.value !== undefined) values[key] = parsed.value;
  }
  for (const key of REQUIRED) {
    if (values[key] !== undefined) continue;
    const where = cells[key];
    findings.push(
      finding(
        "field-missing",
        where ? `${fields[key]} in ${where} is empty.` : `The ${JSON.stringify(fields[key])} row is missing.`,
        {
          sheet: sheet.name,
          ...(where ? { cell: where } : {}),
          found: "nothing",
          expected: key === "month" ? "the month as YYYY-MM, e.g. 2022-09" : "the contract's identifier",
        },
      ),
    );
  }
  return { values, cells, findings };
}
