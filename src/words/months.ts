import { format } from "date-fns";
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
