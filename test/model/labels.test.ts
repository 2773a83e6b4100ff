import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkContract } from "../../src/read/contract.js";
import { renderHtml } from "../../src/render/html/index.js";
import type { Contract } from "../../src/schema/contract.js";
import { dataDir } from "../helpers/contract.js";
import { bundledReport } from "../helpers/report-model.js";

/** Southend's contract with its labels changed (or its ranks taken out), drawn from the bundled months. */
function contractWith(
  change: (json: Record<string, unknown> & { kpis: Record<string, unknown>[] }) => void,
): Contract {
  const json = JSON.parse(readFileSync(`${dataDir}contract.json`, "utf8"));
  change(json);
  return checkContract(json, "labelled.json").contract;
}

const html = async (contract?: Contract) =>
  Buffer.from(await renderHtml(await bundledReport(contract ? { contract } : {}))).toString("utf8");
const headers = (page: string) => [...page.matchAll(/<th scope="col"[^>]*>([^<]+)</g)].map((m) => m[1]);
const rowHeaders = (page: string) =>
  [...page.matchAll(/<th scope="row"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?<p[^>]*>([^<]+)</g)].map((m) => m[1]);

describe("the appendices' labels", () => {
  it("are Southend's when the contract gives none", async () => {
    const page = await html();
    expect(page).toContain("Appendix 1: KPI schedule, September 2022");
    expect(page).toContain("Appendix 2: Minimum Service Requirements, September 2022");
    expect(page).toContain("Partnership-specific Minimum Service Requirements, cross-referenced");
    expect(headers(page)).toContain("Rank");
    expect(rowHeaders(page)).toContain("Compliments");
  });

  it("are the contract's, with the Rank column and Compliments row left out when it says so", async () => {
    const page = await html(
      contractWith((json) => {
        json.labels = {
          appendix1: "Performance schedule",
          appendix2: "Service standards",
          msrHeading: "The contract's service standards",
          rank: false,
          compliments: false,
        };
      }),
    );
    expect(page).toContain("Appendix 1: Performance schedule, September 2022");
    expect(page).toContain("Appendix 2: Service standards, September 2022");
    expect(page).toContain("The contract's service standards, cross-referenced");
    expect(page).toContain("Appendix 1 (the Performance schedule) and Appendix 2 (the Service standards)");
    expect(page).not.toMatch(
      /KPI schedule|Minimum Service Requirements|Partnership-specific|>Rank<|Compliments/,
    );
    expect(headers(page)).not.toContain("Rank");
    expect(rowHeaders(page)).not.toContain("Compliments");
  });

  it("rename the Rank column and Compliments row", async () => {
    const page = await html(
      contractWith((json) => {
        json.labels = { rank: "Weight", compliments: "Praise" };
      }),
    );
    expect(headers(page)).toContain("Weight");
    expect(headers(page)).not.toContain("Rank");
    expect(rowHeaders(page)).toContain("Praise");
    expect(page).toContain("Praise received this month");
  });

  it("have no Rank column when no KPI has a rank", async () => {
    const page = await html(
      contractWith((json) => {
        for (const kpi of json.kpis) delete kpi.rank;
      }),
    );
    expect(headers(page)).not.toContain("Rank");
    expect(page).not.toContain("Not ranked");
  });
});
