import { SHEET_BOUNDS } from "./limits.js";

/**
 * "B7" (or "$B$7") to {row: 7, column: 2}, or undefined when it is not a cell a spreadsheet can
 * have. Read character by character: it runs for every cell, and a regular expression with its
 * match array was a fifteenth of reading a 270-KPI return.
 */
export function parseCell(ref: string): { row: number; column: number } | undefined {
  let at = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  let column = 0;
  const lettersFrom = at;
  for (let c = ref.charCodeAt(at); c >= 65 && c <= 90; c = ref.charCodeAt(++at))
    column = column * 26 + c - 64;
  const letters = at - lettersFrom;
  if (letters < 1 || letters > 3) return undefined;
  if (ref.charCodeAt(at) === 36) at++;
  let row = 0;
  const digitsFrom = at;
  for (let c = ref.charCodeAt(at); c >= 48 && c <= 57; c = ref.charCodeAt(++at)) row = row * 10 + c - 48;
  const digits = at - digitsFrom;
  if (at !== ref.length || digits < 1 || digits > 7) return undefined;
  return row >= 1 && row <= SHEET_BOUNDS.rows && column <= SHEET_BOUNDS.columns ? { row, column } : undefined;
}
