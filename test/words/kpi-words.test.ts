import { describe, expect, it } from "vitest";
import { kpiView } from "../../src/model/results-json.js";
import type { Actual, KpiResult } from "../../src/schema/results.js";
import { KpiJsonSchema } from "../../src/schema/results-json.js";
import { figuresText } from "../../src/words/figures.js";
import { reasonText } from "../../src/words/reasons.js";

/**
 * The words of a KPI's result, from its codes and numbers: the figures as a reader sees them and
 * the reason for the outcome. The codes are the ones test/evaluate/kpi-outcome.test.ts has evaluate
 * give for its cases, so each case there is worded here.
 */
describe("figuresText", () => {
  it.each<[Actual, string]>([
    [{ achieved: 98, total: 100, percentage: 98, form: "percentage", shown: 98 }, "98 of 100 (98%)"],
    [{ achieved: 97, total: 100, percentage: 97, form: "percentage", shown: 97 }, "97 of 100 (97%)"],
    [{ percentage: 98, form: "percentage", shown: 98 }, "98% (no counts given)"],
    [{ percentage: 97.9, form: "percentage", shown: 97.9 }, "97.9% (no counts given)"],
    [{ achieved: 57, total: 100, percentage: 57, form: "percentage", shown: 57 }, "57 of 100 (57%)"],
    [
      { achieved: 1, total: 3, percentage: 33.333333333333336, form: "percentage", shown: 33.3 },
      "1 of 3 (33.3%)",
    ],
    [
      { achieved: 17, total: 27, percentage: 62.96296296296296, form: "percentage", shown: 63 },
      "17 of 27 (63%)",
    ],
    [{ achieved: 90, total: 100, percentage: 90, form: "percentage", shown: 90 }, "90 of 100 (90%)"],
    [{ achieved: 100, total: 100, percentage: 100, form: "percentage", shown: 100 }, "100 of 100 (100%)"],
    [{ achieved: 0, total: 0, form: "no-activity" }, "0 of 0 (no activity)"],
    [
      { achieved: 2499, total: 2500, percentage: 99.96, form: "percentage", shown: 99.9 },
      "2499 of 2500 (99.9%)",
    ],
    [{ percentage: 97.96, form: "percentage", shown: 97.9 }, "97.9% (no counts given)"],
    [{ achieved: 40, percentage: 95.2, form: "percentage", shown: 95.2 }, "95.2% (counts incomplete)"],
    [{ form: "figures" }, "No figures"],
    [{ achieved: 40, form: "figures" }, "40 achieved, total not given"],
    [{ achieved: 3, total: 0, form: "figures" }, "3 of 0"],
    [
      { achieved: 6, total: 7, percentage: 85.71428571428571, form: "percentage", shown: 85.7, stated: 85.6 },
      "6 of 7 (85.6% as stated)",
    ],
    [{ achieved: 1, total: 4, percentage: 25, form: "percentage", shown: 25 }, "1 of 4 (25%)"],
    [
      { achieved: 0, total: 0, count: 0, form: "count", reported: "none-to-report" },
      "Count 0, none to report",
    ],
    [{ count: 0, percentage: 100, form: "count", reported: "share", shown: 100 }, "Count 0, 100% reported"],
    [{ count: 0, form: "count", reported: "nothing-to-report" }, "Count 0, nothing to report"],
    [
      { achieved: 4, total: 4, count: 4, percentage: 100, form: "count", reported: "counts", shown: 100 },
      "Count 4, 4 of 4 reported (100%)",
    ],
    [
      { achieved: 5, total: 5, count: 5, percentage: 100, form: "count", reported: "counts", shown: 100 },
      "Count 5, 5 of 5 reported (100%)",
    ],
    [{ count: 4, percentage: 99, form: "count", reported: "share", shown: 99 }, "Count 4, 99% reported"],
    [
      { achieved: 3, total: 4, count: 4, percentage: 75, form: "count", reported: "counts", shown: 75 },
      "Count 4, 3 of 4 reported (75%)",
    ],
    [
      { count: 1, percentage: 99.96, form: "count", reported: "share", shown: 99.9 },
      "Count 1, 99.9% reported",
    ],
    [{ count: 2, form: "count" }, "Count 2"],
    [{ percentage: 100, form: "figures" }, "100% (no counts given)"],
    [{ achieved: 1, total: 1, form: "report-delivered" }, "Report delivered"],
    [{ count: 1, form: "report-delivered" }, "Report delivered"],
    [{ achieved: 0, total: 1, form: "no-report" }, "No report delivered"],
    [{ form: "covered", coveredBy: "2022-08" }, "Covered by the August 2022 report"],
    [{ form: "covered", coveredBy: "2022-07" }, "Covered by the July 2022 report"],
    [{ achieved: 0, form: "no-report" }, "No report delivered"],
    [{ achieved: 0, total: 5, percentage: 0, form: "figures" }, "0 of 5 (0%)"],
    [{ achieved: 18, total: 20, percentage: 90, form: "percentage", shown: 90 }, "18 of 20 (90%)"],
    [{ achieved: 95, total: 100, percentage: 95, form: "percentage", shown: 95 }, "95 of 100 (95%)"],
    [
      { percentage: 100, form: "percentage", shown: 100, derived: true },
      "100% (derived from the commentary)",
    ],
    // test/evaluate/evaluate-month.test.ts's
    [{ form: "covered", coveredBy: "2022-07" }, "Covered by the July 2022 report"],
    [
      { achieved: 88, total: 93, percentage: 94.6236559139785, form: "percentage", shown: 94.6 },
      "88 of 93 (94.6%)",
    ],
    [{ achieved: 5, total: 5, percentage: 100, form: "percentage", shown: 100 }, "5 of 5 (100%)"],
    [
      { achieved: 17, total: 27, percentage: 62.96296296296296, form: "percentage", shown: 63 },
      "17 of 27 (63%)",
    ],
  ])("%j -> %s", (actual, text) => {
    expect(figuresText(actual)).toBe(text);
  });
});

