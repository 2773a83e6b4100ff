import { describe, expect, it } from "vitest";
import { evaluateMonth } from "../../../src/evaluate/evaluate-month.js";
import { judgeRow } from "../../../src/evaluate/targets/judge-row.js";
import { AnyTargetSchema, MeasuredTargetSchema, type AnyTarget } from "../../../src/schema/target.js";
import { bundledData } from "../../helpers/bundled-data.js";
import { bundledContract } from "../../helpers/contract.js";

/** Southend's targets mean exactly what they meant: every measured row of the seven months judges the same. */
describe("Southend's contract under the new target schema", () => {
  const contract = bundledContract();

  it("every target parses unchanged", () => {
    for (const kpi of contract.kpis) expect(AnyTargetSchema.parse(kpi.target)).toEqual(kpi.target);
  });

  it("judges every measured row of every month as today's evaluator does", async () => {
    const { returns } = await bundledData();
    expect(returns.size).toBe(7);
    let compared = 0;
    const seen = new Set<string>();
    for (const [month, monthReturn] of returns) {
      const results = evaluateMonth(contract, month, returns);
      for (const kpi of contract.kpis) {
        const row = monthReturn.kpis.find((r) => r.kpi === kpi.number);
        if ((kpi.target as AnyTarget).kind === "report" || row?.status !== "measured") continue;
        const judged = judgeRow(MeasuredTargetSchema.parse(kpi.target), row);
        const outcome =
          judged.code === "not-captured" ? "not-captured" : judged.band === "met" ? "met" : "not-met";
        const today = results.kpis.find((k) => k.number === kpi.number)!.computedOutcome;
        expect({ month, kpi: kpi.number, outcome }).toEqual({ month, kpi: kpi.number, outcome: today });
        compared++;
        seen.add(outcome);
      }
    }
    // 50 rows of the 7 x 27 are measured (the rest are not captured, not due or reports); a test
    // that compared none, or only one outcome, could not fail.
    expect(compared).toBeGreaterThanOrEqual(50);
    expect([...seen].sort()).toEqual(["met", "not-met"]);
  });
});
