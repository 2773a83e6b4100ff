import { describe, expect, it } from "vitest";
import { DIRECTIONS } from "../../src/schema/results.js";
import { bundledResults } from "../helpers/report-model.js";

/**
 * evaluate/ decides in codes and numbers: every sentence a reader sees is src/words/'s. Walking each
 * bundled month's results, every string is a code, a month or date, or text that came in from a
 * file (a target as the contract writes it, the supplier's commentary, the council's notes).
 */
const FROM_INPUT = new Set([
  "target",
  "previousTarget",
  "commentary",
  "comment",
  "compliments",
  "verificationNote",
  "reviewedBy",
  "reviewedOn",
  "contract",
]);
const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MONTH_OR_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

function prose(value: unknown, path: string, found: string[]): string[] {
  if (typeof value === "string") {
    const key = path.split(".").at(-1)!;
    const fromInput = FROM_INPUT.has(key) || path.endsWith("override.reason");
    if (
      !fromInput &&
      !CODE.test(value) &&
      !MONTH_OR_DATE.test(value) &&
      !(DIRECTIONS as readonly string[]).includes(value)
    )
      found.push(`${path}: ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => prose(v, `${path}[${i}]`, found));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) prose(v, `${path}.${k}`, found);
  return found;
}

describe("evaluate's results", () => {
  it.each(["2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09"])(
    "for %s hold no sentence of ours",
    async (month) => {
      const results = await bundledResults(month);
      expect(results.kpis.length).toBeGreaterThan(0);
      expect(prose(results, "results", [])).toEqual([]);
    },
  );

  it("would catch one", () => {
    expect(
      prose(
        { kpis: [{ reason: "Stated 100% meets the 100% target", commentary: "as typed" }] },
        "results",
        [],
      ),
    ).toEqual(["results.kpis[0].reason: Stated 100% meets the 100% target"]);
  });
});
