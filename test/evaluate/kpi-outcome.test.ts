import { describe, expect, it } from "vitest";
import { judgeKpi } from "../../src/evaluate/kpi-outcome.js";
import type { ReturnKpi } from "../../src/schema/return.js";
import { KpiResultSchema } from "../../src/schema/results.js";
import {
  councilRow,
  countKpi,
  monthReturn,
  noHistory,
  percentageKpi,
  reportKpi,
  returnsOf,
  row,
} from "./fixtures.js";

const SEP = "2022-09";

/**
 * Evaluate's results in codes and numbers: each case states the figures as evaluate keeps them
 * (`actual`: the numbers, their `form` and the percentage `shown`) and the reason as a code with
 * its numbers. How a reader sees each is test/words/kpi-words.test.ts's, for these same codes.
 */

describe("percentage targets", () => {
  it.each([
    [
      "exactly on target, from counts",
      98,
      { achieved: 98, total: 100 },
      "met",
      { achieved: 98, total: 100, percentage: 98, form: "percentage", shown: 98 },
      { code: "meets-target", basis: "counts", target: 98 },
    ],
    [
      "one short of target, from counts",
      98,
      { achieved: 97, total: 100 },
      "not-met",
      { achieved: 97, total: 100, percentage: 97, form: "percentage", shown: 97 },
      { code: "below-target", basis: "counts", target: 98 },
    ],
    [
      "exactly on target, stated",
      98,
      { percentage: 98 },
      "met",
      { percentage: 98, form: "percentage", shown: 98 },
      { code: "meets-target", basis: "stated", target: 98 },
    ],
    [
      "just under target, stated",
      98,
      { percentage: 97.9 },
      "not-met",
      { percentage: 97.9, form: "percentage", shown: 97.9 },
      { code: "below-target", basis: "stated", target: 98 },
    ],
    [
      "a count that divides inexactly in floating point",
      57,
      { achieved: 57, total: 100 },
      "met",
      { achieved: 57, total: 100, percentage: 57, form: "percentage", shown: 57 },
      { code: "meets-target", basis: "counts", target: 57 },
    ],
    [
      "a third, rounded to one decimal",
      30,
      { achieved: 1, total: 3 },
      "met",
      { achieved: 1, total: 3, percentage: 33.333333333333336, form: "percentage", shown: 33.3 },
      { code: "meets-target", basis: "counts", target: 30 },
    ],
    [
      "the committee's own example",
      90,
      { achieved: 17, total: 27 },
      "not-met",
      { achieved: 17, total: 27, percentage: 62.96296296296296, form: "percentage", shown: 63 },
      { code: "below-target", basis: "counts", target: 90 },
    ],
    [
      "counts beat a stated percentage that would pass",
      98,
      { achieved: 90, total: 100, percentage: 99 },
      "not-met",
      { achieved: 90, total: 100, percentage: 90, form: "percentage", shown: 90 },
      { code: "below-target", basis: "counts", target: 98 },
    ],
    [
      "counts beat a stated percentage that would fail",
      98,
      { achieved: 100, total: 100, percentage: 50 },
      "met",
      { achieved: 100, total: 100, percentage: 100, form: "percentage", shown: 100 },
      { code: "meets-target", basis: "counts", target: 98 },
    ],
    [
      "zero activity",
      100,
      { achieved: 0, total: 0 },
      "met",
      { achieved: 0, total: 0, form: "no-activity" },
      { code: "no-activity" },
    ],
    [
      "zero activity beats a stated percentage",
      100,
      { achieved: 0, total: 0, percentage: 10 },
      "met",
      { achieved: 0, total: 0, form: "no-activity" },
      { code: "no-activity" },
    ],
    [
      "a near miss never prints as the target",
      100,
      { achieved: 2499, total: 2500 },
      "not-met",
      { achieved: 2499, total: 2500, percentage: 99.96, form: "percentage", shown: 99.9 },
      { code: "below-target", basis: "counts", target: 100 },
    ],
    [
      "a stated near miss never prints as the target",
      98,
      { percentage: 97.96 },
      "not-met",
      { percentage: 97.96, form: "percentage", shown: 97.9 },
      { code: "below-target", basis: "stated", target: 98 },
    ],
    [
      "counts incomplete, stated used",
      95,
      { achieved: 40, percentage: 95.2 },
      "met",
      { achieved: 40, percentage: 95.2, form: "percentage", shown: 95.2 },
      { code: "meets-target", basis: "stated", target: 95 },
    ],
    ["no figures at all", 95, {}, "not-captured", { form: "figures" }, { code: "no-figures" }],
    [
      "achieved without a total",
      95,
      { achieved: 40 },
      "not-captured",
      { achieved: 40, form: "figures" },
      { code: "no-figures" },
    ],
  ] as const)("%s", (_name, atLeast, fields, outcome, actual, reason) => {
    const result = judgeKpi(percentageKpi(2, atLeast), row(2, fields), SEP, noHistory);
    expect(result.outcome).toBe(outcome);
    expect(result.computedOutcome).toBe(outcome);
    expect(result.actual).toEqual(actual);
    expect(result.reason).toEqual(reason);
  });

  it.each([
    [
      "meets",
      { achieved: 98, total: 100 },
      { achieved: 98, total: 100, percentage: 98, form: "percentage", shown: 98 },
      { code: "meets-target", basis: "counts", target: 98 },
    ],
    [
      "is below, stated",
      { percentage: 97.9 },
      { percentage: 97.9, form: "percentage", shown: 97.9 },
      { code: "below-target", basis: "stated", target: 98 },
    ],
    [
      "no activity",
      { achieved: 0, total: 0 },
      { achieved: 0, total: 0, form: "no-activity" },
      { code: "no-activity" },
    ],
    ["no figures", {}, { form: "figures" }, { code: "no-figures" }],
    [
      "a total of 0 with some achieved",
      { achieved: 3, total: 0 },
      { achieved: 3, total: 0, form: "figures" },
      { code: "zero-total", achieved: 3 },
    ],
  ] as const)("gives a reason that names the figures and the target: %s", (_name, fields, actual, reason) => {
    const result = judgeKpi(percentageKpi(2, 98), row(2, fields), SEP, noHistory);
    expect([result.actual, result.reason]).toEqual([actual, reason]);
  });

  it.each([
    [
      "prints a stated percentage that agrees with the counts as stated (May 2022, KPI 13)",
      { achieved: 6, total: 7, percentage: 85.6 },
      { achieved: 6, total: 7, percentage: 85.71428571428571, form: "percentage", shown: 85.7, stated: 85.6 },
      { code: "below-target", basis: "counts", target: 90 },
    ],
    [
      "prints one that rounds the same once",
      { achieved: 1, total: 3, percentage: 33.3 },
      { achieved: 1, total: 3, percentage: 33.333333333333336, form: "percentage", shown: 33.3 },
      { code: "below-target", basis: "counts", target: 90 },
    ],
    [
      "never prints one that contradicts the counts",
      { achieved: 1, total: 4, percentage: 30 },
      { achieved: 1, total: 4, percentage: 25, form: "percentage", shown: 25 },
      { code: "below-target", basis: "counts", target: 90 },
    ],
  ] as const)("%s", (_name, fields, actual, reason) => {
    const result = judgeKpi(percentageKpi(13, 90), row(13, fields), SEP, noHistory);
    expect([result.actual, result.reason]).toEqual([actual, reason]);
    expect(result.outcome).toBe("not-met");
  });

  it("keeps the computed percentage, not the stated one, in the figures", () => {
    const { actual, reason } = judgeKpi(
      percentageKpi(2, 98),
      row(2, { achieved: 1, total: 4, percentage: 30 }),
      SEP,
      noHistory,
    );
    expect(actual).toEqual({ achieved: 1, total: 4, percentage: 25, form: "percentage", shown: 25 });
    expect(reason).toEqual({ code: "below-target", basis: "counts", target: 98 });
  });

  it("leaves a stated percentage out of a month with no activity", () => {
    const { actual, reason } = judgeKpi(
      percentageKpi(2, 98),
      row(2, { achieved: 0, total: 0, percentage: 10 }),
      SEP,
      noHistory,
    );
    expect(actual).toEqual({ achieved: 0, total: 0, form: "no-activity" });
    expect(reason).toEqual({ code: "no-activity" });
  });
});

