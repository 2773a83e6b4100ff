import type { CellValue } from "../read/raw-workbook.js";
import { finding } from "../findings/catalogue.js";
import type { Place, Parsed } from "./cells.js";
import { parseText } from "./cells.js";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// A UK council types day first: 14/10/2022, 14.10.2022 or 14-10-2022.
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A day as YYYY-MM-DD, from a date cell (as the spreadsheet stored it) or text typed ISO or day first. */
export function parseDay(value: CellValue, place: Place): Parsed<string> {
  if (value.type === "date") return { value: value.value.slice(0, 10), findings: [] };
  const text = parseText(value, place);
  if (text.value === undefined) return text;
  const iso = ISO.exec(text.value);
  const uk = DAY_FIRST.exec(text.value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  const day = y && m && d ? `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : undefined;
  if (day && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day)
    return { value: day, findings: text.findings };
  return {
    value: undefined,
    findings: [
      ...text.findings,
      finding(
        "date-invalid",
        `${place.label} in ${place.cell} is ${JSON.stringify(text.value)}, which is not a day.`,
        { ...place, found: text.value, expected: "a date such as 2022-10-14 or 14/10/2022" },
      ),
    ],
  };
}
