import { describe, expect, it } from "vitest";
import { summarise } from "../../src/evaluate/summary.js";
import type { Outcome } from "../../src/schema/return.js";
import type { Summary } from "../../src/schema/results.js";
import { joinList, kpiList } from "../../src/words/lists.js";
import { summaryLine } from "../../src/words/summary.js";
import { result } from "../evaluate/fixtures.js";

/** Results numbered 1..n, the given outcomes in order. */
const results = (...outcomes: Outcome[]) => outcomes.map((o, i) => result(i + 1, o));
const times = (n: number, o: Outcome): Outcome[] => Array.from({ length: n }, () => o);

describe("joinList", () => {
  it.each([
    [[], ""],
    [[5], "5"],
    [[5, 26], "5 and 26"],
    [[5, 26, 27], "5, 26 and 27"],
    [[1, 2, 3, 4], "1, 2, 3 and 4"],
  ])("%j -> %s", (numbers, text) => {
    expect(joinList(numbers)).toBe(text);
  });

  it("puts one KPI before the list", () => {
    expect(kpiList([5, 26, 27])).toBe("KPI 5, 26 and 27");
  });
});

describe("summaryLine", () => {
  it.each([
    [
      "the September 2022 briefing",
      [...times(4, "met"), "not-met", ...times(20, "met"), "not-met", "not-met"],
      "24 KPIs achieved, 3 not met: KPI 5, 26 and 27",
    ],
    ["all met", times(27, "met"), "27 KPIs achieved, none not met"],
    ["one met", ["met"], "1 KPI achieved, none not met"],
    ["none met", ["not-met"], "0 KPIs achieved, 1 not met: KPI 1"],
    ["two not met", ["not-met", "met", "not-met"], "1 KPI achieved, 2 not met: KPI 1 and 3"],
    [
      "with the tail",
      [
        ...times(20, "met"),
        "not-captured",
        "not-captured",
        "not-due",
        "not-due",
        "not-met",
        "not-met",
        "not-met",
      ],
      "20 KPIs achieved, 3 not met: KPI 25, 26 and 27; 2 not captured, 2 not due",
    ],
    [
      "a tail with nothing not met",
      ["met", "met", "not-applicable"],
      "2 KPIs achieved, none not met; 1 not applicable",
    ],
    ["nothing at all", [], "0 KPIs achieved, none not met"],
  ] as const)("%s", (_name, outcomes, line) => {
    expect(summaryLine(summarise(results(...outcomes)))).toBe(line);
  });

  it("words the counts a month gives", () => {
    const unordered = [
      result(27, "not-met"),
      result(5, "not-met"),
      result(26, "not-met"),
      result(3, "met"),
      result(9, "not-due"),
      result(1, "not-captured"),
      result(2, "not-applicable"),
      result(4, "met"),
    ];
    expect(summaryLine(summarise(unordered))).toBe(
      "2 KPIs achieved, 3 not met: KPI 5, 26 and 27; 1 not captured, 1 not applicable, 1 not due",
    );
  });

  it.each<[Summary, string]>([
    // test/evaluate/evaluate-month.test.ts's summaries, as evaluate gives them
    [
      { met: 2, notMet: 1, notCaptured: 0, notApplicable: 0, notDue: 0, notMetKpis: [3], overridden: [] },
      "2 KPIs achieved, 1 not met: KPI 3",
    ],
    [
      { met: 0, notMet: 0, notCaptured: 3, notApplicable: 0, notDue: 0, notMetKpis: [], overridden: [] },
      "0 KPIs achieved, none not met; 3 not captured",
    ],
    [
      {
        met: 24,
        notMet: 3,
        notCaptured: 0,
        notApplicable: 0,
        notDue: 0,
        notMetKpis: [5, 26, 27],
        overridden: [],
      },
      "24 KPIs achieved, 3 not met: KPI 5, 26 and 27",
    ],
    [
      { met: 1, notMet: 1, notCaptured: 0, notApplicable: 0, notDue: 1, notMetKpis: [3], overridden: [] },
      "1 KPI achieved, 1 not met: KPI 3; 1 not due",
    ],
    [
      { met: 2, notMet: 0, notCaptured: 0, notApplicable: 0, notDue: 1, notMetKpis: [], overridden: [3] },
      "2 KPIs achieved, none not met; 1 not due",
    ],
  ])("words %j as %s", (summary, line) => {
    expect(summaryLine(summary)).toBe(line);
  });
});
