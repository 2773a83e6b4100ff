import type { CellValue } from "../read/raw-workbook.js";
import { cellText } from "../read/raw-workbook.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { closest } from "../text/closest.js";
import { hiddenControls, withoutHiddenControls } from "../text/hidden-controls.js";
import { MAX_COUNT, MAX_TEXT_LENGTH } from "../schema/workbook-layout.js";

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
      ...place,
      found: value.value,
      expected: "a value; fix the formula or type the value",
    });
  }
  if (value.type === "formula-no-result") {
    return finding(
      "formula-no-result",
      `${place.label} in ${place.cell} is a formula with no saved result.`,
      {
        ...place,
        found: `=${value.formula}`,
        expected: "a value: open and save the file in Excel or LibreOffice, or type the value",
      },
    );
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
  if (/^[+-]?\d+(\.\d+)?e[+-]?\d{1,3}$/i.test(text) && Number.isFinite(Number(text)))
    return String(Number(text));
  const ofForm = /^(\d+)\s*(of|out of|\/)\s*(\d+)$/i.exec(text);
  if (ofForm) return `${ofForm[1]} in Achieved and ${ofForm[3]} in Out of`;
  const unit = /^(\d+(\.\d+)?)\s*[a-z]+$/i.exec(text);
  if (unit) return unit[1];
  return undefined;
}

const PERCENT_TEXT = /^([+-]?\d+(\.\d+)?)\s*%$/;

/**
 * A cell's number. With `percentage`, the cell is a Percentage, always read in percent (99.5 for
 * 99.5%): a cell with a percentage number format stores a fraction (Excel stores 99.5% typed as
 * 0.995), and text such as "99.5%" is its number.
 */
export function parseNumber(
  value: CellValue,
  place: Place,
  options: { whole: boolean; max?: number; percentage?: boolean },
): Parsed<number> {
  if (value.type === "empty") return ok<never>(undefined);
  const problem = unusable(value, place);
  if (problem) return bad(problem);
  let number: number | undefined;
  const text = value.type === "string" ? value.value.trim() : "";
  if (value.type === "number")
    number = options.percentage && value.format === "percent" ? fromFraction(value.value) : value.value;
  else if (value.type === "string" && PLAIN_NUMBER.test(text)) number = Number(text);
  else if (options.percentage && PERCENT_TEXT.test(text)) number = Number(PERCENT_TEXT.exec(text)![1]);
  if (number === undefined) {
    const text = value.type === "string" ? value.value.trim() : cellText(value);
    const hint = suggestNumber(text);
    const what =
      value.type === "string" && text === ""
        ? "only spaces"
        : value.type === "date"
          ? `the date ${value.value}`
          : describe(value);
    // Excel turns "12/15" or "3-4" typed into a General cell into a date; say so, or the finding is a riddle.
    const why =
      value.type === "date"
        ? " (Excel may have turned what was typed into a date: format the cell as Number and type it again)."
        : ".";
    return bad(
      finding(
        "number-invalid",
        `${place.label} in ${place.cell} holds ${what}, not a number${hint ? `; did you mean ${hint}?` : why}`,
        {
          ...place,
          found: what,
          expected: options.whole ? "a whole number, e.g. 17" : "a number, e.g. 95.2",
        },
      ),
    );
  }
  if (number < 0) {
    return bad(
      finding("number-negative", `${place.label} in ${place.cell} is negative (${number}).`, {
        ...place,
        found: String(number),
        expected: "0 or more",
      }),
    );
  }
  if (options.whole && !Number.isInteger(number)) {
    return bad(
      finding("number-fractional", `${place.label} in ${place.cell} is ${number}, not a whole number.`, {
        ...place,
        found: String(number),
        expected: `a whole number, e.g. ${Math.round(number)}`,
      }),
    );
  }
  if (options.whole && number > MAX_COUNT) {
    return bad(
      finding(
        "number-too-large",
        `${place.label} in ${place.cell} is ${number.toLocaleString("en-GB")}, more than any count can be (${MAX_COUNT.toLocaleString("en-GB")}).`,
        {
          ...place,
          found: String(number),
          expected: `a whole number up to ${MAX_COUNT.toLocaleString("en-GB")}`,
        },
      ),
    );
  }
  if (options.max !== undefined && number > options.max) {
    // A cell formatted as a percentage that holds 99.5 shows 9950%: say so, or the number is a riddle.
    const meant = Number((number / 100).toPrecision(15));
    const shown =
      value.type === "number" && value.format === "percent"
        ? ` (the cell is formatted as a percentage, so it shows ${number}%; for ${meant}%, type ${meant}%)`
        : "";
    return bad(
      finding(
        "percentage-out-of-range",
        `${place.label} in ${place.cell} is ${number}, above ${options.max}${shown}.`,
        {
          ...place,
          found: `${number}${shown ? "%" : ""}`,
          expected: `0 to ${options.max} (write 95.2 or 95.2% for 95.2%)`,
        },
      ),
    );
  }
  return ok(number);
}