describe("count targets", () => {
  it.each([
    [
      "none, all reported",
      { count: 0, achieved: 0, total: 0 },
      "met",
      { achieved: 0, total: 0, count: 0, form: "count", reported: "none-to-report" },
      { code: "under-limit", count: 0, below: 5 },
    ],
    [
      "none, stated 100%",
      { count: 0, percentage: 100 },
      "met",
      { count: 0, percentage: 100, form: "count", reported: "share", shown: 100 },
      { code: "under-limit", count: 0, below: 5 },
    ],
    [
      "none, no reporting figure",
      { count: 0 },
      "met",
      { count: 0, form: "count", reported: "nothing-to-report" },
      { code: "under-limit", count: 0, below: 5 },
    ],
    [
      "one under the limit",
      { count: 4, achieved: 4, total: 4 },
      "met",
      { achieved: 4, total: 4, count: 4, percentage: 100, form: "count", reported: "counts", shown: 100 },
      { code: "under-limit", count: 4, below: 5 },
    ],
    [
      "at the limit",
      { count: 5, achieved: 5, total: 5 },
      "not-met",
      { achieved: 5, total: 5, count: 5, percentage: 100, form: "count", reported: "counts", shown: 100 },
      { code: "over-limit", count: 5, below: 5 },
    ],
    [
      "under the limit but 99% reported",
      { count: 4, percentage: 99 },
      "not-met",
      { count: 4, percentage: 99, form: "count", reported: "share", shown: 99 },
      { code: "under-reported", count: 4, below: 5, reportedAtLeast: 100 },
    ],
    [
      "under the limit, 3 of 4 reported",
      { count: 4, achieved: 3, total: 4 },
      "not-met",
      { achieved: 3, total: 4, count: 4, percentage: 75, form: "count", reported: "counts", shown: 75 },
      { code: "under-reported", count: 4, below: 5, reportedAtLeast: 100 },
    ],
    [
      "a near miss on reporting never prints as 100%",
      { count: 1, percentage: 99.96 },
      "not-met",
      { count: 1, percentage: 99.96, form: "count", reported: "share", shown: 99.9 },
      { code: "under-reported", count: 1, below: 5, reportedAtLeast: 100 },
    ],
    [
      "some, but no reporting figure",
      { count: 2 },
      "not-captured",
      { count: 2, form: "count" },
      { code: "reported-unknown", count: 2, below: 5, reportedAtLeast: 100 },
    ],
    [
      "no count",
      { percentage: 100 },
      "not-captured",
      { percentage: 100, form: "figures" },
      { code: "no-count" },
    ],
  ] as const)("%s", (_name, fields, outcome, actual, reason) => {
    const result = judgeKpi(countKpi(21, 5, 100), row(21, fields), SEP, noHistory);
    expect([result.outcome, result.actual, result.reason]).toEqual([outcome, actual, reason]);
  });

  it("judges the count alone when the target sets no reporting share", () => {
    const result = judgeKpi(countKpi(21, 3), row(21, { count: 2 }), SEP, noHistory);
    expect([result.outcome, result.actual, result.reason]).toEqual([
      "met",
      { count: 2, form: "count" },
      { code: "under-limit", count: 2, below: 3 },
    ]);
  });
});

