import type { ContractYear, PeriodFrequency } from "../schema/target.js";
import type { Month } from "../schema/return.js";

/**
 * Which months a KPI is due in and which earlier month is its like period, from its frequency
 * and the contract's year (docs/targets.md). Months are "YYYY-MM"; arithmetic is on month indexes.
 */

function index(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function fromIndex(i: number): Month {
  const year = Math.floor(i / 12);
  return `${String(year).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}` as Month;
}

export function addMonthsTo(month: Month, n: number): Month {
  return fromIndex(index(month) + n);
}

const DEFAULT_YEAR: ContractYear = { startMonth: 4 };

/** The four months (1-12) that end the contract's quarters, e.g. 6, 9, 12, 3 for a year from April. */
export function quarterEnds(year: ContractYear = DEFAULT_YEAR): number[] {
  return year.quarterEnds ?? [2, 5, 8, 11].map((k) => ((year.startMonth - 1 + k) % 12) + 1);
}

/** The first month of the contract year `month` falls in. */
export function yearStartOf(month: Month, year: ContractYear = DEFAULT_YEAR): Month {
  const m = Number(month.slice(5, 7));
  const y = Number(month.slice(0, 4));
  return fromIndex((m >= year.startMonth ? y : y - 1) * 12 + year.startMonth - 1);
}

export interface Period {
  /** First and last month of the period the month's figure is for. */
  start: Month;
  end: Month;
}

/** The period a figure given in `month` is for, or undefined when the KPI is not due that month. */
export function periodEndingIn(
  month: Month,
  frequency: PeriodFrequency,
  year: ContractYear = DEFAULT_YEAR,
): Period | undefined {
  const m = Number(month.slice(5, 7));
  switch (frequency) {
    case "monthly":
      return { start: month, end: month };
    case "quarterly": {
      const ends = quarterEnds(year);
      if (!ends.includes(m)) return undefined;
      // A quarter starts the month after the previous quarter end, however irregular the ends are.
      const sorted = [...ends].sort((a, b) => a - b);
      const before = sorted[(sorted.indexOf(m) + sorted.length - 1) % sorted.length]!;
      const length = (m - before + 12) % 12 || 12;
      return { start: addMonthsTo(month, 1 - length), end: month };
    }
    case "annual": {
      const start = yearStartOf(month, year);
      return addMonthsTo(start, 11) === month ? { start, end: month } : undefined;
    }
    case "cumulative-in-year":
      return { start: yearStartOf(month, year), end: month };
  }
}

/** Whether a figure is due in `month`: "not due" is computed from this, not only taken from the return. */
export function isDue(month: Month, frequency: PeriodFrequency, year: ContractYear = DEFAULT_YEAR): boolean {
  return periodEndingIn(month, frequency, year) !== undefined;
}

/** The first month after `month` a KPI of `frequency` is due in: its next quarter end, or its year's last month. */
export function nextDueMonth(
  month: Month,
  frequency: PeriodFrequency,
  year: ContractYear = DEFAULT_YEAR,
): Month {
  for (let n = 1; n <= 12; n++) {
    const next = addMonthsTo(month, n);
    if (isDue(next, frequency, year)) return next;
  }
  // Unreachable: every frequency is due at least once in any twelve months.
  return addMonthsTo(month, 12);
}

/**
 * The month whose figure is like this one's, for the direction of travel: the month before for a
 * monthly KPI, the quarter before's last month, the year before's, and for a count cumulative in
 * the year the same month a year earlier (September's year-to-date against last September's).
 */
export function likePeriodBefore(
  month: Month,
  frequency: PeriodFrequency,
  year: ContractYear = DEFAULT_YEAR,
): Month | undefined {
  const period = periodEndingIn(month, frequency, year);
  if (period === undefined) return undefined;
  switch (frequency) {
    case "monthly":
      return addMonthsTo(month, -1);
    case "quarterly":
      return addMonthsTo(period.start, -1);
    case "annual":
    case "cumulative-in-year":
      return addMonthsTo(month, -12);
  }
}

/**
 * This month's own part of a count cumulative in the year: the year-to-date less last month's,
 * except in the year's first month, which starts from nothing. Undefined when last month's is unknown.
 */
export function monthOnlyPart(
  month: Month,
  yearToDate: number,
  previousYearToDate: number | undefined,
  year: ContractYear = DEFAULT_YEAR,
): number | undefined {
  if (yearStartOf(month, year) === month) return yearToDate;
  return previousYearToDate === undefined ? undefined : yearToDate - previousYearToDate;
}
