import { describe, expect, it } from "vitest";
import { evaluateMonth } from "../../../src/evaluate/evaluate-month.js";
import { scheduleResults } from "../../../src/evaluate/compare.js";
import { ContractSchema, type Contract } from "../../../src/schema/contract.js";
import type { Month, MonthlyReturn, ReturnKpi } from "../../../src/schema/return.js";
import { figuresText, reasonText, summaryLine, trendText } from "../../../src/words/index.js";
import { monthReturn, row } from "../fixtures.js";

/**
 * Targets of every kind, bands, periods and targets that change, wired through evaluateMonth and
 * the comparisons: each case a contract as an officer would write it (parsed by the contract's own
 * schema), a return, and the verdict and words it gives.
 */

function contractOf(kpis: Record<string, unknown>[], extra: Record<string, unknown> = {}): Contract {
  return ContractSchema.parse({
    id: "any-contract",
    title: "Any contract",
    council: "Anyshire",
    supplier: "Anyco",
    msrs: [],
    kpis: kpis.map((k, i) => ({
      number: i + 1,
      serviceCriteria: "Service",
      description: `KPI ${i + 1}`,
      shortName: `KPI ${i + 1}`,
      rank: 1,
      frequency: "monthly",
      targetText: "target",
      ...k,
    })),
    ...extra,
  });
}

const returns = (...list: [Month, ReturnKpi[]][]): Map<Month, MonthlyReturn> =>
  new Map(list.map(([month, kpis]) => [month, monthReturn(month, kpis)]));

function judged(contract: Contract, month: Month, all: Map<Month, MonthlyReturn>) {
  return evaluateMonth(contract, month, all).kpis;
}

describe("a percentage where lower is better", () => {
  const contract = contractOf([{ target: { kind: "percentage", atMost: 2 } }]);
  it.each([
    [{ achieved: 3, total: 150 }, "met", "3 of 150 (2%) against at most 2%"],
    [{ achieved: 4, total: 150 }, "not-met", "4 of 150 (2.7%) against at most 2%"],
    // 2.01% of 10000 misses at most 2 and prints 2.1, never the 2 it missed.
    [{ achieved: 201, total: 10000 }, "not-met", "201 of 10000 (2.1%) against at most 2%"],
    [{ percentage: 2 }, "met", "Stated 2% against at most 2%"],
    [{ percentage: 2.5 }, "not-met", "Stated 2.5% against at most 2%"],
  ])("%o is %s: %s", (figures, outcome, words) => {
    const [result] = judged(contract, "2024-05", returns(["2024-05", [row(1, figures)]]));
    expect(result!.outcome).toBe(outcome);
    expect(reasonText(result!)).toBe(words);
  });
});

describe("an average in days with decimals", () => {
  const contract = contractOf([
    { target: { kind: "average", atMost: 5, unit: "days", decimals: 1 }, targetText: "At most 5 days" },
  ]);
  it.each([
    [4.96, "met", "5 days against at most 5 days"],
    [5, "met", "5 days against at most 5 days"],
    [5.04, "not-met", "5.1 days against at most 5 days"],
    [1, "met", "1 day against at most 5 days"],
  ])("%s days is %s", (count, outcome, words) => {
    const [result] = judged(contract, "2024-05", returns(["2024-05", [row(1, { count })]]));
    expect(result!.outcome).toBe(outcome);
    expect(reasonText(result!)).toBe(words);
  });
});

describe("red, amber and green by a tolerance", () => {
  const contract = contractOf([
    { target: { kind: "percentage", atLeast: 98, bands: { kind: "rag", tolerance: { relative: 5 } } } },
    {
      target: {
        kind: "average",
        atMost: 5,
        unit: "days",
        bands: { kind: "rag", tolerance: { absolute: 0.5 }, amberIfImproved: true },
      },
    },
  ]);
  const month = "2024-06";
  const may = (count: number) =>
    ["2024-05", [row(1, { percentage: 99 }), row(2, { count })]] as [Month, ReturnKpi[]];

  it.each([
    // 5.5 days is 5 and the 0.5 tolerance: the edge is within it.
    [99, 5.5, ["green", "amber"], ["met", "within-tolerance"]],
    // 98 less 5% of 98 (4.9 points) is 93.1; 5.6 days is beyond, but better than May's 6.
    [93.1, 5.6, ["amber", "amber"], ["within-tolerance", "improved"]],
    [93, 6, ["red", "red"], ["beyond-tolerance", "beyond-tolerance"]],
  ])("%s%% and %s days", (percentage, days, bands, reasons) => {
    const results = judged(
      contract,
      month,
      returns(may(6), [month, [row(1, { percentage }), row(2, { count: days })]]),
    );
    expect(results.map((r) => r.band)).toEqual(bands);
    expect(results.map((r) => r.bandReason?.code)).toEqual(reasons);
    expect(results.map((r) => r.outcome)).toEqual(bands.map((b) => (b === "green" ? "met" : "not-met")));
  });

  it("is amber when beyond the tolerance but better than the month before, and says so", () => {
    const results = judged(
      contract,
      month,
      returns(may(7), [month, [row(1, { percentage: 99 }), row(2, { count: 6 })]]),
    );
    expect(results[1]).toMatchObject({
      band: "amber",
      bandReason: { code: "improved", previous: 7, month: "2024-05" },
    });
  });

  it("counts the month by band, and words it so", () => {
    const results = evaluateMonth(
      contract,
      month,
      returns(may(6), [month, [row(1, { percentage: 95 }), row(2, { count: 9 })]]),
    );
    expect(results.summary).toMatchObject({ green: 0, amber: 1, red: 1, amberKpis: [1], redKpis: [2] });
    expect(summaryLine(results.summary)).toBe("0 KPIs green, 1 amber: KPI 1, 1 red: KPI 2");
  });

  it("nothing done is green", () => {
    const [result] = judged(
      contract,
      month,
      returns([month, [row(1, { achieved: 0, total: 0 }), row(2, { count: 1 })]]),
    );
    expect(result).toMatchObject({ outcome: "met", band: "green" });
  });
});