type Reasoned = Pick<KpiResult, "reason" | "actual" | "computedOutcome" | "override">;

describe("reasonText", () => {
  it.each<[Reasoned, string]>([
    [
      {
        reason: { code: "meets-target", basis: "counts", target: 98 },
        actual: { achieved: 98, total: 100, percentage: 98, form: "percentage", shown: 98 },
        computedOutcome: "met",
      },
      "98 of 100 (98%) meets the 98% target",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 98 },
        actual: { achieved: 97, total: 100, percentage: 97, form: "percentage", shown: 97 },
        computedOutcome: "not-met",
      },
      "97 of 100 (97%) is below the 98% target",
    ],
    [
      {
        reason: { code: "meets-target", basis: "stated", target: 98 },
        actual: { percentage: 98, form: "percentage", shown: 98 },
        computedOutcome: "met",
      },
      "Stated 98% meets the 98% target",
    ],
    [
      {
        reason: { code: "below-target", basis: "stated", target: 98 },
        actual: { percentage: 97.9, form: "percentage", shown: 97.9 },
        computedOutcome: "not-met",
      },
      "Stated 97.9% is below the 98% target",
    ],
    [
      {
        reason: { code: "meets-target", basis: "counts", target: 57 },
        actual: { achieved: 57, total: 100, percentage: 57, form: "percentage", shown: 57 },
        computedOutcome: "met",
      },
      "57 of 100 (57%) meets the 57% target",
    ],
    [
      {
        reason: { code: "meets-target", basis: "counts", target: 30 },
        actual: { achieved: 1, total: 3, percentage: 33.333333333333336, form: "percentage", shown: 33.3 },
        computedOutcome: "met",
      },
      "1 of 3 (33.3%) meets the 30% target",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 90 },
        actual: { achieved: 17, total: 27, percentage: 62.96296296296296, form: "percentage", shown: 63 },
        computedOutcome: "not-met",
      },
      "17 of 27 (63%) is below the 90% target",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 98 },
        actual: { achieved: 90, total: 100, percentage: 90, form: "percentage", shown: 90 },
        computedOutcome: "not-met",
      },
      "90 of 100 (90%) is below the 98% target",
    ],
    [
      {
        reason: { code: "meets-target", basis: "counts", target: 98 },
        actual: { achieved: 100, total: 100, percentage: 100, form: "percentage", shown: 100 },
        computedOutcome: "met",
      },
      "100 of 100 (100%) meets the 98% target",
    ],
    [
      {
        reason: { code: "no-activity" },
        actual: { achieved: 0, total: 0, form: "no-activity" },
        computedOutcome: "met",
      },
      "No activity this month (0 of 0)",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 100 },
        actual: { achieved: 2499, total: 2500, percentage: 99.96, form: "percentage", shown: 99.9 },
        computedOutcome: "not-met",
      },
      "2499 of 2500 (99.9%) is below the 100% target",
    ],
    [
      {
        reason: { code: "below-target", basis: "stated", target: 98 },
        actual: { percentage: 97.96, form: "percentage", shown: 97.9 },
        computedOutcome: "not-met",
      },
      "Stated 97.9% is below the 98% target",
    ],
    [
      {
        reason: { code: "meets-target", basis: "stated", target: 95 },
        actual: { achieved: 40, percentage: 95.2, form: "percentage", shown: 95.2 },
        computedOutcome: "met",
      },
      "Stated 95.2% meets the 95% target",
    ],
    [
      { reason: { code: "no-figures" }, actual: { form: "figures" }, computedOutcome: "not-captured" },
      "Measured, but no figures given",
    ],
    [
      {
        reason: { code: "no-figures" },
        actual: { achieved: 40, form: "figures" },
        computedOutcome: "not-captured",
      },
      "Measured, but no figures given",
    ],
    [
      {
        reason: { code: "zero-total", achieved: 3 },
        actual: { achieved: 3, total: 0, form: "figures" },
        computedOutcome: "not-captured",
      },
      "Measured, but 3 of 0 cannot be judged",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 90 },
        actual: {
          achieved: 6,
          total: 7,
          percentage: 85.71428571428571,
          form: "percentage",
          shown: 85.7,
          stated: 85.6,
        },
        computedOutcome: "not-met",
      },
      "6 of 7 (85.6% as stated) is below the 90% target",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 90 },
        actual: { achieved: 1, total: 3, percentage: 33.333333333333336, form: "percentage", shown: 33.3 },
        computedOutcome: "not-met",
      },
      "1 of 3 (33.3%) is below the 90% target",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 90 },
        actual: { achieved: 1, total: 4, percentage: 25, form: "percentage", shown: 25 },
        computedOutcome: "not-met",
      },
      "1 of 4 (25%) is below the 90% target",
    ],
    [
      {
        reason: { code: "under-limit", count: 0, below: 5 },
        actual: { achieved: 0, total: 0, count: 0, form: "count", reported: "none-to-report" },
        computedOutcome: "met",
      },
      "0 this month (target fewer than 5), none to report",
    ],
    [
      {
        reason: { code: "under-limit", count: 0, below: 5 },
        actual: { count: 0, percentage: 100, form: "count", reported: "share", shown: 100 },
        computedOutcome: "met",
      },
      "0 this month (target fewer than 5), 100% reported",
    ],
    [
      {
        reason: { code: "under-limit", count: 0, below: 5 },
        actual: { count: 0, form: "count", reported: "nothing-to-report" },
        computedOutcome: "met",
      },
      "0 this month (target fewer than 5), nothing to report",
    ],
    [
      {
        reason: { code: "under-limit", count: 4, below: 5 },
        actual: {
          achieved: 4,
          total: 4,
          count: 4,
          percentage: 100,
          form: "count",
          reported: "counts",
          shown: 100,
        },
        computedOutcome: "met",
      },
      "4 this month (target fewer than 5), 100% reported",
    ],
    [
      {
        reason: { code: "over-limit", count: 5, below: 5 },
        actual: {
          achieved: 5,
          total: 5,
          count: 5,
          percentage: 100,
          form: "count",
          reported: "counts",
          shown: 100,
        },
        computedOutcome: "not-met",
      },
      "5 this month (target fewer than 5), 100% reported",
    ],
    [
      {
        reason: { code: "under-reported", count: 4, below: 5, reportedAtLeast: 100 },
        actual: { count: 4, percentage: 99, form: "count", reported: "share", shown: 99 },
        computedOutcome: "not-met",
      },
      "4 this month (target fewer than 5), but only 99% reported (target 100%)",
    ],
    [
      {
        reason: { code: "under-reported", count: 4, below: 5, reportedAtLeast: 100 },
        actual: {
          achieved: 3,
          total: 4,
          count: 4,
          percentage: 75,
          form: "count",
          reported: "counts",
          shown: 75,
        },
        computedOutcome: "not-met",
      },
      "4 this month (target fewer than 5), but only 75% reported (target 100%)",
    ],
    [
      {
        reason: { code: "under-reported", count: 1, below: 5, reportedAtLeast: 100 },
        actual: { count: 1, percentage: 99.96, form: "count", reported: "share", shown: 99.9 },
        computedOutcome: "not-met",
      },
      "1 this month (target fewer than 5), but only 99.9% reported (target 100%)",
    ],
    [
      {
        reason: { code: "reported-unknown", count: 2, below: 5, reportedAtLeast: 100 },
        actual: { count: 2, form: "count" },
        computedOutcome: "not-captured",
      },
      "2 this month (target fewer than 5), but no figure for how many were reported (target 100%)",
    ],
    [
      {
        reason: { code: "no-count" },
        actual: { percentage: 100, form: "figures" },
        computedOutcome: "not-captured",
      },
      "Measured, but no count given",
    ],
    [
      {
        reason: { code: "under-limit", count: 2, below: 3 },
        actual: { count: 2, form: "count" },
        computedOutcome: "met",
      },
      "2 this month (target fewer than 3)",
    ],
    [
      {
        reason: { code: "report-delivered" },
        actual: { achieved: 1, total: 1, form: "report-delivered" },
        computedOutcome: "met",
      },
      "Report delivered this month",
    ],
    [
      {
        reason: { code: "report-delivered" },
        actual: { count: 1, form: "report-delivered" },
        computedOutcome: "met",
      },
      "Report delivered this month",
    ],
    [
      { reason: { code: "not-due" }, actual: { form: "figures" }, computedOutcome: "not-due" },
      "Not due this month",
    ],
    [
      {
        reason: { code: "no-report", monthsBefore: 2 },
        actual: { achieved: 0, total: 1, form: "no-report" },
        computedOutcome: "not-met",
      },
      "No report delivered this month, nor in the returns for the previous 2 months",
    ],
    [
      { reason: { code: "not-captured" }, actual: { form: "figures" }, computedOutcome: "not-captured" },
      "Not captured this month",
    ],
    [
      { reason: { code: "no-row" }, actual: { form: "figures" }, computedOutcome: "not-captured" },
      "No figure in the return",
    ],
    [
      {
        reason: { code: "covered", month: "2022-08" },
        actual: { form: "covered", coveredBy: "2022-08" },
        computedOutcome: "met",
      },
      "Report delivered in August 2022 covers this period",
    ],
    [
      {
        reason: { code: "covered", month: "2022-07" },
        actual: { form: "covered", coveredBy: "2022-07" },
        computedOutcome: "met",
      },
      "Report delivered in July 2022 covers this period",
    ],
    [
      {
        reason: { code: "no-report", monthsBefore: 0 },
        actual: { achieved: 0, form: "no-report" },
        computedOutcome: "not-met",
      },
      "No report delivered this month",
    ],
    [
      { reason: { code: "not-applicable" }, actual: { form: "figures" }, computedOutcome: "not-applicable" },
      "Not applicable this month",
    ],
    [
      { reason: { code: "no-service" }, actual: { form: "figures" }, computedOutcome: "not-applicable" },
      "No service running",
    ],
    [
      {
        reason: { code: "not-applicable" },
        actual: { achieved: 0, total: 5, percentage: 0, form: "figures" },
        computedOutcome: "not-applicable",
      },
      "Not applicable this month",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 100 },
        actual: { achieved: 18, total: 20, percentage: 90, form: "percentage", shown: 90 },
        computedOutcome: "not-met",
      },
      "18 of 20 (90%) is below the 100% target",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 98 },
        actual: { achieved: 95, total: 100, percentage: 95, form: "percentage", shown: 95 },
        computedOutcome: "not-met",
        override: { reason: "Sickness absence agreed as exceptional." },
      },
      "Overridden by the council: Sickness absence agreed as exceptional (figures give: Not met)",
    ],
    [
      {
        reason: { code: "not-captured" },
        actual: { form: "figures" },
        computedOutcome: "not-captured",
        override: { reason: "Quarterly check falls in October" },
      },
      "Overridden by the council: Quarterly check falls in October (figures give: Not captured)",
    ],
    [
      {
        reason: { code: "meets-target", basis: "stated", target: 100 },
        actual: { percentage: 100, form: "percentage", shown: 100, derived: true },
        computedOutcome: "met",
      },
      "Stated 100% meets the 100% target",
    ],
    // test/evaluate/evaluate-month.test.ts's
    [
      {
        reason: { code: "meets-target", basis: "stated", target: 90 },
        actual: { percentage: 95, form: "percentage", shown: 95 },
        computedOutcome: "met",
      },
      "Stated 95% meets the 90% target",
    ],
    [
      {
        reason: { code: "covered", month: "2022-08" },
        actual: { form: "covered", coveredBy: "2022-08" },
        computedOutcome: "met",
      },
      "Report delivered in August 2022 covers this period",
    ],
    [
      {
        reason: { code: "below-target", basis: "counts", target: 90 },
        actual: { achieved: 17, total: 27, percentage: 62.96296296296296, form: "percentage", shown: 63 },
        computedOutcome: "not-met",
        override: { reason: "Road closures agreed as exceptional" },
      },
      "Overridden by the council: Road closures agreed as exceptional (figures give: Not met)",
    ],
  ])("%j -> %s", (result, text) => {
    expect(reasonText(result)).toBe(text);
  });
});

