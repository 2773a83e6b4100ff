import { describe, expect, it } from "vitest";
import { judgeKpi as judgeCodes } from "../../src/evaluate/kpi-outcome.js";
import { judgeKpi } from "./worded.js";
import type { ReturnKpi } from "../../src/schema/return.js";
import { KpiJsonSchema as KpiResultSchema } from "../../src/schema/results-json.js";
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

describe("percentage targets", () => {
  it.each([
    ["exactly on target, from counts", 98, { achieved: 98, total: 100 }, "met", "98 of 100 (98%)"],
    ["one short of target, from counts", 98, { achieved: 97, total: 100 }, "not-met", "97 of 100 (97%)"],
    ["exactly on target, stated", 98, { percentage: 98 }, "met", "98% (no counts given)"],
    ["just under target, stated", 98, { percentage: 97.9 }, "not-met", "97.9% (no counts given)"],
    [
      "a count that divides inexactly in floating point",
      57,
      { achieved: 57, total: 100 },
      "met",
      "57 of 100 (57%)",
    ],
    ["a third, rounded to one decimal", 30, { achieved: 1, total: 3 }, "met", "1 of 3 (33.3%)"],
    ["the committee's own example", 90, { achieved: 17, total: 27 }, "not-met", "17 of 27 (63%)"],
    [
      "counts beat a stated percentage that would pass",
      98,
      { achieved: 90, total: 100, percentage: 99 },
      "not-met",
      "90 of 100 (90%)",
    ],
    [
      "counts beat a stated percentage that would fail",
      98,
      { achieved: 100, total: 100, percentage: 50 },
      "met",
      "100 of 100 (100%)",
    ],
    ["zero activity", 100, { achieved: 0, total: 0 }, "met", "0 of 0 (no activity)"],
    [
      "zero activity beats a stated percentage",
      100,
      { achieved: 0, total: 0, percentage: 10 },
      "met",
      "0 of 0 (no activity)",
    ],
    [
      "a near miss never prints as the target",
      100,
      { achieved: 2499, total: 2500 },
      "not-met",
      "2499 of 2500 (99.9%)",
    ],
    [
      "a stated near miss never prints as the target",
      98,
      { percentage: 97.96 },
      "not-met",
      "97.9% (no counts given)",
    ],
    [
      "counts incomplete, stated used",
      95,
      { achieved: 40, percentage: 95.2 },
      "met",
      "95.2% (counts incomplete)",
    ],
    ["no figures at all", 95, {}, "not-captured", "No figures"],
    ["achieved without a total", 95, { achieved: 40 }, "not-captured", "40 achieved, total not given"],
  ] as const)("%s", (_name, atLeast, fields, outcome, text) => {
    const result = judgeKpi(percentageKpi(2, atLeast), row(2, fields), SEP, noHistory);
    expect(result.outcome).toBe(outcome);
    expect(result.computedOutcome).toBe(outcome);
    expect(result.actual.text).toBe(text);
  });

  it("gives reasons that name the figures and the target", () => {
    expect(judgeKpi(percentageKpi(2, 98), row(2, { achieved: 98, total: 100 }), SEP, noHistory).verdict).toBe(
      "98 of 100 (98%) meets the 98% target",
    );
    expect(judgeKpi(percentageKpi(2, 98), row(2, { percentage: 97.9 }), SEP, noHistory).verdict).toBe(
      "Stated 97.9% is below the 98% target",
    );
    expect(judgeKpi(percentageKpi(2, 98), row(2, { achieved: 0, total: 0 }), SEP, noHistory).verdict).toBe(
      "No activity this month (0 of 0)",
    );
    expect(judgeKpi(percentageKpi(2, 98), row(2), SEP, noHistory).verdict).toBe(
      "Measured, but no figures given",
    );
    expect(judgeKpi(percentageKpi(2, 98), row(2, { achieved: 3, total: 0 }), SEP, noHistory).verdict).toBe(
      "Measured, but 3 of 0 cannot be judged",
    );
  });

  it.each([
    [
      "prints a stated percentage that agrees with the counts as stated (May 2022, KPI 13)",
      { achieved: 6, total: 7, percentage: 85.6 },
      "6 of 7 (85.6% as stated)",
    ],
    ["prints one that rounds the same once", { achieved: 1, total: 3, percentage: 33.3 }, "1 of 3 (33.3%)"],
    [
      "never prints one that contradicts the counts",
      { achieved: 1, total: 4, percentage: 30 },
      "1 of 4 (25%)",
    ],
  ] as const)("%s", (_name, fields, text) => {
    const result = judgeKpi(percentageKpi(13, 90), row(13, fields), SEP, noHistory);
    expect(result.actual.text).toBe(text);
    expect(result.outcome).toBe("not-met");
  });

  it("keeps the computed percentage, not the stated one, in the figures", () => {
    const { actual, reason } = judgeCodes(
      percentageKpi(2, 98),
      row(2, { achieved: 1, total: 4, percentage: 30 }),
      SEP,
      noHistory,
    );
    expect(actual).toEqual({ achieved: 1, total: 4, percentage: 25, form: "percentage", shown: 25 });
    expect(reason).toEqual({ code: "below-target", basis: "counts", target: 98 });
  });

  it("leaves a stated percentage out of a month with no activity", () => {
    const { actual, reason } = judgeCodes(
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
      "Count 0, none to report",
      "0 this month (target fewer than 5), none to report",
    ],
    [
      "none, stated 100%",
      { count: 0, percentage: 100 },
      "met",
      "Count 0, 100% reported",
      "0 this month (target fewer than 5), 100% reported",
    ],
    [
      "none, no reporting figure",
      { count: 0 },
      "met",
      "Count 0, nothing to report",
      "0 this month (target fewer than 5), nothing to report",
    ],
    [
      "one under the limit",
      { count: 4, achieved: 4, total: 4 },
      "met",
      "Count 4, 4 of 4 reported (100%)",
      "4 this month (target fewer than 5), 100% reported",
    ],
    [
      "at the limit",
      { count: 5, achieved: 5, total: 5 },
      "not-met",
      "Count 5, 5 of 5 reported (100%)",
      "5 this month (target fewer than 5), 100% reported",
    ],
    [
      "under the limit but 99% reported",
      { count: 4, percentage: 99 },
      "not-met",
      "Count 4, 99% reported",
      "4 this month (target fewer than 5), but only 99% reported (target 100%)",
    ],
    [
      "under the limit, 3 of 4 reported",
      { count: 4, achieved: 3, total: 4 },
      "not-met",
      "Count 4, 3 of 4 reported (75%)",
      "4 this month (target fewer than 5), but only 75% reported (target 100%)",
    ],
    [
      "a near miss on reporting never prints as 100%",
      { count: 1, percentage: 99.96 },
      "not-met",
      "Count 1, 99.9% reported",
      "1 this month (target fewer than 5), but only 99.9% reported (target 100%)",
    ],
    [
      "some, but no reporting figure",
      { count: 2 },
      "not-captured",
      "Count 2",
      "2 this month (target fewer than 5), but no figure for how many were reported (target 100%)",
    ],
    [
      "no count",
      { percentage: 100 },
      "not-captured",
      "100% (no counts given)",
      "Measured, but no count given",
    ],
  ] as const)("%s", (_name, fields, outcome, text, reason) => {
    const result = judgeKpi(countKpi(21, 5, 100), row(21, fields), SEP, noHistory);
    expect([result.outcome, result.actual.text, result.verdict]).toEqual([outcome, text, reason]);
  });

  it("judges the count alone when the target sets no reporting share", () => {
    const result = judgeKpi(countKpi(21, 3), row(21, { count: 2 }), SEP, noHistory);
    expect([result.outcome, result.actual.text, result.verdict]).toEqual([
      "met",
      "Count 2",
      "2 this month (target fewer than 3)",
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
      "Report delivered this month",
      "Report delivered",
    ],
    [
      "delivered this month (count)",
      row(23, { count: 1 }),
      "met",
      "Report delivered this month",
      "Report delivered",
    ],
    ["off month, nothing earlier", offMonth, "not-due", "Not due this month", "No figures"],
    [
      "measured, nothing delivered",
      row(23, { achieved: 0, total: 1 }),
      "not-met",
      "No report delivered this month, nor in the returns for the previous 2 months",
      "No report delivered",
    ],
    [
      "not captured",
      row(23, { status: "not captured" }),
      "not-captured",
      "Not captured this month",
      "No figures",
    ],
    ["missing row", undefined, "not-captured", "No figure in the return", "No figures"],
  ] as const)("%s", (_name, theRow, outcome, reason, text) => {
    const result = judgeKpi(quarterly, theRow as ReturnKpi | undefined, SEP, noHistory);
    expect([result.outcome, result.verdict, result.actual.text]).toEqual([outcome, reason, text]);
  });

  it.each([
    ["one month ago", "2022-08", "met", "Report delivered in August 2022 covers this period"],
    ["two months ago", "2022-07", "met", "Report delivered in July 2022 covers this period"],
    ["three months ago", "2022-06", "not-due", "Not due this month"],
  ] as const)("a report delivered %s, off month now", (_name, when, outcome, reason) => {
    const result = judgeKpi(quarterly, offMonth, SEP, returnsOf(delivered(when)));
    expect([result.outcome, result.verdict]).toEqual([outcome, reason]);
  });

  it("names the most recent covering report", () => {
    const result = judgeKpi(quarterly, offMonth, SEP, returnsOf(delivered("2022-07"), delivered("2022-08")));
    expect(result.verdict).toBe("Report delivered in August 2022 covers this period");
    expect(result.actual.text).toBe("Covered by the August 2022 report");
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
    expect([result.outcome, result.verdict]).toEqual(["not-met", "No report delivered this month"]);
  });
});

describe("statuses", () => {
  it.each([
    ["not captured", "not-captured", "Not captured this month"],
    ["not applicable", "not-applicable", "Not applicable this month"],
    ["no service running", "not-applicable", "No service running"],
    ["not due", "not-due", "Not due this month"],
  ] as const)("%s", (status, outcome, reason) => {
    for (const target of [percentageKpi(1, 100), countKpi(1, 5, 100)]) {
      const result = judgeKpi(target, row(1, { status }), SEP, noHistory);
      expect([result.outcome, result.computedOutcome, result.verdict, result.actual.text]).toEqual([
        outcome,
        outcome,
        reason,
        "No figures",
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
    expect(result.actual.text).toBe("0 of 5 (0%)");
  });

  it("treats a missing row as not captured", () => {
    const result = judgeCodes(percentageKpi(7, 90), undefined, SEP, noHistory);
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
    expect(judgeKpi(percentageKpi(7, 90), undefined, SEP, noHistory)).toMatchObject({
      actual: { text: "No figures" },
      verdict: "No figure in the return",
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
    expect(result.verdict).toBe(
      "Overridden by the council: Sickness absence agreed as exceptional (figures give: Not met)",
    );
    expect(result.actual.text).toBe("95 of 100 (95%)");
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
    expect([result.outcome, result.computedOutcome, result.verdict]).toEqual([
      "not-due",
      "not-captured",
      "Overridden by the council: Quarterly check falls in October (figures give: Not captured)",
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
      text: "100% (derived from the commentary)",
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
    expect(result.actual).toEqual({ form: "figures", text: "No figures" });
  });
});
