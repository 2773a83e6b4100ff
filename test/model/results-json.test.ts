import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { resultsView } from "../../src/model/results-json.js";
import { renderJson } from "../../src/render/json/index.js";
import { ResultsJsonSchema } from "../../src/schema/results-json.js";
import { resultsJsonSchema } from "../../src/schema/results-json-schema.js";
import { bundledResults } from "../helpers/report-model.js";

const MONTHS = ["2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09"] as const;
const committed = readFileSync(new URL("../../docs/results.schema.json", import.meta.url), "utf8");
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(committed));

/** Each bundled month's results JSON, as `build` writes it (renderJson's bytes, read back). */
const written = await Promise.all(
  MONTHS.map(
    async (month) => [month, JSON.parse(renderJson(resultsView(await bundledResults(month))))] as const,
  ),
);

describe("the results JSON, version 2", () => {
  it("docs/results.schema.json is the zod schema's (npm run docs:results writes it)", () => {
    expect(committed).toBe(resultsJsonSchema());
  });

  it.each(written)("%s validates against docs/results.schema.json and the zod schema", (_month, json) => {
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(ResultsJsonSchema.parse(json)).toEqual(json);
  });

  it("refuses a version 1 document: its reasons were sentences, not codes", () => {
    const [, september] = written[6]!;
    const v1 = {
      ...september,
      version: 1,
      kpis: september.kpis.map((k: { verdict: string }) => ({ ...k, reason: k.verdict })),
    };
    expect(validate(v1)).toBe(false);
  });

  it("keeps the line CI greps for, beside the counts it is made from", () => {
    const [, september] = written[6]!;
    expect(september.summary).toMatchObject({
      met: 24,
      notMet: 3,
      notMetKpis: [5, 26, 27],
      line: "24 KPIs achieved, 3 not met: KPI 5, 26 and 27",
    });
  });

  it("says for each month whether a review was read and filled in", () => {
    for (const [, json] of written)
      expect(json.review).toMatchObject({ read: true, filled: true, state: "reviewed" });
  });

  it("puts each code first and its words beside it", () => {
    const [, september] = written[6]!;
    const kpi26 = september.kpis.find((k: { number: number }) => k.number === 26);
    expect(kpi26.reason).toEqual({
      code: "below-target",
      basis: "stated",
      target: 98,
      text: "Stated 95.2% is below the 98% target",
    });
    expect(kpi26.actual).toMatchObject({ percentage: 95.2, form: "percentage", shown: 95.2 });
    expect(Object.keys(kpi26.reason)[0]).toBe("code");
    expect(Object.keys(kpi26.reason).at(-1)).toBe("text");
    // KPI 5 was overridden: the figures' reason stays a code, the council's words are the verdict.
    const kpi5 = september.kpis.find((k: { number: number }) => k.number === 5);
    expect(kpi5.reason.code).toBe("not-captured");
    expect(kpi5.verdict).toMatch(
      /^Overridden by the council: 1 sub-contractor .* \(figures give: Not captured\)$/,
    );
  });
});