describe("report targets", () => {
  const quarterly = reportKpi(23, 3);
  const delivered = (month: string) => monthReturn(month, [row(23, { achieved: 1, total: 1 })]);
  const offMonth = row(23, { status: "not due" });

  it.each([
    [
      "delivered this month (achieved)",
      row(23, { achieved: 1, total: 1 }),
      "met",
      { achieved: 1, total: 1, form: "report-delivered" },
      { code: "report-delivered" },
    ],
    [
      "delivered this month (count)",
      row(23, { count: 1 }),
      "met",
      { count: 1, form: "report-delivered" },
      { code: "report-delivered" },
    ],
    ["off month, nothing earlier", offMonth, "not-due", { form: "figures" }, { code: "not-due" }],
    [
      "measured, nothing delivered",
      row(23, { achieved: 0, total: 1 }),
      "not-met",
      { achieved: 0, total: 1, form: "no-report" },
      { code: "no-report", monthsBefore: 2 },
    ],
    [
      "not captured",
      row(23, { status: "not captured" }),
      "not-captured",
      { form: "figures" },
      { code: "not-captured" },
    ],
    ["missing row", undefined, "not-captured", { form: "figures" }, { code: "no-row" }],
  ] as const)("%s", (_name, theRow, outcome, actual, reason) => {
    const result = judgeKpi(quarterly, theRow as ReturnKpi | undefined, SEP, noHistory);
    expect([result.outcome, result.actual, result.reason]).toEqual([outcome, actual, reason]);
  });

  it.each([
    [
      "one month ago",
      "2022-08",
      "met",
      { form: "covered", coveredBy: "2022-08" },
      { code: "covered", month: "2022-08" },
    ],
    [
      "two months ago",
      "2022-07",
      "met",
      { form: "covered", coveredBy: "2022-07" },
      { code: "covered", month: "2022-07" },
    ],
    ["three months ago", "2022-06", "not-due", { form: "figures" }, { code: "not-due" }],
  ] as const)("a report delivered %s, off month now", (_name, when, outcome, actual, reason) => {
    const result = judgeKpi(quarterly, offMonth, SEP, returnsOf(delivered(when)));
    expect([result.outcome, result.actual, result.reason]).toEqual([outcome, actual, reason]);
  });

  it("names the most recent covering report", () => {
    const result = judgeKpi(quarterly, offMonth, SEP, returnsOf(delivered("2022-07"), delivered("2022-08")));
    expect([result.actual, result.reason]).toEqual([
      { form: "covered", coveredBy: "2022-08" },
      { code: "covered", month: "2022-08" },
    ]);
  });

  it("covers a month whose row says measured with nothing delivered, or is missing", () => {
    const history = returnsOf(delivered("2022-08"));
    expect(judgeKpi(quarterly, row(23, { achieved: 0, total: 1 }), SEP, history).outcome).toBe("met");
    expect(judgeKpi(quarterly, undefined, SEP, history).outcome).toBe("met");
  });

  it("does not count an earlier row that was not measured, or measured with nothing delivered", () => {
    const history = returnsOf(
      monthReturn("2022-08", [row(23, { status: "not due", achieved: 1 })]),
      monthReturn("2022-07", [row(23, { achieved: 0 })]),
    );
    expect(judgeKpi(quarterly, offMonth, SEP, history).outcome).toBe("not-due");
  });

  it("does not look back at all for a monthly report", () => {
    const result = judgeKpi(reportKpi(23, 1), row(23, { achieved: 0 }), SEP, returnsOf(delivered("2022-08")));
    expect([result.outcome, result.actual, result.reason]).toEqual([
      "not-met",
      { achieved: 0, form: "no-report" },
      { code: "no-report", monthsBefore: 0 },
    ]);
  });
});

