import { describe, expect, it } from "vitest";
import { judgeKpi } from "../../src/evaluate/kpi-outcome.js";
import { betterWay } from "../../src/evaluate/trend.js";
import { kpiTrend } from "../../src/evaluate/trend.js";
import type { Kpi } from "../../src/schema/contract.js";
import { TrendSchema, type KpiResult, type Trend } from "../../src/schema/results.js";
import type { ReturnKpi } from "../../src/schema/return.js";
import type { ReviewKpi } from "../../src/schema/review.js";
import { countKpi, monthReturn, noHistory, percentageKpi, reportKpi, returnsOf, row } from "./fixtures.js";

const AUG = "2022-08";
const SEP = "2022-09";

/** The supplier's row, and an override from the council's review (issue 11 moved overrides there). */
type Fields = Partial<Omit<ReturnKpi, "kpi">> & { override?: ReviewKpi["override"] };

/** A KPI's real result for a month, from a return row and the council's override if any, as evaluate makes it. */
const judged = (kpi: Kpi, { override, ...fields }: Fields, month = SEP): KpiResult =>
  judgeKpi(
    kpi,
    row(kpi.number, fields),
    month,
    noHistory,
    override ? { kpi: kpi.number, override } : undefined,
  );

const pct90 = percentageKpi(3, 90);
const pct98 = percentageKpi(26, 98);
const routes = countKpi(21, 5, 100);

type Case = [string, Kpi, Fields, Fields, Trend];

