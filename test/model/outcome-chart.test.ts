import { describe, expect, it } from "vitest";
import { TableSchema } from "../../src/model/document.js";
import {
  countsInWords,
  outcomeChart,
  OutcomeChartSchema,
  outcomeChartTable,
  valueTicks,
} from "../../src/model/outcome-chart.js";
import type { MonthCounts } from "../../src/schema/results.js";

const month = (m: string, counts: Partial<MonthCounts> = {}): MonthCounts => ({
  month: m,
  returned: true,
  met: 0,
  notMet: 0,
  notCaptured: 0,
  notApplicable: 0,
  notDue: 0,
  ...counts,
});
const gap = (m: string): MonthCounts => ({ ...month(m), returned: false });

const augSep = [
  month("2022-08", { met: 10, notCaptured: 1, notApplicable: 16 }),
  month("2022-09", { met: 24, notMet: 3 }),
];

describe("outcomeChart", () => {
  it("describes the months as series in words, in stacking order, with the figures in the alt text", () => {
    const chart = outcomeChart(augSep, 27);
    expect(OutcomeChartSchema.parse(chart)).toEqual(chart);
    expect(chart.title).toBe("KPI outcomes by month, August 2022 to September 2022");
    expect(chart.description).toBe(
      "Stacked bar chart of how many of the 27 KPIs were met, not met, not captured, not applicable or not due in each month from August 2022 to September 2022. " +
        "August 2022: 10 met, 1 not captured and 16 not applicable. September 2022: 24 met and 3 not met.",
    );
    expect(chart.series.map((s) => [s.label, s.values])).toEqual([
      ["Met", [10, 24]],
      ["Not met", [0, 3]],
      ["Not captured", [1, 0]],
      ["Not applicable", [16, 0]],
      ["Not due", [0, 0]],
    ]);
    expect(chart.categories.map((c) => [c.label, c.reporting])).toEqual([
      ["Aug 2022", false],
      ["Sep 2022", true],
    ]);
    expect(chart.yTicks).toEqual([0, 5, 10, 15, 20, 25, 30]);
  });

  it("says a month with no return, rather than leaving it out", () => {
    const chart = outcomeChart([gap("2022-07"), ...augSep], 27);
    expect(chart.categories[0]).toMatchObject({ month: "2022-07", returned: false });
    expect(chart.description).toContain("July 2022: no return.");
  });

  it("over more than a year, gives the last two months and the extremes, and points to Appendix 1", () => {
    const months = Array.from({ length: 24 }, (_, i) =>
      month(`${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, {
        met: 27 - (i % 5),
        notMet: i % 5,
      }),
    );
    months[3] = gap("2021-04");
    const { description } = outcomeChart(months, 27);
    expect(description).toBe(
      "Stacked bar chart of how many of the 27 KPIs were met, not met, not captured, not applicable or not due in each month from January 2021 to December 2022. " +
        "December 2022: 24 met and 3 not met. November 2022: 25 met and 2 not met. " +
        "Most met: 27, in January 2021; fewest met: 23, in May 2021. Months with no return: 1 of 24. Appendix 1 gives every month's outcomes.",
    );
  });
});

describe("outcomeChartTable", () => {
  it("gives the chart's figures a month a row, with totals, and says 'No return' rather than 0", () => {
    const table = outcomeChartTable(outcomeChart([gap("2022-07"), ...augSep], 27));
    expect(TableSchema.parse(table)).toEqual(table);
    expect(table.caption).toBe("KPI outcomes by month, July 2022 to September 2022: the figures");
    expect(table.columns.map((c) => c.header)).toEqual([
      "Month",
      "Met",
      "Not met",
      "Not captured",
      "Not applicable",
      "Not due",
      "Total",
    ]);
    expect(table.rows.map((r) => r.cells.map((c) => c.paragraphs[0]!.text))).toEqual([
      ["July 2022", "No return", "No return", "No return", "No return", "No return", "No return"],
      ["August 2022", "10", "0", "1", "16", "0", "27"],
      ["September 2022", "24", "3", "0", "0", "0", "27"],
    ]);
    expect(table.rows[2]!.cells[0]).toMatchObject({ rowHeader: true, paragraphs: [{ role: "strong" }] });
  });
});

describe("countsInWords", () => {
  it.each([
    [month("2022-09", { met: 1 }), "1 met"],
    [month("2022-09", { met: 1, notDue: 2 }), "1 met and 2 not due"],
    [gap("2022-09"), "no return"],
    [month("2022-09"), "no KPIs"],
  ])("%j reads %s", (counts, words) => {
    expect(countsInWords(counts)).toBe(words);
  });
});

describe("valueTicks", () => {
  it.each([
    [27, [0, 5, 10, 15, 20, 25, 30]],
    [5, [0, 1, 2, 3, 4, 5]],
    [0, [0, 1]],
    [270, [0, 50, 100, 150, 200, 250, 300]],
    [12, [0, 2, 4, 6, 8, 10, 12]],
  ])("for a tallest bar of %i: %j", (max, ticks) => {
    expect(valueTicks(max)).toEqual(ticks);
  });
});
