import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, cellText, isBlank } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import type { MsrComment } from "../schema/review.js";
import { MAX_COMMENTARY_LENGTH, MSR_COLUMNS } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { parseNumber, parseText } from "./cells.js";
import { mapHeaders } from "./header-map.js";
import { checkLayout, scanRows } from "./layout-checks.js";
import { checkMerges } from "./merges.js";
import { IdColumn } from "./id-cell.js";
import type { Id } from "../schema/id.js";

/** The council's comment on each MSR for the month. Rows without a comment are simply not reported. */
export function readMsrSheet(
  sheet: RawSheet,
  contract: Contract,
): { comments: MsrComment[]; findings: Finding[] } {
  const headers = mapHeaders(
    sheet,
    MSR_COLUMNS.map((c) => ({
      key: c.key,
      header: c.header,
      required: c.key === "msr" || c.key === "comment",
    })),
  );
  const findings = [...checkLayout(sheet, 2), ...headers.findings];
  const msrColumn = headers.columns.get("msr");
  const commentColumn = headers.columns.get("comment");
  const read = new Map<number, string>();
  if (msrColumn !== undefined) read.set(msrColumn, "MSR");
  if (commentColumn !== undefined) read.set(commentColumn, "Council comment");
  findings.push(...checkMerges(sheet, new Set(read.keys()), 2, (c) => read.get(c) ?? ""));
  if (msrColumn === undefined || commentColumn === undefined) return { comments: [], findings };
  const ids = new IdColumn(
    "MSR",
    contract.msrs.map((m) => m.number),
  );
  const seen = new Map<Id, string>();
  const comments: MsrComment[] = [];
  for (let r = 2; r <= scanRows(sheet); r++) {
    const numberValue = cellAt(sheet, r, msrColumn);
    if (isBlank(numberValue) && isBlank(cellAt(sheet, r, commentColumn))) continue;
    const cell = address(r, msrColumn);
    const commentCell = address(r, commentColumn);
    const comment = parseText(cellAt(sheet, r, commentColumn), {
      sheet: sheet.name,
      cell: commentCell,
      label: "Council comment",
    });
    findings.push(...comment.findings);
    if (isBlank(numberValue)) {
      findings.push(
        finding(
          "msr-unknown",
          `The comment in ${commentCell} has no MSR number in ${cell}, so it belongs to no MSR.`,
          { sheet: sheet.name, cell, found: "nothing", expected: ids.range() },
        ),
      );
      continue;
    }
    // "MSR 3" is read as 3, as the KPI sheet reads "KPI 7".
    const typed = ids.read(cellText(numberValue));
    if ("invalid" in typed) {
      // Not an id at all: the number check says what the cell holds instead ("holds the date 2022-03-04").
      const parsed = parseNumber(numberValue, { sheet: sheet.name, cell, label: "MSR" }, { whole: true });
      findings.push(
        ...(parsed.findings.length
          ? parsed.findings
          : [unknownMsr(cellText(numberValue), cell, sheet.name, ids)]),
      );
      continue;
    }
    if ("unknown" in typed) {
      findings.push(unknownMsr(typed.unknown, cell, sheet.name, ids));
      continue;
    }
    const number = { value: typed.id };
    if (seen.has(number.value)) {
      findings.push(
        finding(
          "msr-duplicated",
          `MSR ${number.value} has a second row at ${cell} (first at ${seen.get(number.value)}).`,
          { sheet: sheet.name, cell, found: `MSR ${number.value} twice`, expected: "one row per MSR" },
        ),
      );
      continue;
    }
    seen.set(number.value, cell);
    if (comment.value === undefined) continue;
    if (comment.value.length > MAX_COMMENTARY_LENGTH) {
      findings.push(
        finding(
          "commentary-too-long",
          `The comment on MSR ${number.value} is ${comment.value.length} characters long; the limit is ${MAX_COMMENTARY_LENGTH}.`,
          {
            sheet: sheet.name,
            cell: commentCell,
            found: `${comment.value.length} characters`,
            expected: `at most ${MAX_COMMENTARY_LENGTH}`,
          },
        ),
      );
      continue;
    }
    comments.push({ msr: number.value, comment: comment.value });
  }
  return { comments, findings };
}

function unknownMsr(typed: string, cell: string, sheet: string, ids: IdColumn): Finding {
  return finding("msr-unknown", `MSR ${typed} in ${cell} is not in the contract.`, {
    sheet,
    cell,
    found: typed,
    expected: ids.range(),
  });
}