describe("kpiTrend against the month before", () => {
  const cases: Case[] = [
    // name, kpi, August's row, September's row, the trend in codes and numbers (test/words/trend.test.ts words each)
    [
      "a percentage up",
      pct90,
      { percentage: 95 },
      { achieved: 27, total: 27 },
      {
        previous: "2022-08",
        direction: "better",
        basis: "figures",
        measure: "percentage",
        figure: 100,
        previousFigure: 95,
        change: 5,
        previousOutcome: "met",
      },
    ],
    [
      "a percentage down",
      pct90,
      { percentage: 100 },
      { achieved: 6, total: 7 },
      {
        previous: "2022-08",
        direction: "worse",
        basis: "figures",
        measure: "percentage",
        figure: 85.7,
        previousFigure: 100,
        change: -14.3,
        previousOutcome: "met",
      },
    ],
    [
      "a percentage up while still not met",
      pct98,
      { percentage: 90 },
      { percentage: 95.2 },
      {
        previous: "2022-08",
        direction: "better",
        basis: "figures",
        measure: "percentage",
        figure: 95.2,
        previousFigure: 90,
        change: 5.2,
        previousOutcome: "not-met",
      },
    ],
    [
      "percentages that print the same",
      pct90,
      { achieved: 1, total: 3 },
      { percentage: 33.3 },
      {
        previous: "2022-08",
        direction: "same",
        basis: "figures",
        measure: "percentage",
        figure: 33.3,
        previousFigure: 33.3,
        change: 0,
        previousOutcome: "not-met",
      },
    ],
    [
      "99.96% and 100%, both printed 100%",
      pct90,
      { percentage: 99.96 },
      { percentage: 100 },
      {
        previous: "2022-08",
        direction: "same",
        basis: "figures",
        measure: "percentage",
        figure: 100,
        previousFigure: 100,
        change: 0,
        previousOutcome: "met",
      },
    ],
    // 97.96% misses 98% and is printed 97.9%, never 98%: so it is below August's 98%, not the same.
    [
      "a miss that would round up to the target",
      pct98,
      { percentage: 98 },
      { percentage: 97.96 },
      {
        previous: "2022-08",
        direction: "worse",
        basis: "figures",
        measure: "percentage",
        figure: 97.9,
        previousFigure: 98,
        change: -0.1,
        previousOutcome: "met",
      },
    ],
    [
      "a count where fewer is better, down",
      routes,
      { count: 3, percentage: 100 },
      { count: 1, percentage: 100 },
      {
        previous: "2022-08",
        direction: "better",
        basis: "figures",
        measure: "count",
        figure: 1,
        previousFigure: 3,
        change: -2,
        share: 100,
        previousShare: 100,
        previousOutcome: "met",
      },
    ],
    [
      "a count where fewer is better, up",
      routes,
      { count: 1, percentage: 100 },
      { count: 4, percentage: 100 },
      {
        previous: "2022-08",
        direction: "worse",
        basis: "figures",
        measure: "count",
        figure: 4,
        previousFigure: 1,
        change: 3,
        share: 100,
        previousShare: 100,
        previousOutcome: "met",
      },
    ],
    [
      "the same count, more of it reported",
      routes,
      { count: 0, achieved: 4, total: 5 },
      { count: 0, percentage: 100 },
      {
        previous: "2022-08",
        direction: "better",
        basis: "figures",
        measure: "count",
        figure: 0,
        previousFigure: 0,
        change: 0,
        share: 100,
        previousShare: 80,
        previousOutcome: "not-met",
      },
    ],
    // The verdict went from not met to met although the count rose: the verdict decides.
    [
      "a count up but now reported in full",
      routes,
      { count: 0, achieved: 4, total: 5 },
      { count: 2, percentage: 100 },
      {
        previous: "2022-08",
        direction: "better",
        basis: "outcome",
        previousOutcome: "not-met",
        because: "figures-moved-other-way",
      },
    ],
    [
      "not due last month",
      percentageKpi(9, 100),
      { status: "not due" },
      { percentage: 100 },
      { previous: "2022-08", direction: "not comparable", cause: "not-due", previousOutcome: "not-due" },
    ],
    [
      "not due this month",
      percentageKpi(9, 100),
      { percentage: 100 },
      { status: "not due" },
      { previous: "2022-08", direction: "not comparable", cause: "not-due", previousOutcome: "met" },
    ],
    [
      "not applicable last month",
      pct90,
      { status: "no service running" },
      { percentage: 100 },
      {
        previous: "2022-08",
        direction: "not comparable",
        cause: "not-applicable",
        previousOutcome: "not-applicable",
      },
    ],
    [
      "not captured last month",
      pct90,
      { status: "not captured" },
      { percentage: 100 },
      {
        previous: "2022-08",
        direction: "not comparable",
        cause: "not-captured",
        previousOutcome: "not-captured",
      },
    ],
    [
      "not captured this month",
      pct90,
      { percentage: 100 },
      { status: "measured" },
      { previous: "2022-08", direction: "not comparable", cause: "not-captured", previousOutcome: "met" },
    ],
    [
      "no activity beside a percentage: verdicts compared",
      pct90,
      { achieved: 0, total: 0 },
      { percentage: 100 },
      { previous: "2022-08", direction: "same", basis: "outcome", previousOutcome: "met" },
    ],
    [
      "a report delivered, then covering this month",
      reportKpi(23, 3),
      { count: 1 },
      { count: 1 },
      { previous: "2022-08", direction: "same", basis: "outcome", previousOutcome: "met" },
    ],
    [
      "a report missed, then delivered",
      reportKpi(23, 1),
      { count: 0 },
      { count: 1 },
      { previous: "2022-08", direction: "better", basis: "outcome", previousOutcome: "not-met" },
    ],
    [
      "an override this month: verdicts compared, not the figures it overruled",
      pct90,
      { percentage: 100 },
      { percentage: 100, override: { outcome: "not-met", reason: "Figures unreliable" } },
      {
        previous: "2022-08",
        direction: "worse",
        basis: "outcome",
        previousOutcome: "met",
        because: "overridden",
      },
    ],
  ];

  it.each(cases)("%s", (_name, kpi, august, september, expected) => {
    const trend = kpiTrend(kpi, judged(kpi, september), judged(kpi, august, AUG), AUG, true);
    expect(trend).toEqual(expected);
    expect(TrendSchema.parse(trend)).toEqual(trend);
    // Not comparable always says why, and only then; a comparison always says on what.
    expect(trend.cause !== undefined).toBe(trend.direction === "not comparable");
    expect(trend.basis !== undefined).toBe(trend.direction !== "not comparable");
  });

  it("is not comparable when the target changed", () => {
    const before = { ...judged(pct90, { percentage: 92 }, AUG), target: "90%" };
    const now = { ...judged(percentageKpi(3, 95), { percentage: 96 }), target: "95%" };
    expect(kpiTrend(percentageKpi(3, 95), now, before, AUG, true)).toEqual({
      previous: AUG,
      direction: "not comparable",
      cause: "target-changed",
      previousOutcome: "met",
      previousTarget: "90%",
    });
  });

  it("is not comparable in the first month of the data: no return the month before", () => {
    expect(
      kpiTrend(pct90, judged(pct90, { percentage: 100 }, "2022-03"), undefined, "2022-02", false),
    ).toEqual({
      previous: "2022-02",
      direction: "not comparable",
      cause: "no-return",
    });
  });

  it("is not comparable when the month before has a return but no result for this KPI", () => {
    expect(kpiTrend(pct90, judged(pct90, { percentage: 100 }), undefined, AUG, true)).toEqual({
      previous: AUG,
      direction: "not comparable",
      cause: "no-result",
    });
  });

  it("reads a report covered from an earlier month as met, like the schedule", () => {
    const quarterly = reportKpi(23, 3);
    const history = returnsOf(monthReturn(AUG, [row(23, { count: 1 })]));
    const september = judgeKpi(quarterly, row(23, { status: "not due" }), SEP, history);
    expect(
      kpiTrend(quarterly, september, judgeKpi(quarterly, row(23, { count: 1 }), AUG, history), AUG, true),
    ).toEqual({ previous: AUG, direction: "same", basis: "outcome", previousOutcome: "met" });
  });
});

describe("betterWay", () => {
  it.each([
    [{ kind: "percentage", atLeast: 90 } as const, "higher"],
    [{ kind: "count", below: 5 } as const, "lower"],
    [{ kind: "report", everyMonths: 3 } as const, undefined],
  ])("%j: %s is better", (target, way) => {
    expect(betterWay(target)).toBe(way);
  });
});
