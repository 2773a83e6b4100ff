import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSummary, summaryContext, type SummaryContext } from "../../src/model/summary.js";
import { InputError } from "../../src/errors.js";
import type { Outcome } from "../../src/schema/return.js";
import type { MonthResults } from "../../src/schema/results.js";
import { bundledContract } from "../helpers/contract.js";
import { bundledResults } from "../helpers/report-model.js";
import type { Id } from "../../src/schema/id.js";

const bundled = readFileSync(new URL("../../templates/summary.hbs", import.meta.url), "utf8");
const contract = bundledContract();

/** September's results with some KPIs given other outcomes, as a month with those outcomes would have them. */
function withOutcomes(results: MonthResults, outcomes: Record<Id, Outcome>): MonthResults {
  return {
    ...results,
    kpis: results.kpis.map((k) =>
      outcomes[k.number] ? { ...k, outcome: outcomes[k.number]!, override: undefined } : k,
    ),
  };
}

/** The numbers the summary states, in the order it states them. */
const numbersIn = (text: string) =>
  [...text.matchAll(/(\d+) (?:were|was|did|could)/g)].map((m) => Number(m[1]));

describe("the summary paragraph", () => {
  it("says September 2022's verdict in the briefing note's words", async () => {
    const text = renderSummary(bundled, summaryContext(contract, await bundledResults("2022-09")));
    expect(text).toBe(
      "For the month of September 2022, of the 27 KPIs in the contract, 24 were fully achieved and 3 did not fully meet the requirements (KPI 5, 26 and 27). " +
        "The council overrode the outcome of KPI 5; the reasons are given in the schedule.",
    );
  });

  it("counts every outcome that occurs, so the counts add up to the contract's KPIs", async () => {
    const results = withOutcomes(await bundledResults("2022-09"), {
      1: "not-applicable",
      2: "not-applicable",
      3: "not-applicable",
      23: "not-due",
      9: "not-captured",
    });
    const text = renderSummary(bundled, summaryContext(contract, results));
    expect(text).toContain(
      "19 were fully achieved, 3 did not fully meet the requirements (KPI 5, 26 and 27), 1 could not be judged because the figures were not captured (KPI 9), 3 were not applicable and 1 was not due this month",
    );
    expect(numbersIn(text).reduce((a, b) => a + b, 0)).toBe(contract.kpis.length);
  });

  it.each(["2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09"] as const)(
    "accounts for every KPI of %s and starts no sentence with a numeral",
    async (month) => {
      const text = renderSummary(bundled, summaryContext(contract, await bundledResults(month)));
      expect(numbersIn(text).reduce((a, b) => a + b, 0)).toBe(contract.kpis.length);
      for (const sentence of text.split(/(?<=\.)\s+/)) expect(sentence).toMatch(/^[A-Z]/);
    },
  );

  it("says none were achieved rather than leaving met out, and uses the singular for one", async () => {
    const all = Object.fromEntries(contract.kpis.map((k) => [k.number, "not-met" as Outcome]));
    const text = renderSummary(
      bundled,
      summaryContext(contract, withOutcomes(await bundledResults("2022-09"), { ...all, 4: "not-due" })),
    );
    expect(text).toContain("none was fully achieved, 26 did not fully meet the requirements");
    expect(text).toContain("and 1 was not due this month.");
  });

  const september: SummaryContext = {
    month: "2022-09",
    monthLabel: "September 2022",
    supplier: "Vecteo",
    council: "Southend-on-Sea City Council",
    met: 24,
    notMet: 3,
    notMetList: "KPI 5, 26 and 27",
    notCaptured: 0,
    notCapturedList: "",
    notApplicable: 0,
    notDue: 0,
    overridden: 1,
    overriddenList: "KPI 5",
    total: 27,
    outcomes: "",
  };

  it.each([
    ["an unknown name", "{{metCount}} met"],
    ["broken syntax", "{{#if met}} unclosed"],
  ])("refuses a template with %s as an input error", (_, source) => {
    expect(() => renderSummary(source, september)).toThrow(InputError);
  });
});