describe("statuses", () => {
  it.each([
    ["not captured", "not-captured", "not-captured"],
    ["not applicable", "not-applicable", "not-applicable"],
    ["no service running", "not-applicable", "no-service"],
    ["not due", "not-due", "not-due"],
  ] as const)("%s", (status, outcome, code) => {
    for (const target of [percentageKpi(1, 100), countKpi(1, 5, 100)]) {
      const result = judgeKpi(target, row(1, { status }), SEP, noHistory);
      expect([result.outcome, result.computedOutcome, result.reason, result.actual]).toEqual([
        outcome,
        outcome,
        { code },
        { form: "figures" },
      ]);
    }
  });

  it("judges no figures on a row whose status is not measured", () => {
    const result = judgeKpi(
      percentageKpi(1, 100),
      row(1, { status: "not applicable", achieved: 0, total: 5 }),
      SEP,
      noHistory,
    );
    expect(result.outcome).toBe("not-applicable");
    expect(result.actual).toEqual({ achieved: 0, total: 5, percentage: 0, form: "figures" });
  });

  it("treats a missing row as not captured", () => {
    const result = judgeKpi(percentageKpi(7, 90), undefined, SEP, noHistory);
    expect(result).toEqual({
      number: 7,
      month: SEP,
      outcome: "not-captured",
      computedOutcome: "not-captured",
      target: "90%",
      actual: { form: "figures" },
      reason: { code: "no-row" },
      commentary: "",
    });
  });
});

