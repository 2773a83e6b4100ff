import { describe, expect, it } from "vitest";
import { outcomeChart } from "../../../src/model/outcome-chart.js";
import { outcomeChartSvg } from "../../../src/render/chart/svg.js";
import type { MonthCounts } from "../../../src/schema/results.js";

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

/** The bundled data's March to September 2022 (status --month 2022-09 --format json, outcomesByMonth). */
const bundled = [
  month("2022-03", { met: 1, notCaptured: 21, notApplicable: 3, notDue: 2 }),
  month("2022-04", { met: 1, notMet: 2, notCaptured: 17, notApplicable: 5, notDue: 2 }),
  month("2022-05", { notMet: 1, notCaptured: 16, notApplicable: 8, notDue: 2 }),
  month("2022-06", { met: 3, notMet: 1, notCaptured: 18, notApplicable: 5 }),
  { ...month("2022-07"), returned: false },
  month("2022-08", { met: 10, notCaptured: 1, notApplicable: 16 }),
  month("2022-09", { met: 24, notMet: 3 }),
];

/** Opening and closing tags balance and nest: the SVG is well-formed XML (no parser in our dependencies to ask). */
function unbalanced(xml: string): string[] {
  const open: string[] = [];
  const problems: string[] = [];
  for (const [, close, name, , selfClosing] of xml.matchAll(
    /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g,
  )) {
    if (selfClosing) continue;
    if (!close) open.push(name!);
    else if (open.pop() !== name) problems.push(`</${name}>`);
  }
  return [...problems, ...open];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthLabels = (svg: string) => texts(svg).filter((t) => MONTHS.includes(t!));
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("outcomeChartSvg", () => {
  const chart = outcomeChart(bundled, 27);
  const svg = outcomeChartSvg(chart, { idPrefix: "sep" });

  it("is well-formed, with the model's title and alt text as <title> and <desc>, named by aria-labelledby", () => {
    expect(unbalanced(svg)).toEqual([]);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img" aria-labelledby="sep-title sep-desc"/,
    );
    expect(svg).toContain(
      `<title id="sep-title">KPI outcomes by month, March 2022 to September 2022</title>`,
    );
    expect(svg).toContain(`<desc id="sep-desc">Stacked bar chart of how many of the 27 KPIs`);
    expect(svg).toContain("July 2022: no return.");
  });

  it("names every series in words in the legend, top of the stack first", () => {
    const words = texts(svg);
    const legend = ["Not due", "Not applicable", "Not captured", "Not met", "Met"];
    expect(words.filter((w) => legend.includes(w!))).toEqual(legend);
  });

  it("draws one segment per non-zero count, and writes the counts that fit on them", () => {
    const segments = [...svg.matchAll(/<rect [^>]*fill="#([0-9A-F]{6})" stroke/g)].length;
    const nonZero = bundled
      .flatMap((m) => [m.met, m.notMet, m.notCaptured, m.notApplicable, m.notDue])
      .filter((v) => v > 0).length;
    // Plus the five legend swatches.
    expect(segments).toBe(nonZero + 5);
    expect(texts(svg)).toEqual(expect.arrayContaining(["24", "21", "16", "10"]));
  });

  it("says 'No return' in a month that has none, labels the months, and sets the reporting month in bold", () => {
    expect(texts(svg)).toContain("No return");
    expect(monthLabels(svg)).toEqual(["Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]);
    expect(svg).toMatch(/font-weight="bold">Sep<\/text>/);
  });

  it("escapes text, and gives the same bytes for the same chart", () => {
    const odd = outcomeChartSvg({ ...chart, title: `A & B <"C">` });
    expect(odd).toContain("A &#38; B &#60;&#34;C&#34;&#62;");
    expect(outcomeChartSvg(chart, { idPrefix: "sep" })).toBe(svg);
  });

  it("thins the month labels over 60 months, keeping the reporting month's", () => {
    const sixty = Array.from({ length: 60 }, (_, i) =>
      month(`${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, { met: 27 }),
    );
    const big = outcomeChartSvg(outcomeChart(sixty, 27));
    const labels = monthLabels(big);
    expect(labels.length).toBeLessThan(60);
    expect(labels.at(-1)).toBe("Dec");
    expect(unbalanced(big)).toEqual([]);
  });
});
