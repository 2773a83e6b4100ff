import type {
  Changes,
  KpiChange,
  KpiResult,
  MonthCounts,
  MonthResults,
  OutcomeCounts,
  Rag,
} from "../schema/results.js";
import type { Month } from "../schema/return.js";
import { byId } from "../schema/id.js";
import { bandOfResult } from "./summary.js";

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

/** A KPI in one month as a change compares it: its outcome and, in a contract with bands, its band (or none, for an outcome without a verdict). */
interface Standing {
  outcome: KpiResult["outcome"];
  band: Rag | undefined;
}

type Moved = (now: Standing, was: Standing) => boolean;

/** Each kind of change, as the month before and this month must stand for a KPI to have it. */
const OUTCOME_CHANGES = {
  newlyNotMet: (n, w) => n.outcome === "not-met" && w.outcome !== "not-met",
  backToMet: (n, w) => n.outcome === "met" && w.outcome === "not-met",
  newlyNotCaptured: (n, w) => n.outcome === "not-captured" && w.outcome !== "not-captured",
  newlyMet: (n, w) => n.outcome === "met" && w.outcome === "not-captured",
} satisfies Record<string, Moved>;

/** A contract with bands: red or amber from any other standing (amber from red too), green from red or amber, or after not captured. */
const BAND_CHANGES = {
  newlyRed: (n, w) => n.band === "red" && w.band !== "red",
  newlyAmber: (n, w) => n.band === "amber" && w.band !== "amber",
  backToGreen: (n, w) => n.band === "green" && (w.band === "red" || w.band === "amber"),
  greenAfterNotCaptured: (n, w) => n.band === "green" && w.outcome === "not-captured",
} satisfies Record<string, Moved>;

/**
 * What moved since the month before (`before`, undefined when it has no return): KPIs newly
 * not met, back to met, newly not captured, and met after a month not captured; in a contract with
 * red, amber and green bands also newly red, newly amber, back to green and green after not
 * captured, each change then with both months' bands. Each list is in KPI number order and says
 * what the KPI was. Without a return for the month before nothing can be said to have changed, so
 * the lists are empty and `previousCounts` is absent.
 */
export function monthChanges(now: MonthResults, previous: Month, before: MonthResults | undefined): Changes {
  const counts = outcomeCounts(now);
  const banded = now.summary.green !== undefined;
  const bandLists = (list: (kind: Moved) => KpiChange[]) =>
    banded
      ? {
          newlyRed: list(BAND_CHANGES.newlyRed),
          newlyAmber: list(BAND_CHANGES.newlyAmber),
          backToGreen: list(BAND_CHANGES.backToGreen),
          greenAfterNotCaptured: list(BAND_CHANGES.greenAfterNotCaptured),
        }
      : {};
  if (!before)
    return {
      previous,
      counts,
      newlyNotMet: [],
      backToMet: [],
      newlyNotCaptured: [],
      newlyMet: [],
      ...bandLists(() => []),
    };
  const standing = (r: KpiResult): Standing => ({
    outcome: r.outcome,
    band: banded ? bandOfResult(r) : undefined,
  });
  const earlier = new Map(before.kpis.map((k) => [k.number, standing(k)]));
  const kpis = byId(now.kpis, (k) => k.number);
  const moved = (test: Moved): KpiChange[] =>
    kpis.flatMap((k) => {
      const [is, was] = [standing(k), earlier.get(k.number)];
      if (was === undefined || !test(is, was)) return [];
      return [
        {
          number: k.number,
          was: was.outcome,
          now: is.outcome,
          ...(was.band ? { wasBand: was.band } : {}),
          ...(is.band ? { nowBand: is.band } : {}),
        },
      ];
    });
  return {
    previous,
    counts,
    previousCounts: outcomeCounts(before),
    newlyNotMet: moved(OUTCOME_CHANGES.newlyNotMet),
    backToMet: moved(OUTCOME_CHANGES.backToMet),
    newlyNotCaptured: moved(OUTCOME_CHANGES.newlyNotCaptured),
    newlyMet: moved(OUTCOME_CHANGES.newlyMet),
    ...bandLists(moved),
  };
}
