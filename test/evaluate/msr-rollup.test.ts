import { describe, expect, it } from "vitest";
import { rollUpMsr } from "../../src/evaluate/msr-rollup.js";
import type { Msr } from "../../src/schema/contract.js";
import type { Outcome } from "../../src/schema/return.js";
import { result } from "./fixtures.js";

const msr = (linkedKpis: number[]): Msr => ({ number: 4, text: "End to end journey times", linkedKpis });

describe("rollUpMsr", () => {
  it.each([
    ["no linked KPIs", [], {}, "no-linked-kpis", [], []],
    ["all met", [3, 4], { 3: "met", 4: "met" }, "met", [], []],
    [
      "met with a not applicable and a not due",
      [3, 4, 9],
      { 3: "met", 4: "not-applicable", 9: "not-due" },
      "met",
      [],
      [],
    ],
    ["one not captured", [3, 4], { 3: "met", 4: "not-captured" }, "incomplete", [], [4]],
    ["one not met", [3, 4], { 3: "not-met", 4: "met" }, "not-met", [3], []],
    [
      "not met outranks not captured",
      [26, 3, 27],
      { 3: "not-captured", 26: "not-met", 27: "not-met" },
      "not-met",
      [26, 27],
      [3],
    ],
    ["a linked KPI with no result is not captured", [3, 99], { 3: "met" }, "incomplete", [], [99]],
  ] as const)("%s", (_name, linked, outcomes, state, notMet, notCaptured) => {
    const results = Object.entries(outcomes as Record<string, Outcome>).map(([n, o]) => result(Number(n), o));
    const rolled = rollUpMsr(msr([...linked]), results);
    expect(rolled.state).toBe(state);
    expect(rolled.notMet).toEqual(notMet);
    expect(rolled.notCaptured).toEqual(notCaptured);
  });

  it("lists linked KPIs in the MSR's order, not the results' order", () => {
    const rolled = rollUpMsr(msr([27, 3, 26]), [
      result(3, "met"),
      result(26, "not-met"),
      result(27, "not-captured"),
    ]);
    expect(rolled.linkedKpis).toEqual([
      { number: 27, outcome: "not-captured" },
      { number: 3, outcome: "met" },
      { number: 26, outcome: "not-met" },
    ]);
    expect(rolled.notMet).toEqual([26]);
    expect(rolled.notCaptured).toEqual([27]);
  });

  it("uses the outcome after an override", () => {
    const overridden = { ...result(3, "met", "Accepted"), computedOutcome: "not-met" as const };
    expect(rollUpMsr(msr([3]), [overridden]).state).toBe("met");
  });

  it("keeps a comment, and leaves out an empty one", () => {
    expect(rollUpMsr(msr([]), [], "No KPI linked to this MSR").comment).toBe("No KPI linked to this MSR");
    expect(rollUpMsr(msr([]), [], "  ")).not.toHaveProperty("comment");
    expect(rollUpMsr(msr([]), [])).toEqual({
      number: 4,
      linkedKpis: [],
      notMet: [],
      notCaptured: [],
      state: "no-linked-kpis",
    });
  });
});
