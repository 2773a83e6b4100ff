import { describe, expect, it } from "vitest";
import { monthChanges, outcomesByMonth } from "../../src/evaluate/changes.js";
import { defaultSchedule, evaluateMonths, withComparisons } from "../../src/evaluate/compare.js";
import { evaluateMonth } from "../../src/evaluate/evaluate-month.js";
import { MonthResultsSchema } from "../../src/schema/results.js";
import { contract, monthReturn, percentageKpi, returnsOf, row } from "./fixtures.js";

const small = contract([
  percentageKpi(1, 90),
  percentageKpi(2, 90),
  percentageKpi(3, 90),
  percentageKpi(4, 90),
  percentageKpi(5, 90),
]);

const august = monthReturn("2022-08", [
  row(1, { percentage: 100 }),
  row(2, { percentage: 50 }),
  row(3, { status: "not captured" }),
  row(4, { percentage: 95 }),
  row(5, { status: "not due" }),
]);
const september = monthReturn("2022-09", [
  row(1, { percentage: 80 }), // met -> not met
  row(2, { percentage: 95 }), // not met -> met
  row(3, { percentage: 100 }), // not captured -> met
  row(4, { status: "not captured" }), // met -> not captured
  row(5, { percentage: 10 }), // not due -> not met
]);
const returns = returnsOf(august, september);

describe("monthChanges", () => {
  it("lists the KPIs that moved, with what they were, and both months' counts", () => {
    const changes = monthChanges(
      evaluateMonth(small, "2022-09", returns),
      "2022-08",
      evaluateMonth(small, "2022-08", returns),
    );
    expect(changes).toEqual({
      previous: "2022-08",
      counts: { met: 2, notMet: 2, notCaptured: 1, notApplicable: 0, notDue: 0 },
      previousCounts: { met: 2, notMet: 1, notCaptured: 1, notApplicable: 0, notDue: 1 },
      newlyNotMet: [
        { number: 1, was: "met", now: "not-met" },
        { number: 5, was: "not-due", now: "not-met" },
      ],
      backToMet: [{ number: 2, was: "not-met", now: "met" }],
      newlyNotCaptured: [{ number: 4, was: "met", now: "not-captured" }],
      newlyMet: [{ number: 3, was: "not-captured", now: "met" }],
    });
  });

  it("says nothing changed, and has no counts to compare, when the month before has no return", () => {
    const changes = monthChanges(evaluateMonth(small, "2022-09", returns), "2022-08", undefined);
    expect(changes).not.toHaveProperty("previousCounts");
    expect([changes.newlyNotMet, changes.backToMet, changes.newlyNotCaptured, changes.newlyMet]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });
});

describe("outcomesByMonth", () => {
  it("counts each month shown, keeping a month with no return as a gap", () => {
    const results = evaluateMonths(small, ["2022-07", "2022-08", "2022-09"], returns);
    expect([...results.keys()]).toEqual(["2022-08", "2022-09"]);
    expect(outcomesByMonth(["2022-07", "2022-08", "2022-09"], results)).toEqual([
      { month: "2022-07", returned: false, met: 0, notMet: 0, notCaptured: 0, notApplicable: 0, notDue: 0 },
      { month: "2022-08", returned: true, met: 2, notMet: 1, notCaptured: 1, notApplicable: 0, notDue: 1 },
      { month: "2022-09", returned: true, met: 2, notMet: 2, notCaptured: 1, notApplicable: 0, notDue: 0 },
    ]);
  });
});

describe("withComparisons", () => {
  const yearBefore = monthReturn("2021-09", [row(1, { percentage: 90 }), row(2, { percentage: 95 })]);

  it("adds the trend against the month before to every KPI, and a year-ago trend when the data has that month", () => {
    const results = evaluateMonths(
      small,
      ["2021-09", "2022-08", "2022-09"],
      returnsOf(yearBefore, august, september),
    );
    const compared = withComparisons(small, results.get("2022-09")!, results, ["2022-08", "2022-09"]);
    expect(MonthResultsSchema.parse(compared)).toEqual(compared);
    expect(compared.kpis.map((k) => [k.number, k.trend?.direction, k.yearAgo?.direction])).toEqual([
      [1, "worse", "worse"],
      [2, "better", "same"],
      [3, "not comparable", "not comparable"],
      [4, "not comparable", "not comparable"],
      [5, "not comparable", "not comparable"],
    ]);
    expect(compared.kpis[0]!.yearAgo).toEqual({
      previous: "2021-09",
      direction: "worse",
      basis: "figures",
      measure: "percentage",
      figure: 80,
      previousFigure: 90,
      change: -10,
      previousOutcome: "met",
    });
    // KPIs 3 to 5 have no row in the year-old return, which evaluate makes "not captured".
    expect(compared.kpis[2]!.yearAgo).toEqual({
      previous: "2021-09",
      direction: "not comparable",
      cause: "not-captured",
      previousOutcome: "not-captured",
    });
    expect(compared.changes?.backToMet).toEqual([{ number: 2, was: "not-met", now: "met" }]);
    expect(compared.outcomesByMonth?.map((m) => m.month)).toEqual(["2022-08", "2022-09"]);
  });

  it("leaves out the year-ago trend when the data does not have that month", () => {
    const results = evaluateMonths(small, ["2022-08", "2022-09"], returns);
    const compared = withComparisons(small, results.get("2022-09")!, results);
    expect(compared.kpis.every((k) => k.trend !== undefined && !("yearAgo" in k))).toBe(true);
    expect(compared.outcomesByMonth?.map((m) => m.month)).toEqual(["2022-09"]);
  });

  it("in the first month of the data, says every KPI is not comparable: no return the month before", () => {
    const results = evaluateMonths(small, ["2022-08"], returns);
    const compared = withComparisons(small, results.get("2022-08")!, results);
    expect(compared.kpis.map((k) => [k.number, k.trend])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [
        n,
        { previous: "2022-07", direction: "not comparable", cause: "no-return" },
      ]),
    );
    expect(compared.changes).not.toHaveProperty("previousCounts");
  });
});

describe("defaultSchedule", () => {
  it.each([
    ["2022-09", "2022-03", "2022-03", 7],
    ["2023-09", "2022-03", "2022-10", 12],
    ["2022-03", "2022-03", "2022-03", 1],
  ])("for %s with returns from %s starts at %s (%i months)", (month, first, start, length) => {
    const months = defaultSchedule(month, first);
    expect([months[0], months.length, months.at(-1)]).toEqual([start, length, month]);
  });
});
