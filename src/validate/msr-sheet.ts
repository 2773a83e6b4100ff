import type { RawSheet } from "../read/raw-workbook.js";
import { address, cellAt, isBlank } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import type { MsrComment } from "../schema/return.js";
import { MAX_COMMENTARY_LENGTH, MSR_COLUMNS } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { parseNumber, parseText } from "./cells.js";
import { mapHeaders } from "./header-map.js";

/** The council's comment on each MSR for the month. Rows without a comment are simply not reported. */
export function readMsrSheet(sheet: RawSheet, contract: Contract): { comments: MsrComment[]; findings: Finding[] } {
  const headers = mapHeaders(
    sheet,
    MSR_COLUMNS.map((c) => ({ key: c.key, header: c.header, required: c.key === "msr" || c.key === "comment" })),
  );
  const findings = [...headers.findings];
  const msrColumn = headers.columns.get("msr");
  const commentColumn = headers.columns.get("comment");
  if (msrColumn === undefined || commentColumn === undefined) return { comments: [], findings };
  const known = new Set(contract.msrs.map((m) => m.number));
  const seen = new Map<number, string>();
  const comments: MsrComment[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (isBlank(cellAt(sheet, r, msrColumn)) && isBlank(cellAt(sheet, r, commentColumn))) continue;
    const cell = address(r, msrColumn);
    const number = parseNumber(cellAt(sheet, r, msrColumn), { sheet: sheet.name, cell, label: "MSR" }, { whole: true });
    const commentCell = address(r, commentColumn);
    const comment = parseText(cellAt(sheet, r, commentColumn), { sheet: sheet.name, cell: commentCell, label: "Council comment" });
    findings.push(...number.findings, ...comment.findings);
    if (number.value === undefined) continue;
    if (!known.has(number.value)) {
      findings.push(finding("msr-unknown", `MSR ${number.value} in ${cell} is not in the contract.`, { sheet: sheet.name, cell, found: String(number.value), expected: `an MSR from 1 to ${Math.max(...known)}` }));
      continue;
    }
    if (seen.has(number.value)) {
      findings.push(finding("msr-duplicated", `MSR ${number.value} has a second row at ${cell} (first at ${seen.get(number.value)}).`, { sheet: sheet.name, cell, found: `MSR ${number.value} twice`, expected: "one row per MSR" }));
      continue;
    }
    seen.set(number.value, cell);
    if (comment.value === undefined) continue;
    if (comment.value.length > MAX_COMMENTARY_LENGTH) {
      findings.push(finding("commentary-too-long", `The comment on MSR ${number.value} is ${comment.value.length} characters long.`, { sheet: sheet.name, cell: commentCell, found: `${comment.value.length} characters`, expected: `at most ${MAX_COMMENTARY_LENGTH}` }));
      continue;
    }
    comments.push({ msr: number.value, comment: comment.value });
  }
  return { comments, findings };
}