describe("the result", () => {
  it("carries the target text, commentary and verification, and fits the schema", () => {
    const theRow = row(5, {
      achieved: 18,
      total: 20,
      commentary: "Two sub-contractor meet-and-greets missed",
    });
    const result = judgeKpi(
      percentageKpi(5, 100),
      theRow,
      SEP,
      noHistory,
      councilRow(5, { verified: true, verificationNote: "Checked against logs" }),
    );
    expect(result.target).toBe("100%");
    expect(result.commentary).toBe("Two sub-contractor meet-and-greets missed");
    expect(result.verified).toBe(true);
    expect(result.verificationNote).toBe("Checked against logs");
    expect(result.override).toBeUndefined();
    expect(KpiResultSchema.safeParse(result).success).toBe(true);
  });

  it("applies an override but keeps what the figures gave", () => {
    const theRow = row(26, { achieved: 95, total: 100 });
    const result = judgeKpi(
      percentageKpi(26, 98),
      theRow,
      SEP,
      noHistory,
      councilRow(26, { override: { outcome: "met", reason: "Sickness absence agreed as exceptional." } }),
    );
    expect(result.outcome).toBe("met");
    expect(result.computedOutcome).toBe("not-met");
    expect(result.override).toEqual({ reason: "Sickness absence agreed as exceptional." });
    expect([result.actual, result.reason]).toEqual([
      { achieved: 95, total: 100, percentage: 95, form: "percentage", shown: 95 },
      { code: "below-target", basis: "counts", target: 98 },
    ]);
    expect(KpiResultSchema.safeParse(result).success).toBe(true);
  });

  it("can override a status as well as figures", () => {
    const theRow = row(9, { status: "not captured" });
    const result = judgeKpi(
      percentageKpi(9, 100),
      theRow,
      SEP,
      noHistory,
      councilRow(9, { override: { outcome: "not-due", reason: "Quarterly check falls in October" } }),
    );
    expect([result.outcome, result.computedOutcome, result.reason, result.override]).toEqual([
      "not-due",
      "not-captured",
      { code: "not-captured" },
      { reason: "Quarterly check falls in October" },
    ]);
  });
});

describe("figures the council's review calls derived", () => {
  it("are labelled as derived, and judged as they are", () => {
    const result = judgeKpi(
      percentageKpi(9, 100),
      row(9, { percentage: 100, commentary: "all up to date" }),
      SEP,
      noHistory,
      councilRow(9, { derived: true }),
    );
    expect(result.outcome).toBe("met");
    expect(result.actual).toEqual({
      percentage: 100,
      derived: true,
      form: "percentage",
      shown: 100,
    });
    expect(KpiResultSchema.safeParse(result).success).toBe(true);
  });

  it("label nothing where there are no figures", () => {
    const result = judgeKpi(
      percentageKpi(9, 100),
      row(9, { status: "not captured" }),
      SEP,
      noHistory,
      councilRow(9, { derived: true }),
    );
    expect(result.actual).toEqual({ form: "figures" });
  });
});
