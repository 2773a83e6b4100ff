import { format, parseISO } from "date-fns";
import { monthStart } from "../evaluate/months.js";
import type { Month } from "../schema/return.js";

/** "September 2022" */
export function monthLabel(month: Month): string {
  return format(monthStart(month), "MMMM yyyy");
}

/** "Sep 2022" */
export function shortMonthLabel(month: Month): string {
  return format(monthStart(month), "MMM yyyy");
}

/** 2022-10-14 as "14 October 2022", the way a committee paper dates things. */
export function dayLabel(day: string): string {
  return format(parseISO(day), "d MMMM yyyy");
}
