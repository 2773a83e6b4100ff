import { MonthSchema, type Month } from "../schema/return.js";
import { SHEETS } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import type { Term } from "../schema/contract.js";

/** The month the caller expects, and what told it so, for the mismatch message. */
export interface ExpectedMonth {
  month: Month;
  source: string;
}

/** The months a return or review can be for: none before 1990, none more than a year after today. */
export interface MonthBounds {
  earliest: Month;
  latest: Month;
}

export const EARLIEST_MONTH: Month = "1990-01";

/** The bounds on the day `today` (UTC): the caller reads the clock, so validation stays a function of its inputs. */
export function monthBounds(today: Date): MonthBounds {
  const year = today.getUTCFullYear() + 1;
  return {
    earliest: EARLIEST_MONTH,
    latest: `${String(year).padStart(4, "0")}-${String(today.getUTCMonth() + 1).padStart(2, "0")}`,
  };
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The month a file name names, as in data/returns/2022-09.xlsx or "return 2022-09 v2.xlsx". */
export function monthFromFileName(path: string): Month | undefined {
  const name = path.split(/[\\/]/).pop() ?? "";
  const match = /(?:^|\D)(\d{4}-(?:0[1-9]|1[0-2]))(?!\d)/.exec(name);
  return match ? match[1] : undefined;
}

/** The Return sheet's month: a YYYY-MM, or a date in that month (Excel often makes one of "2022-09"). */
export function checkMonth(
  text: string | undefined,
  cell: string | undefined,
  expected: ExpectedMonth | undefined,
  findings: Finding[],
  sheet: string = SHEETS.details,
  bounds?: MonthBounds,
): Month | undefined {
  if (text === undefined) return undefined;
  const candidate = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text.slice(0, 7) : text;
  const parsed = MonthSchema.safeParse(candidate);
  if (!parsed.success) {
    const guess = guessMonth(text);
    findings.push(
      finding(
        "month-invalid",
        `Month ${JSON.stringify(text)} in ${cell} is not a month written as YYYY-MM${guess ? `; did you mean ${guess}?` : "."}`,
        {
          sheet,
          cell,
          found: text,
          expected: "YYYY-MM, e.g. 2022-09",
        },
      ),
    );
    return undefined;
  }
  if (bounds && (parsed.data < bounds.earliest || parsed.data > bounds.latest)) {
    // A date cell holding 0, 1 or a small number shows as a day in 1900: say so, as that is the likely slip.
    const asDate =
      text !== parsed.data
        ? ` (the date ${text}${text < "1901" ? ", what a date cell holding 0 or a small number shows" : ""})`
        : "";
    findings.push(
      finding(
        "month-implausible",
        `Month ${parsed.data} in ${cell}${asDate} cannot be a return's month: months from ${bounds.earliest} to ${bounds.latest} are read.`,
        {
          sheet,
          cell,
          found: text,
          expected: `a month from ${bounds.earliest} to ${bounds.latest}`,
        },
      ),
    );
    return undefined;
  }
  if (expected !== undefined && parsed.data !== expected.month) {
    findings.push(
      finding(
        "month-mismatch",
        `The ${sheet === SHEETS.details ? "return" : "review"} is for ${parsed.data} (${sheet}!${cell}), not ${expected.month} (${expected.source}).`,
        {
          sheet,
          cell,
          found: parsed.data,
          expected: expected.month,
        },
      ),
    );
  }
  return parsed.data;
}

/** "Sep 2022", "September 2022", "09/2022", "2022/9", "2022-9" to "2022-09". */
function guessMonth(text: string): Month | undefined {
  const t = text.trim().toLowerCase();
  let year: number | undefined;
  let month: number | undefined;
  const named = /^([a-z]+)\.?[\s,-]*(\d{4})$/.exec(t);
  const yearFirst = /^(\d{4})[/.\-\s](\d{1,2})$/.exec(t);
  const monthFirst = /^(\d{1,2})[/.\-\s](\d{4})$/.exec(t);
  if (named) [month, year] = [MONTH_NAMES.indexOf(named[1]!.slice(0, 3)) + 1, Number(named[2])];
  else if (yearFirst) [year, month] = [Number(yearFirst[1]), Number(yearFirst[2])];
  else if (monthFirst) [month, year] = [Number(monthFirst[1]), Number(monthFirst[2])];
  if (year === undefined || month === undefined || month < 1 || month > 12) return undefined;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Whether the month is outside the contract's term, when it states one. */
export const outsideTerm = (month: Month, term: Term | undefined): boolean =>
  term !== undefined && (month < term.first || (term.last !== undefined && month > term.last));

/** "2021-04 to 2028-03", or "from 2021-04" for a term with no end yet. */
export const termSpan = (term: Term): string =>
  term.last ? `${term.first} to ${term.last}` : `from ${term.first}`;

/** A return's month inside the contract's term, when the contract states one; a finding when not. */
export function checkTerm(
  month: Month,
  cell: string | undefined,
  term: Term | undefined,
  findings: Finding[],
  sheet: string = SHEETS.details,
): void {
  if (!term || !outsideTerm(month, term)) return;
  const span = termSpan(term);
  findings.push(
    finding(
      "month-outside-term",
      `Month ${month} in ${cell} is outside the contract's term (${span}): the contract does not cover it.`,
      { sheet, cell, found: month, expected: term.last ? `a month from ${span}` : `a month ${span}` },
    ),
  );
}
