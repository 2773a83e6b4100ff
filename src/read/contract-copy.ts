import { createHash } from "node:crypto";
import type ExcelJS from "exceljs";
import { CONTRACT_COPY_SHEET } from "../schema/workbook-layout.js";
import { cellAt, cellText, findSheet, type RawWorkbook } from "./raw-workbook.js";

/**
 * The copy of the council's contract a template-made return carries (hidden sheet
 * CONTRACT_COPY_SHEET), so a supplier can check the return with `kpi-report validate FILE` anywhere.
 * The copy is the contract's JSON in column A from row FIRST_ROW, in pieces a cell can hold, with
 * the SHA-256 of the whole copy (so a copy that was changed is not used) and of the council's
 * contract.json as it was read (so the council can tell which version the template was made from).
 *
 * It is only ever a convenience for the supplier: the return is the supplier's file, so add and
 * build never read it, and always check the return against the council's own contract.
 */
const FIRST_ROW = 5;
/** Below Excel's 32,767 characters a cell holds. */
const PIECE = 30_000;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export interface ContractCopy {
  json: unknown;
  /** The SHA-256 of the contract.json the template was made from. */
  contractSha256: string;
}

/** Adds the hidden sheet to a return being made. */
export function addContractCopy(workbook: ExcelJS.Workbook, contract: unknown, contractSha256: string): void {
  const text = JSON.stringify(contract);
  const sheet = workbook.addWorksheet(CONTRACT_COPY_SHEET, { state: "hidden" });
  sheet.getCell("A1").value =
    "kpi-report reads this sheet to check the return where the council's contract.json is not at hand. It is a copy of the council's contract; the council checks the return against its own. Do not change it.";
  sheet.getCell("A2").value = "contract.json SHA-256";
  sheet.getCell("B2").value = contractSha256;
  sheet.getCell("A3").value = "This copy's SHA-256";
  sheet.getCell("B3").value = sha256(text);
  for (let i = 0; i * PIECE < text.length; i++)
    sheet.getCell(`A${FIRST_ROW + i}`).value = text.slice(i * PIECE, (i + 1) * PIECE);
}

/**
 * The copy a return carries: undefined when it carries none, a problem in words when the copy is
 * not the one the template wrote (changed, cut, or not JSON).
 */
export function readContractCopy(workbook: RawWorkbook): ContractCopy | { problem: string } | undefined {
  const sheet = findSheet(workbook, CONTRACT_COPY_SHEET);
  if (!sheet) return undefined;
  const contractSha256 = cellText(cellAt(sheet, 2, 2)).trim();
  const recorded = cellText(cellAt(sheet, 3, 2)).trim();
  let text = "";
  for (let row = FIRST_ROW; row <= sheet.rowCount; row++) text += cellText(cellAt(sheet, row, 1));
  if (!/^[0-9a-f]{64}$/.test(contractSha256) || sha256(text) !== recorded)
    return { problem: `the copy of the contract in its "${CONTRACT_COPY_SHEET}" sheet has been changed` };
  try {
    return { json: JSON.parse(text), contractSha256 };
  } catch {
    return { problem: `the copy of the contract in its "${CONTRACT_COPY_SHEET}" sheet is not whole` };
  }
}