/** 0.995 (what a percentage format shows as 99.5%) as 99.5, without the float's 99.49999999999999. */
function fromFraction(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}

/**
 * A cell's text, trimmed. A character XML 1.0 cannot hold would make a DOCX that Word refuses and
 * a web page that fails to parse; it is replaced by a space, and a warning names the cell and the
 * character, so the text that reaches the documents is what the supplier can see was changed.
 * A direction control or a zero-width character (text/hidden-controls.ts) is taken out, with a
 * warning of its own: text that reaches an output displays as what it holds.
 */
export function parseText(value: CellValue, place: Place): Parsed<string> {
  if (value.type === "empty") return ok<never>(undefined);
  const problem = unusable(value, place);
  if (problem) return bad(problem);
  // Counted before anything else is done with it; the text is never read further. The reader keeps
  // only the start of text longer than a cell holds, with its length.
  const length = value.type === "string" ? (value.length ?? value.value.length) : 0;
  if (length > MAX_TEXT_LENGTH) {
    return bad(
      finding(
        "text-too-long",
        `${place.label} in ${place.cell} is ${length.toLocaleString("en-GB")} characters long; a spreadsheet cell holds at most ${MAX_TEXT_LENGTH.toLocaleString("en-GB")}.`,
        {
          ...place,
          found: `${length} characters`,
          expected: `at most ${MAX_TEXT_LENGTH} characters`,
        },
      ),
    );
  }
  const raw = cellText(value);
  const forbidden = raw.match(NOT_XML);
  const hidden = hiddenControls(raw);
  if (!forbidden && hidden.length === 0) return ok(raw === "" ? undefined : raw);
  const findings: Finding[] = [];
  let text = raw;
  if (forbidden) {
    text = text.replace(NOT_XML, " ");
    const names = [...new Set(forbidden)].map(characterName);
    findings.push(
      finding(
        "character-replaced",
        `${place.label} in ${place.cell} holds ${names.join(" and ")}, which no document can hold; ${forbidden.length === 1 ? "it is" : "each is"} read as a space.`,
        {
          ...place,
          found: names.join(", "),
          expected: "text without control characters",
        },
      ),
    );
  }
  if (hidden.length > 0) {
    text = withoutHiddenControls(text);
    const names = [...new Set(hidden.map((h) => `${h.code} (${h.name})`))];
    const read = text.trim().length > 80 ? `${text.trim().slice(0, 77)}...` : text.trim();
    findings.push(
      finding(
        "character-hidden",
        `${place.label} in ${place.cell} holds ${names.join(" and ")}, not seen but changing how the text displays; ${hidden.length === 1 ? "it is" : "each is"} taken out, so the text is read as ${JSON.stringify(read)}.`,
        {
          ...place,
          found: names.join(", "),
          expected: "text without direction controls or zero-width characters",
        },
      ),
    );
  }
  text = text.trim();
  return { value: text === "" ? undefined : text, findings };
}

/** What XML 1.0 forbids: C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF; half a surrogate pair. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** By code point: U+0000, U+0008, U+000B, U+000C, U+001B. */
const CONTROL_NAMES: Record<number, string> = {
  0: "null",
  8: "backspace",
  11: "vertical tab",
  12: "form feed",
  27: "escape",
};

function characterName(character: string): string {
  const code = character.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code >= 0xd800 && code <= 0xdfff)
    return `half of a character (${hex}, as left when an emoji is cut in two)`;
  if (code >= 0xfffe) return `the non-character ${hex}`;
  return `the control character ${hex} (${CONTROL_NAMES[code] ?? "a control code"})`;
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
    finding(
      "verified-invalid",
      `${place.label} in ${place.cell} is ${describe(value)}, not Yes or No${hint ? `; did you mean ${hint}?` : "."}`,
      {
        ...place,
        found: describe(value),
        expected: "Yes, No, or empty",
      },
    ),
  );
}
