import { judgingLookBack, monthsCompared, previousMonths } from "../evaluate/index.js";
import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";

/** How many earlier months a judgement can depend on (evaluate/look-back.ts says which). */
export function lookBackMonths(contract: Contract): number {
  return judgingLookBack(contract);
}

/** The months whose returns judging `months` (oldest first) needs: the earlier ones a report may cover from, then these. */
export function monthsToRead(contract: Contract, months: readonly Month[]): Month[] {
  return [...previousMonths(months[0]!, lookBackMonths(contract)).reverse(), ...months];
}

/**
 * The months whose returns a schedule of `shown` needs: its own, the month before and the same month
 * a year before (for the direction of travel), each with its look-back, where `available` has them.
 */
export function monthsForSchedule(
  contract: Contract,
  shown: readonly Month[],
  available: ReadonlySet<Month> | ReadonlyMap<Month, unknown>,
): Month[] {
  const wanted = new Set(monthsToRead(contract, shown));
  for (const month of monthsCompared(shown, contract)) {
    if (!wanted.has(month) && available.has(month))
      for (const m of monthsToRead(contract, [month])) wanted.add(m);
  }
  return [...wanted].sort();
}