describe("a target that changes", () => {
  const contract = contractOf([
    {
      target: [
        { kind: "percentage", atMost: 3 },
        { kind: "percentage", atMost: 2.5, from: "2024-07", text: "At most 2.5%" },
      ],
      targetText: "At most 3%",
    },
  ]);
  const data = returns(
    ["2024-06", [row(1, { percentage: 2.8 })]],
    ["2024-07", [row(1, { percentage: 2.8 })]],
  );

  it("judges each month by the target in force then", () => {
    expect(judged(contract, "2024-06", data)[0]).toMatchObject({ outcome: "met", target: "At most 3%" });
    expect(judged(contract, "2024-07", data)[0]).toMatchObject({
      outcome: "not-met",
      target: "At most 2.5%",
    });
  });

  it("says the direction of travel is not comparable across the change", () => {
    const result = scheduleResults(contract, ["2024-07"], data).get("2024-07")!.kpis[0]!;
    expect(result.trend).toMatchObject({ direction: "not comparable", cause: "target-changed" });
    expect(trendText(result, result.trend!)).toBe(
      "Target changed from At most 3% in June 2024 to At most 2.5%",
    );
  });

  it("a month before the first target takes effect has no target", () => {
    const late = contractOf([{ target: [{ kind: "count", fewerThan: 5, from: "2024-07" }] }]);
    const [result] = judged(late, "2024-06", returns(["2024-06", [row(1, { count: 1 })]]));
    expect(result).toMatchObject({ outcome: "not-applicable", reason: { code: "no-target" } });
    expect(reasonText(result!)).toBe("No target in force this month");
  });
});

describe("periods", () => {
  const contract = contractOf(
    [
      { frequency: "quarterly", target: { kind: "count", fewerThan: 40 } },
      { frequency: "cumulative-in-year", target: { kind: "count", atMost: 100 } },
      { frequency: "annual", target: { kind: "percentage", atLeast: 80 } },
    ],
    { year: { startMonth: 4 } },
  );
  const data = returns(
    ["2023-09", [row(1, { count: 30 }), row(2, { count: 60 }), row(3, { percentage: 85 })]],
    ["2024-06", [row(1, { count: 34 }), row(2, { count: 20 }), row(3, { percentage: 85 })]],
    ["2024-08", [row(1, { count: 34 }), row(2, { count: 50 }), row(3, { percentage: 85 })]],
    ["2024-09", [row(1, { count: 36 }), row(2, { count: 58 }), row(3, { percentage: 85 })]],
  );

  it("a quarterly KPI is not due between quarter ends, whatever the return says", () => {
    const [quarterly, , annual] = judged(contract, "2024-08", data);
    expect(quarterly).toMatchObject({
      outcome: "not-due",
      reason: { code: "off-period", frequency: "quarterly", nextDue: "2024-09" },
    });
    expect(reasonText(quarterly!)).toBe(
      "Not due this month: reported at the end of each quarter, next due September 2024",
    );
    expect(annual).toMatchObject({ outcome: "not-due", reason: { nextDue: "2025-03" } });
    expect(reasonText(annual!)).toBe(
      "Not due this month: reported at the end of the year, next due March 2025",
    );
  });

  it("a quarter's figure is worded as the quarter's, and compared with the quarter before", () => {
    const result = scheduleResults(contract, ["2024-09"], data).get("2024-09")!;
    const [quarterly, cumulative] = result.kpis;
    expect(reasonText(quarterly!)).toBe("36 for the quarter against fewer than 40");
    expect(quarterly!.trend).toMatchObject({
      previous: "2024-06",
      direction: "worse",
      figure: 36,
      previousFigure: 34,
    });
    // The year to date is compared with the same month a year before, never with last month's smaller total.
    expect(cumulative!.trend).toMatchObject({ previous: "2023-09", direction: "better" });
    expect(trendText(cumulative!, cumulative!.trend!)).toBe(
      "58, down from 60 in September 2023 (fewer is better)",
    );
  });

  it.each([
    // The year's latest part: since the return before, however many months back in the year it is.
    ["2024-09", "58 in the year to date, 8 this month"],
    ["2024-08", "50 in the year to date, 30 in July 2024 to August 2024"],
    // No earlier return this year: the year to date is all its own part.
    ["2024-06", "20 in the year to date (April 2024 to June 2024)"],
  ] as const)("a year to date in %s beside its own latest part: %s", (month, words) => {
    const cumulative = judged(contract, month, data)[1]!;
    expect(figuresText(cumulative.actual)).toBe(words);
  });

  it("a year to date whose earlier return gave no figure has no part said", () => {
    const gap = returns(
      ["2024-05", [row(2, { status: "not captured" })]],
      ["2024-06", [row(2, { count: 20 })]],
    );
    expect(figuresText(judged(contract, "2024-06", gap)[1]!.actual)).toBe("20 in the year to date");
  });

  it("Southend's quarterly KPIs, with no year given, keep the return's word", () => {
    const noYear = contractOf([{ frequency: "quarterly", target: { kind: "percentage", atLeast: 100 } }]);
    const [result] = judged(noYear, "2024-08", returns(["2024-08", [row(1, { percentage: 100 })]]));
    expect(result!.outcome).toBe("met");
  });
});
