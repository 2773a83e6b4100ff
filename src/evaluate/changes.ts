import type { Changes, KpiChange, MonthCounts, MonthResults, OutcomeCounts } from "../schema/results.js";
import type { Month, Outcome } from "../schema/return.js";
import { byId } from "../schema/id.js";

/** A month's outcome counts, from its summary: the council's verdicts, overrides included, as the summary line counts them. */
export function outcomeCounts(results: MonthResults): OutcomeCounts {
  const { met, notMet, notCaptured, notApplicable, notDue, green, amber, red } = results.summary;
  const counts: OutcomeCounts = { met, notMet, notCaptured, notApplicable, notDue };
  return green === undefined ? counts : { ...counts, green, amber: amber!, red: red! };
}

const NONE: OutcomeCounts = { met: 0, notMet: 0, notCaptured: 0, notApplicable: 0, notDue: 0 };

/**
 * The counts for each month the schedule shows, oldest first, as the outcome chart draws them.
 * A month with no return is kept, with no counts and `returned: false`, so the chart's months
 * match the schedule's columns and the gap is said rather than closed up.
 */
export function outcomesByMonth(
  months: readonly Month[],
  results: ReadonlyMap<Month, MonthResults>,
): MonthCounts[] {
  return months.map((month) => {
    const found = results.get(month);
    return { month, returned: found !== undefined, ...(found ? outcomeCounts(found) : NONE) };
  });
}

/**
 * What moved since the month before (`before`, undefined when it has no return): KPIs newly
 * not met, back to met, newly not captured, and met after a month not captured. Each list is
 * in KPI number order and says what the KPI was. Without a return for the month before nothing
 * can be said to have changed, so the lists are empty and `previousCounts` is absent.
 */
export function monthChanges(now: MonthResults, previous: Month, before: MonthResults | undefined): Changes {
  const counts = outcomeCounts(now);
  if (!before)
    return { previous, counts, newlyNotMet: [], backToMet: [], newlyNotCaptured: [], newlyMet: [] };
  const earlier = new Map(before.kpis.map((k) => [k.number, k.outcome]));
  const kpis = byId(now.kpis, (k) => k.number);
  const moved = (test: (now: Outcome, was: Outcome) => boolean): KpiChange[] =>
    kpis.flatMap((k) => {
      const was = earlier.get(k.number);
      return was !== undefined && test(k.outcome, was) ? [{ number: k.number, was, now: k.outcome }] : [];
    });
  return {
    previous,
    counts,
    previousCounts: outcomeCounts(before),
    newlyNotMet: moved((n, w) => n === "not-met" && w !== "not-met"),
    backToMet: moved((n, w) => n === "met" && w === "not-met"),
    newlyNotCaptured: moved((n, w) => n === "not-captured" && w !== "not-captured"),
    newlyMet: moved((n, w) => n === "met" && w === "not-captured"),
  };
}
