import { describe, expect, it } from "vitest";
import { bandOf } from "../../../src/evaluate/targets/bands.js";
import { checkTarget, type Figure } from "../../../src/evaluate/targets/judge.js";
import { MeasuredTargetSchema } from "../../../src/schema/target.js";

const judged = (t: object, figure: Figure, previous?: Figure) => {
  const target = MeasuredTargetSchema.parse(t);
  return bandOf(target, figure, checkTarget(target, figure), previous);
};

const rag = (bands: object, rest: object = { kind: "percentage", atLeast: 98 }) => ({
  ...rest,
  bands: { kind: "rag", ...bands },
});

describe("bandOf", () => {
  const cases: [string, object, Figure, Figure | undefined, string, string][] = [
    ["no bands: met", { kind: "percentage", atLeast: 98 }, { value: 98 }, undefined, "met", "met"],
    [
      "no bands: not met",
      { kind: "percentage", atLeast: 98 },
      { value: 97 },
      undefined,
      "not-met",
      "not-met",
    ],
    [
      "met-not-met said outright",
      { kind: "percentage", atLeast: 98, bands: { kind: "met-not-met" } },
      { value: 90 },
      undefined,
      "not-met",
      "not-met",
    ],
    [
      "RAG within 5% absolute: met is green",
      rag({ tolerance: { absolute: 5 } }),
      { value: 99 },
      undefined,
      "green",
      "met",
    ],
    [
      "RAG within 5 points: 93 is on the edge, amber",
      rag({ tolerance: { absolute: 5 } }),
      { value: 93 },
      undefined,
      "amber",
      "within-tolerance",
    ],
    [
      "RAG within 5 points: 92.9 is red",
      rag({ tolerance: { absolute: 5 } }),
      { value: 92.9 },
      undefined,
      "red",
      "beyond-tolerance",
    ],
    [
      "relative 10% of at most 5 days: 5.5 amber",
      rag({ tolerance: { relative: 10 } }, { kind: "average", atMost: 5, unit: "days" }),
      { value: 5.5 },
      undefined,
      "amber",
      "within-tolerance",
    ],
    [
      "relative 10% of at most 5 days: 5.51 red",
      rag({ tolerance: { relative: 10 } }, { kind: "average", atMost: 5, unit: "days" }),
      { value: 5.51 },
      undefined,
      "red",
      "beyond-tolerance",
    ],
    [
      "relative 10% of at most 2% (lower is better), Excel's 0.022 is on the edge",
      rag({ tolerance: { relative: 10 } }, { kind: "percentage", atMost: 2 }),
      { value: 0.022 * 100 },
      undefined,
      "amber",
      "within-tolerance",
    ],
    [
      "green within 10% of target",
      rag({ tolerance: { relative: 10 }, withinTolerance: "green" }),
      { value: 90 },
      undefined,
      "green",
      "within-tolerance",
    ],
    [
      "beyond tolerance, improved: amber",
      rag({ tolerance: { relative: 10 }, withinTolerance: "green", amberIfImproved: true }),
      { value: 80 },
      { value: 70 },
      "amber",
      "improved",
    ],
    [
      "beyond tolerance, not improved: red",
      rag({ tolerance: { relative: 10 }, withinTolerance: "green", amberIfImproved: true }),
      { value: 80 },
      { value: 80 },
      "red",
      "beyond-tolerance",
    ],
    [
      "beyond tolerance, no period before: red",
      rag({ tolerance: { relative: 10 }, amberIfImproved: true }),
      { value: 80 },
      undefined,
      "red",
      "beyond-tolerance",
    ],
    [
      "lower is better, improved means fewer",
      rag({ amberIfImproved: true }, { kind: "count", fewerThan: 5 }),
      { value: 7 },
      { value: 9 },
      "amber",
      "improved",
    ],
    [
      "lower is better, more is not improved",
      rag({ amberIfImproved: true }, { kind: "count", fewerThan: 5 }),
      { value: 9 },
      { value: 7 },
      "red",
      "beyond-tolerance",
    ],
    [
      "from counts: 46 of 50 is 92%, beyond 5 points",
      rag({ tolerance: { absolute: 5 } }),
      { achieved: 46, total: 50 },
      undefined,
      "red",
      "beyond-tolerance",
    ],
    [
      "from counts: 93 of 100 is on the edge",
      rag({ tolerance: { absolute: 5 } }),
      { achieved: 93, total: 100 },
      undefined,
      "amber",
      "within-tolerance",
    ],
  ];
  it.each(cases)("%s", (_name, t, figure, previous, band, code) => {
    const result = judged(t, figure, previous);
    expect(result.band).toBe(band);
    expect(result.reason.code).toBe(code);
  });

  it("states the tolerance in the figure's unit", () => {
    expect(
      judged(rag({ tolerance: { relative: 10 } }, { kind: "average", atMost: 2.5, unit: "days" }), {
        value: 2.7,
      }).reason,
    ).toEqual({ code: "within-tolerance", tolerance: 0.25 });
  });
});
