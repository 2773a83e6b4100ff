import { addMonths, format, isValid, parse } from "date-fns";
import { MonthSchema, type Month } from "../schema/return.js";

/**
 * Month helpers. A month is "YYYY-MM" everywhere in the data; Dates only exist inside these
 * functions so that no caller has to think about days, time zones or the clock.
 */

/** True when `text` is a month written as the data writes it ("2022-09"). */
export function isMonth(text: string): text is Month {
  return MonthSchema.safeParse(text).success;
}

/** Fixed reference date for date-fns `parse`, which needs one; never the clock. */
const REFERENCE = new Date(2000, 0, 1);

/**
 * A month from what a person may type: "2022-09", "September 2022" or "Sep 2022".
 * Undefined for anything else, so the caller decides how to complain.
 */
export function parseMonth(text: string): Month | undefined {
  const trimmed = text.trim();
  if (isMonth(trimmed)) return trimmed;
  for (const pattern of ["MMMM yyyy", "MMM yyyy"]) {
    const date = parse(trimmed, pattern, REFERENCE);
    if (isValid(date)) return toMonth(date);
  }
  return undefined;
}

/**
 * Local midnight on the first of the month. date-fns formats in local time, so building the
 * Date in local time keeps month -> Date -> month exact whatever the machine's time zone.
 */
export function monthStart(month: Month): Date {
  const date = new Date(2000, Number(month.slice(5, 7)) - 1, 1);
  // The Date constructor maps years 0-99 to 1900-1999; setFullYear does not.
  date.setFullYear(Number(month.slice(0, 4)));
  return date;
}

export function toMonth(date: Date): Month {
  return format(date, "yyyy-MM");
}

/** The month `n` months after (negative: before) `month`. */
export function shiftMonth(month: Month, n: number): Month {
  return toMonth(addMonths(monthStart(month), n));
}

/** Negative when a is earlier. "YYYY-MM" sorts as text, but callers should not rely on knowing that. */
export function compareMonths(a: Month, b: Month): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every month from `from` to `to`, both included, oldest first; empty when `from` is after `to`. */
export function monthRange(from: Month, to: Month): Month[] {
  // Counted in months, not by comparing text: after 9999-12 comes "10000-01", which sorts before it.
  const index = (month: Month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const months: Month[] = [];
  for (let i = index(from); i <= index(to); i++)
    months.push(`${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`);
  return months;
}

/** The `n` months before `month`, nearest first: previousMonths("2022-09", 2) is ["2022-08", "2022-07"]. */
export function previousMonths(month: Month, n: number): Month[] {
  return Array.from({ length: Math.max(0, Math.floor(n)) }, (_, i) => shiftMonth(month, -(i + 1)));
}
