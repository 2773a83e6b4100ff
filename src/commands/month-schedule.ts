import { defaultSchedule, monthRange, monthsCompared, scheduleResults } from "../evaluate/index.js";
import { UsageError } from "../errors.js";
import type { MonthResults } from "../schema/results.js";
import type { Month } from "../schema/return.js";
import {
  type CheckedReturn,
  type CheckedReview,
  type DataSource,
  returnsByMonth,
  reviewsByMonth,
} from "./data-source.js";
import { OPTION_RULES } from "../words/commands/options.js";
import { monthsForSchedule } from "./look-back.js";

/**
 * One month's schedule, the same steps for `status` and `build`: the months Appendix 1 shows, the
 * returns judging them needs (each with its look-back, and the month before and a year before for the
 * direction of travel) and the council's reviews of those, so both commands judge a month alike.
 */
export interface MonthSchedule {
  month: Month;
  /** The months the schedule shows, oldest first, ending with `month`. */
  shown: Month[];
  checked: CheckedReturn[];
  reviews: CheckedReview[];
}

/** The months shown: from `from` when given, else a year back, but not before the first return. */
export function shownMonths(source: DataSource, month: Month, from?: Month): Month[] {
  if (from && from > month) throw new UsageError(OPTION_RULES.fromAfter(from, month));
  if (from) return monthRange(from, month);
  // Without --from the schedule starts where the data does, rather than with columns of "No return".
  return defaultSchedule(month, [...source.available.keys()][0]!);
}

/** Reads (and validates) every return and review the schedule of `month` needs. */
export async function readSchedule(source: DataSource, month: Month, from?: Month): Promise<MonthSchedule> {
  source.require(month);
  const shown = shownMonths(source, month, from);
  const checked = await source.readAll(monthsForSchedule(source.contract, shown, source.available));
  // The month before and a year before too, with their reviews: the direction of travel compares the council's verdicts.
  const reviews = await source.readReviews(monthsCompared(shown, source.contract));
  return { month, shown, checked, reviews };
}

/** The schedule judged: each month shown that has a return, the last with its comparisons. */
export function judgeSchedule(source: DataSource, schedule: MonthSchedule): Map<Month, MonthResults> {
  return scheduleResults(
    source.contract,
    schedule.shown,
    returnsByMonth(schedule.checked),
    reviewsByMonth(schedule.reviews),
  );
}
