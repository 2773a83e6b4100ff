import { describe, expect, it } from "vitest";
import type { KpiResult, Trend } from "../../src/schema/results.js";
import { trendText } from "../../src/words/trend.js";

/**
 * The direction of travel in words, from its codes and numbers: the trends test/evaluate/trend.test.ts
 * and changes.test.ts have evaluate give, each with the result it belongs to (its KPI, outcome,
 * target and any override).
 */
type Judged = Pick<KpiResult, "number" | "outcome" | "target" | "override">;

describe("trendText", () => {
  it.each<[Judged, Trend, string]>([
    [
      { number: 3, outcome: "met", target: "90%" },
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
      "100%, up from 95% in August 2022",
    ],
    [
      { number: 3, outcome: "not-met", target: "90%" },
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
      "85.7%, down from 100% in August 2022",
    ],
    [
      { number: 26, outcome: "not-met", target: "98%" },
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
      "95.2%, up from 90% in August 2022",
    ],
    [
      { number: 3, outcome: "not-met", target: "90%" },
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
      "33.3%, as in August 2022",
    ],
    [
      { number: 3, outcome: "met", target: "90%" },
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
      "100%, as in August 2022",
    ],
    [
      { number: 26, outcome: "not-met", target: "98%" },
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
      "97.9%, down from 98% in August 2022",
    ],
    [
      { number: 21, outcome: "met", target: "< 5 per month" },
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
      "1, down from 3 in August 2022 (fewer is better)",
    ],
    [
      { number: 21, outcome: "met", target: "< 5 per month" },
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
      "4, up from 1 in August 2022 (fewer is better)",
    ],
    [
      { number: 21, outcome: "met", target: "< 5 per month" },
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
      "0, as in August 2022; 100% reported, up from 80%",
    ],
    [
      { number: 21, outcome: "met", target: "< 5 per month" },
      {
        previous: "2022-08",
        direction: "better",
        basis: "outcome",
        previousOutcome: "not-met",
        because: "figures-moved-other-way",
      },
      "Met, where August 2022 was not met; the verdict decides, as the figures moved the other way",
    ],
    [
      { number: 9, outcome: "met", target: "100%" },
      { previous: "2022-08", direction: "not comparable", cause: "not-due", previousOutcome: "not-due" },
      "Not due in August 2022",
    ],
    [
      { number: 9, outcome: "not-due", target: "100%" },
      { previous: "2022-08", direction: "not comparable", cause: "not-due", previousOutcome: "met" },
      "Not due this month",
    ],
    [
      { number: 3, outcome: "met", target: "90%" },
      {
        previous: "2022-08",
        direction: "not comparable",
        cause: "not-applicable",
        previousOutcome: "not-applicable",
      },
      "Not applicable in August 2022",
    ],
    [
      { number: 3, outcome: "met", target: "90%" },
      {
        previous: "2022-08",
        direction: "not comparable",
        cause: "not-captured",
        previousOutcome: "not-captured",
      },
      "Not captured in August 2022",
    ],
    [
      { number: 3, outcome: "not-captured", target: "90%" },
      { previous: "2022-08", direction: "not comparable", cause: "not-captured", previousOutcome: "met" },
      "Not captured this month",
    ],
    [
      { number: 3, outcome: "met", target: "90%" },
      { previous: "2022-08", direction: "same", basis: "outcome", previousOutcome: "met" },
      "Met, as in August 2022",
    ],
    [
      { number: 23, outcome: "met", target: "Quarterly report" },
      { previous: "2022-08", direction: "same", basis: "outcome", previousOutcome: "met" },
      "Met, as in August 2022",
    ],
    [
      { number: 23, outcome: "met", target: "Quarterly report" },
      { previous: "2022-08", direction: "better", basis: "outcome", previousOutcome: "not-met" },
      "Met, where August 2022 was not met",
    ],
    [
      { number: 3, outcome: "not-met", target: "90%", override: { reason: "Figures unreliable" } },
      {
        previous: "2022-08",
        direction: "worse",
        basis: "outcome",
        previousOutcome: "met",
        because: "overridden",
      },
      "Not met, where August 2022 was met; verdicts compared, as the council overrode this month's figures",
    ],
    [
      { number: 3, outcome: "met", target: "95%" },
      {
        previous: "2022-08",
        direction: "not comparable",
        cause: "target-changed",
        previousOutcome: "met",
        previousTarget: "90%",
      },
      "Target changed from 90% in August 2022 to 95%",
    ],
    [
      { number: 3, outcome: "met", target: "90%" },
      { previous: "2022-02", direction: "not comparable", cause: "no-return" },
      "No return for February 2022",
    ],
    [
      { number: 3, outcome: "met", target: "90%" },
      { previous: "2022-08", direction: "not comparable", cause: "no-result" },
      "No result for KPI 3 in August 2022",
    ],
    [
      { number: 1, outcome: "not-met", target: "90%" },
      {
        previous: "2022-08",
        direction: "worse",
        basis: "figures",
        measure: "percentage",
        figure: 80,
        previousFigure: 100,
        change: -20,
        previousOutcome: "met",
      },
      "80%, down from 100% in August 2022",
    ],
    [
      { number: 1, outcome: "not-met", target: "90%" },
      {
        previous: "2021-09",
        direction: "worse",
        basis: "figures",
        measure: "percentage",
        figure: 80,
        previousFigure: 90,
        change: -10,
        previousOutcome: "met",
      },
      "80%, down from 90% in September 2021",
    ],
    [
      { number: 3, outcome: "met", target: "90%" },
      {
        previous: "2021-09",
        direction: "not comparable",
        cause: "not-captured",
        previousOutcome: "not-captured",
      },
      "Not captured in September 2021",
    ],
    [
      { number: 1, outcome: "met", target: "90%" },
      { previous: "2022-07", direction: "not comparable", cause: "no-return" },
      "No return for July 2022",
    ],
    [
      { number: 2, outcome: "not-met", target: "90%" },
      { previous: "2022-07", direction: "not comparable", cause: "no-return" },
      "No return for July 2022",
    ],
    [
      { number: 3, outcome: "not-captured", target: "90%" },
      { previous: "2022-07", direction: "not comparable", cause: "no-return" },
      "No return for July 2022",
    ],
    [
      { number: 4, outcome: "met", target: "90%" },
      { previous: "2022-07", direction: "not comparable", cause: "no-return" },
      "No return for July 2022",
    ],
    [
      { number: 5, outcome: "not-due", target: "90%" },
      { previous: "2022-07", direction: "not comparable", cause: "no-return" },
      "No return for July 2022",
    ],
  ])("%j, %j -> %s", (result, trend, text) => {
    expect(trendText(result, trend)).toBe(text);
  });
});
