import { describe, expect, it } from "vitest";
import { judgeKpi } from "../../src/evaluate/kpi-outcome.js";
import { betterWay } from "../../src/evaluate/trend.js";
import { kpiTrend } from "./worded.js";
import type { Kpi } from "../../src/schema/contract.js";
import { TrendSchema, type KpiResult } from "../../src/schema/results.js";
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

type Case = [string, Kpi, Fields, Fields, Partial<ReturnType<typeof kpiTrend>>];

describe("kpiTrend against the month before", () => {
  const cases: Case[] = [
    // name, kpi, August's row, September's row, what the trend must say
    [
      "a percentage up",
      pct90,
      { percentage: 95 },
      { achieved: 27, total: 27 },
      {
        direction: "better",
        basis: "figures",
        measure: "percentage",
        previousFigure: 95,
        change: 5,
        reason: "100%, up from 95% in August 2022",
      },
    ],
    [
      "a percentage down",
      pct90,
      { percentage: 100 },
      { achieved: 6, total: 7 },
      {
        direction: "worse",
        basis: "figures",
        previousFigure: 100,
        change: -14.3,
        reason: "85.7%, down from 100% in August 2022",
      },
    ],
    [
      "a percentage up while still not met",
      pct98,
      { percentage: 90 },
      { percentage: 95.2 },
      { direction: "better", basis: "figures", change: 5.2, previousOutcome: "not-met" },
    ],
    [
      "percentages that print the same",
      pct90,
      { achieved: 1, total: 3 },
      { percentage: 33.3 },
      { direction: "same", basis: "figures", change: 0, reason: "33.3%, as in August 2022" },
    ],
    [
      "99.96% and 100%, both printed 100%",
      pct90,
      { percentage: 99.96 },
      { percentage: 100 },
      { direction: "same", basis: "figures" },
    ],
    // 97.96% misses 98% and is printed 97.9%, never 98%: so it is below August's 98%, not the same.
    [
      "a miss that would round up to the target",
      pct98,
      { percentage: 98 },
      { percentage: 97.96 },
      { direction: "worse", basis: "figures", previousFigure: 98, change: -0.1 },
    ],
    [
      "a count where fewer is better, down",
      routes,
      { count: 3, percentage: 100 },
      { count: 1, percentage: 100 },
      {
        direction: "better",
        basis: "figures",
        measure: "count",
        previousFigure: 3,
        change: -2,
        reason: "1, down from 3 in August 2022 (fewer is better)",
      },
    ],
    [
      "a count where fewer is better, up",
      routes,
      { count: 1, percentage: 100 },
      { count: 4, percentage: 100 },
      { direction: "worse", basis: "figures", measure: "count", change: 3 },
    ],
    [
      "the same count, more of it reported",
      routes,
      { count: 0, achieved: 4, total: 5 },
      { count: 0, percentage: 100 },
      { direction: "better", basis: "figures", reason: "0, as in August 2022; 100% reported, up from 80%" },
    ],
    // The verdict went from not met to met although the count rose: the verdict decides.
    [
      "a count up but now reported in full",
      routes,
      { count: 0, achieved: 4, total: 5 },
      { count: 2, percentage: 100 },
      { direction: "better", basis: "outcome", previousOutcome: "not-met" },
    ],
    [
      "not due last month",
      percentageKpi(9, 100),
      { status: "not due" },
      { percentage: 100 },
      {
        direction: "not comparable",
        cause: "not-due",
        reason: "Not due in August 2022",
        previousOutcome: "not-due",
      },
    ],
    [
      "not due this month",
      percentageKpi(9, 100),
      { percentage: 100 },
      { status: "not due" },
      { direction: "not comparable", cause: "not-due", reason: "Not due this month", previousOutcome: "met" },
    ],
    [
      "not applicable last month",
      pct90,
      { status: "no service running" },
      { percentage: 100 },
      { direction: "not comparable", cause: "not-applicable", reason: "Not applicable in August 2022" },
    ],
    [
      "not captured last month",
      pct90,
      { status: "not captured" },
      { percentage: 100 },
      { direction: "not comparable", cause: "not-captured", reason: "Not captured in August 2022" },
    ],
    [
      "not captured this month",
      pct90,
      { percentage: 100 },
      { status: "measured" },
      { direction: "not comparable", cause: "not-captured", reason: "Not captured this month" },
    ],
    [
      "no activity beside a percentage: verdicts compared",
      pct90,
      { achieved: 0, total: 0 },
      { percentage: 100 },
      { direction: "same", basis: "outcome", reason: "Met, as in August 2022" },
    ],
    [
      "a report delivered, then covering this month",
      reportKpi(23, 3),
      { count: 1 },
      { count: 1 },
      { direction: "same", basis: "outcome" },
    ],
    [
      "a report missed, then delivered",
      reportKpi(23, 1),
      { count: 0 },
      { count: 1 },
      { direction: "better", basis: "outcome", reason: "Met, where August 2022 was not met" },
    ],
    [
      "an override this month: verdicts compared, not the figures it overruled",
      pct90,
      { percentage: 100 },
      { percentage: 100, override: { outcome: "not-met", reason: "Figures unreliable" } },
      {
        direction: "worse",
        basis: "outcome",
        reason:
          "Not met, where August 2022 was met; verdicts compared, as the council overrode this month's figures",
      },
    ],
  ];

  it.each(cases)("%s", (_name, kpi, august, september, expected) => {
    const trend = kpiTrend(kpi, judged(kpi, september), judged(kpi, august, AUG), AUG, true);
    expect(trend).toMatchObject({ previous: AUG, ...expected });
    const { reason: _words, ...codes } = trend;
    expect(TrendSchema.parse(codes)).toEqual(codes);
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
      reason: "Target changed from 90% in August 2022 to 95%",
    });
  });

  it("is not comparable in the first month of the data: no return the month before", () => {
    expect(
      kpiTrend(pct90, judged(pct90, { percentage: 100 }, "2022-03"), undefined, "2022-02", false),
    ).toEqual({
      previous: "2022-02",
      direction: "not comparable",
      cause: "no-return",
      reason: "No return for February 2022",
    });
  });

  it("is not comparable when the month before has a return but no result for this KPI", () => {
    expect(kpiTrend(pct90, judged(pct90, { percentage: 100 }), undefined, AUG, true)).toMatchObject({
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
    ).toMatchObject({ direction: "same", basis: "outcome", reason: "Met, as in August 2022" });
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