describe("a result's words in the results JSON", () => {
  it.each<[string, KpiResult, string, string]>([
    [
      "carries the target text, commentary and verification, and fits the schema",
      {
        number: 5,
        month: "2022-09",
        outcome: "not-met",
        computedOutcome: "not-met",
        target: "100%",
        actual: { achieved: 18, total: 20, percentage: 90, form: "percentage", shown: 90 },
        reason: { code: "below-target", basis: "counts", target: 100 },
        commentary: "Two sub-contractor meet-and-greets missed",
        verified: true,
        verificationNote: "Checked against logs",
      },
      "18 of 20 (90%)",
      "18 of 20 (90%) is below the 100% target",
    ],
    [
      "applies an override but keeps what the figures gave",
      {
        number: 26,
        month: "2022-09",
        outcome: "met",
        computedOutcome: "not-met",
        target: "98%",
        actual: { achieved: 95, total: 100, percentage: 95, form: "percentage", shown: 95 },
        reason: { code: "below-target", basis: "counts", target: 98 },
        commentary: "",
        override: { reason: "Sickness absence agreed as exceptional." },
      },
      "95 of 100 (95%)",
      "Overridden by the council: Sickness absence agreed as exceptional (figures give: Not met)",
    ],
    [
      "can override a status as well as figures",
      {
        number: 9,
        month: "2022-09",
        outcome: "not-due",
        computedOutcome: "not-captured",
        target: "100%",
        actual: { form: "figures" },
        reason: { code: "not-captured" },
        commentary: "",
        override: { reason: "Quarterly check falls in October" },
      },
      "No figures",
      "Overridden by the council: Quarterly check falls in October (figures give: Not captured)",
    ],
    [
      "are labelled as derived, and judged as they are",
      {
        number: 9,
        month: "2022-09",
        outcome: "met",
        computedOutcome: "met",
        target: "100%",
        actual: { percentage: 100, form: "percentage", shown: 100, derived: true },
        reason: { code: "meets-target", basis: "stated", target: 100 },
        commentary: "all up to date",
      },
      "100% (derived from the commentary)",
      "Stated 100% meets the 100% target",
    ],
    [
      "label nothing where there are no figures",
      {
        number: 9,
        month: "2022-09",
        outcome: "not-captured",
        computedOutcome: "not-captured",
        target: "100%",
        actual: { form: "figures" },
        reason: { code: "not-captured" },
        commentary: "",
      },
      "No figures",
      "Not captured this month",
    ],
  ])("%s: fits the schema, each code with its words", (_name, result, figures, verdict) => {
    const view = kpiView(result);
    expect(KpiJsonSchema.safeParse(view).success).toBe(true);
    expect([view.actual.text, view.verdict]).toEqual([figures, verdict]);
  });
});
