import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSummary, type SummaryContext } from "../../src/model/summary.js";
import { InputError } from "../../src/errors.js";

const bundled = readFileSync(new URL("../../templates/summary.hbs", import.meta.url), "utf8");

const september: SummaryContext = {
  month: "2022-09", monthLabel: "September 2022", supplier: "Vecteo", council: "Southend-on-Sea City Council",
  met: 24, notMet: 3, notMetList: "KPI 5, 26 and 27", notCaptured: 0, notCapturedList: "",
  notApplicable: 0, notDue: 0, overridden: 1, overriddenList: "KPI 5", total: 27,
};

describe("the summary template", () => {
  it("says what the briefing note said for September 2022", () => {
    expect(renderSummary(bundled, september)).toBe(
      "For the month of September 2022 there were 24 KPIs that were fully achieved and 3 that did not fully meet the requirements (KPI 5, 26 and 27). " +
        "The council overrode the outcome of KPI 5; the reasons are given in the schedule.",
    );
  });

  it("uses the singular for one KPI and names what was not captured", () => {
    const text = renderSummary(bundled, { ...september, met: 1, notMet: 0, notMetList: "", notCaptured: 2, notCapturedList: "KPI 3 and 4", overridden: 0, overriddenList: "" });
    expect(text).toBe(
      "For the month of September 2022 there was 1 KPI that was fully achieved and 0 that did not fully meet the requirements. 2 could not be judged because the figures were not captured (KPI 3 and 4).",
    );
  });

  it.each([
    ["an unknown name", "{{metCount}} met"],
    ["broken syntax", "{{#if met}} unclosed"],
  ])("refuses a template with %s as an input error", (_, source) => {
    expect(() => renderSummary(source, september)).toThrow(InputError);
  });
});
