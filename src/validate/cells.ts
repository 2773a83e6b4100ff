import type { CellValue } from "../read/raw-workbook.js";
import { cellText } from "../read/raw-workbook.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { closest } from "./header-map.js";

/** Where a value sits, so every finding can name its sheet and cell. */
export interface Place {
  sheet: string;
  cell: string;
  /** The column's header, for messages ("Achieved in E7"). */
  label: string;
}

export type Parsed<T> = { value: T | undefined; findings: Finding[] };

function ok<T>(value: T | undefined): Parsed<T> {
  return { value, findings: [] };
}
const bad = <T>(f: Finding): Parsed<T> => ({ value: undefined, findings: [f] });

function describe(value: CellValue): string {
  if (value.type === "string") return JSON.stringify(value.value);
  return cellText(value);
}

/** Spreadsheet errors and formulas without results are the same problem in every column. */
function unusable(value: CellValue, place: Place): Finding | undefined {
  if (value.type === "error") {
    return finding("cell-error", `${place.label} in ${place.cell} holds the error ${value.value}.`, {
      ...place, found: value.value, expected: "a value; fix the formula or type the value",
    });
  }
  if (value.type === "formula-no-result") {
    return finding("formula-no-result", `${place.label} in ${place.cell} is a formula with no saved result.`, {
      ...place, found: `=${value.formula}`, expected: "a value: open and save the file in Excel or LibreOffice, or type the value",
    });
  }
  return undefined;
}

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * The number a person probably meant, for "did you mean" hints. Only forms with one clear reading:
 * "1,234" (grouping), "95,2" (decimal comma), "95.2%", "1e3", "12 of 15". Hex such as "0x1A" has
 * no place in a return, so it gets no guess.
 */
export function suggestNumber(text: string): string | undefined {
  const withoutGrouping = text.replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
  if (withoutGrouping !== text && PLAIN_NUMBER.test(withoutGrouping)) return withoutGrouping;
  if (/^\d+,\d{1,2}$/.test(text)) return text.replace(",", ".");
  const percent = /^(\d+(\.\d+)?)\s*%$/.exec(text);
  if (percent) return percent[1];
  if (/^[+-]?\d+(\.\d+)?e[+-]?\d{1,3}$/i.test(text) && Number.isFinite(Number(text))) return String(Number(text));
  const ofForm = /^(\d+)\s*(of|out of|\/)\s*(\d+)$/i.exec(text);
  if (ofForm) return `${ofForm[1]} in Achieved and ${ofForm[3]} in Out of`;
  const unit = /^(\d+(\.\d+)?)\s*[a-z]+$/i.exec(text);
  if (unit) return unit[1];
  return undefined;
}

export function parseNumber(value: CellValue, place: Place, options: { whole: boolean; max?: number }): Parsed<number> {
  if (value.type === "empty") return ok<never>(undefined);
  const problem = unusable(value, place);
  if (problem) return bad(problem);
  let number: number | undefined;
  if (value.type === "number") number = value.value;
  else if (value.type === "string" && PLAIN_NUMBER.test(value.value.trim())) number = Number(value.value.trim());
  if (number === undefined) {
    const text = value.type === "string" ? value.value.trim() : cellText(value);
    const hint = suggestNumber(text);
    const what = value.type === "string" && text === "" ? "only spaces" : value.type === "date" ? `the date ${value.value}` : describe(value);
    // Excel turns "12/15" or "3-4" typed into a General cell into a date; say so, or the finding is a riddle.
    const why = value.type === "date" ? " (Excel may have turned what was typed into a date: format the cell as Number and type it again)." : ".";
    return bad(
      finding("number-invalid", `${place.label} in ${place.cell} holds ${what}, not a number${hint ? `; did you mean ${hint}?` : why}`, {
        ...place, found: what, expected: options.whole ? "a whole number, e.g. 17" : "a number, e.g. 95.2",
      }),
    );
  }
  if (number < 0) {
    return bad(finding("number-negative", `${place.label} in ${place.cell} is negative (${number}).`, { ...place, found: String(number), expected: "0 or more" }));
  }
  if (options.whole && !Number.isInteger(number)) {
    return bad(
      finding("number-fractional", `${place.label} in ${place.cell} is ${number}, not a whole number.`, {
        ...place, found: String(number), expected: `a whole number, e.g. ${Math.round(number)}`,
      }),
    );
  }
  if (options.max !== undefined && number > options.max) {
    return bad(
      finding("percentage-out-of-range", `${place.label} in ${place.cell} is ${number}, above ${options.max}.`, {
        ...place, found: String(number), expected: `0 to ${options.max} (write 95.2 for 95.2%)`,
      }),
    );
  }
  return ok(number);
}

export function parseText(value: CellValue, place: Place): Parsed<string> {
  if (value.type === "empty") return ok<never>(undefined);
  const problem = unusable(value, place);
  if (problem) return bad(problem);
  const text = cellText(value);
  return ok(text === "" ? undefined : text);
}

const YES = new Set(["yes", "y", "true"]);
const NO = new Set(["no", "n", "false"]);
const near = (text: string) => closest(text, ["Yes", "No"]);

export function parseYesNo(value: CellValue, place: Place): Parsed<boolean> {
  if (value.type === "empty") return ok<never>(undefined);
  if (value.type === "boolean") return ok(value.value);
  const problem = unusable(value, place);
  if (problem) return bad(problem);
  const text = cellText(value).toLowerCase();
  if (text === "") return ok<never>(undefined);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  const hint = near(text);
  return bad(
    finding("verified-invalid", `${place.label} in ${place.cell} is ${describe(value)}, not Yes or No${hint ? `; did you mean ${hint}?` : "."}`, {
      ...place, found: describe(value), expected: "Yes, No, or empty",
    }),
  );
}
