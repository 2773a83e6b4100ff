import { describe, expect, it } from "vitest";
import { monthChanges, outcomesByMonth } from "../../src/evaluate/changes.js";
import { defaultSchedule, evaluateMonths, withComparisons } from "../../src/evaluate/compare.js";
import { evaluateMonth } from "../../src/evaluate/evaluate-month.js";
import type { Target } from "../../src/schema/contract.js";
import { MonthResultsSchema } from "../../src/schema/results.js";
import { contract, kpi, monthReturn, percentageKpi, returnsOf, row } from "./fixtures.js";

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
    // A contract without bands has no band lists, and its changes no bands (the toEqual above says so too).
    expect(changes).not.toHaveProperty("newlyRed");
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

describe("monthChanges in a contract with red, amber and green bands", () => {
  // Green at 90% or more, amber within 5 points below, red further off. KPI 2 stays green, so both months count by band.
  const target: Target = {
    kind: "percentage",
    atLeast: 90,
    bands: { kind: "rag", tolerance: { absolute: 5 }, withinTolerance: "amber", amberIfImproved: false },
  };
  const banded = contract([kpi(1, target, "90%"), kpi(2, target, "90%")]);
  const figures = { green: { percentage: 95 }, amber: { percentage: 87 }, red: { percentage: 70 } } as const;
  const standing = (s: keyof typeof figures | "not captured" | "not due") =>
    s === "not captured" || s === "not due" ? { status: s } : figures[s];
  type Standing = Parameters<typeof standing>[0];
  const LISTS = [
    "newlyNotMet",
    "backToMet",
    "newlyNotCaptured",
    "newlyMet",
    "newlyRed",
    "newlyAmber",
    "backToGreen",
    "greenAfterNotCaptured",
  ] as const;

  const cases: [Standing, Standing, Record<string, object>][] = [
    [
      "green",
      "red",
      { newlyNotMet: { was: "met", now: "not-met", wasBand: "green", nowBand: "red" }, newlyRed: {} },
    ],
    [
      "green",
      "amber",
      { newlyNotMet: { was: "met", now: "not-met", wasBand: "green", nowBand: "amber" }, newlyAmber: {} },
    ],
    // Both not met: no outcome changed, but the band did.
    ["red", "amber", { newlyAmber: { was: "not-met", now: "not-met", wasBand: "red", nowBand: "amber" } }],
    ["amber", "red", { newlyRed: { was: "not-met", now: "not-met", wasBand: "amber", nowBand: "red" } }],
    [
      "amber",
      "green",
      { backToMet: { was: "not-met", now: "met", wasBand: "amber", nowBand: "green" }, backToGreen: {} },
    ],
    [
      "red",
      "green",
      { backToMet: { was: "not-met", now: "met", wasBand: "red", nowBand: "green" }, backToGreen: {} },
    ],
    [
      "not captured",
      "green",
      { newlyMet: { was: "not-captured", now: "met", nowBand: "green" }, greenAfterNotCaptured: {} },
    ],
    [
      "not captured",
      "red",
      { newlyNotMet: { was: "not-captured", now: "not-met", nowBand: "red" }, newlyRed: {} },
    ],
    ["green", "not captured", { newlyNotCaptured: { was: "met", now: "not-captured", wasBand: "green" } }],
    [
      "not due",
      "amber",
      { newlyNotMet: { was: "not-due", now: "not-met", nowBand: "amber" }, newlyAmber: {} },
    ],
    // Green after not due is no change the glance names, as met after not due is not.
    ["not due", "green", {}],
    ["green", "green", {}],
    ["amber", "amber", {}],
    ["red", "red", {}],
  ];

  it.each(cases)("%s in August, %s in September", (was, now, expected) => {
    const months = returnsOf(
      monthReturn("2022-08", [row(1, standing(was)), row(2, figures.green)]),
      monthReturn("2022-09", [row(1, standing(now)), row(2, figures.green)]),
    );
    const changes = monthChanges(
      evaluateMonth(banded, "2022-09", months),
      "2022-08",
      evaluateMonth(banded, "2022-08", months),
    );
    expect(MonthResultsSchema.shape.changes.parse(changes)).toEqual(changes);
    // Every band list is there, empty or not; the one change in each list that has it is KPI 1's.
    for (const list of LISTS) expect(changes[list], list).toBeInstanceOf(Array);
    const found = Object.fromEntries(
      LISTS.filter((list) => changes[list]!.length > 0).map((list) => [list, changes[list]]),
    );
    // A band list's change is the same change as the outcome list's beside it ({} in the table).
    const first = Object.values(expected)[0];
    const want = Object.fromEntries(
      Object.entries(expected).map(([list, change]) => [list, [{ number: 1, ...first, ...change }]]),
    );
    expect(found).toEqual(want);
  });

  it("has the band lists, empty, when the month before has no return", () => {
    const months = returnsOf(monthReturn("2022-09", [row(1, figures.red), row(2, figures.green)]));
    const changes = monthChanges(evaluateMonth(banded, "2022-09", months), "2022-08", undefined);
    expect(changes).not.toHaveProperty("previousCounts");
    expect(LISTS.map((list) => changes[list])).toEqual(LISTS.map(() => []));
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
