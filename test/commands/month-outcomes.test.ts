import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figuresText } from "../../src/words/figures.js";
import { listMonthFiles } from "../../src/read/data-dir.js";
import { evaluateMonth } from "../../src/evaluate/index.js";
import type { Month } from "../../src/schema/return.js";
import { bundledData } from "../helpers/bundled-data.js";
import { bundledContract, dataDir } from "../helpers/contract.js";

const contract = bundledContract();
const seedFile = new URL("../../../shared/seed/vecteo-kpi-briefing-note-and-appendices.txt", import.meta.url);
const files = (await listMonthFiles(dataDir, "returns")).months;
const reviewFiles = (await listMonthFiles(dataDir, "reviews")).months;
const { returns, reviews } = await bundledData();

/** One line per KPI: the outcome, whether overridden, and the figures, so any change to data or rules shows in review. */
function outcomeTable(month: Month): string {
  return evaluateMonth(contract, month, returns, reviews.get(month))
    .kpis.map(
      (k) =>
        `KPI ${String(k.number).padStart(2)}  ${k.outcome.padEnd(14)} ${k.override ? "overridden  " : ""}${figuresText(k.actual)}`,
    )
    .join("\n");
}

describe("the bundled returns", () => {
  it("cover March to September 2022, a return and a council review each, and every one validates clean", () => {
    expect([...files.keys()]).toEqual([
      "2022-03",
      "2022-04",
      "2022-05",
      "2022-06",
      "2022-07",
      "2022-08",
      "2022-09",
    ]);
    expect([...returns.keys()]).toEqual([...files.keys()]);
    expect([...reviewFiles.keys()]).toEqual([...files.keys()]);
    expect([...reviews.keys()]).toEqual([...files.keys()]);
  });

  it.each([...files.keys()])("give the pinned outcomes for %s", async (month) => {
    await expect(`${outcomeTable(month)}\n`).toMatchFileSnapshot(`../golden/outcomes-${month}.txt`);
  });

  it("give the committee's verdict for September 2022 (briefing note, section 2)", () => {
    const results = evaluateMonth(contract, "2022-09", returns, reviews.get("2022-09"));
    expect(results.summary.met).toBe(24);
    expect(results.summary.notMetKpis).toEqual([5, 26, 27]);
    expect(results.summary.overridden).toEqual([5]);
  });

  it("without September's council review, give what the figures alone give: KPI 5 not captured", () => {
    const results = evaluateMonth(contract, "2022-09", returns);
    expect(results.summary.met).toBe(24);
    expect(results.summary.notMetKpis).toEqual([26, 27]);
    expect(results.summary.notCaptured).toBe(1);
    expect(results.kpis.find((k) => k.number === 5)?.outcome).toBe("not-captured");
  });

  // The seed sits beside the repository (../shared/seed), as it does for CI; a lone clone has no seed to compare with.
  it.skipIf(!existsSync(seedFile))("keep the seed's commentary verbatim", () => {
    const seed = readFileSync(seedFile, "utf8");
    const commentary = [...returns.values()]
      .flatMap((r) => r.kpis.map((k) => k.commentary))
      .filter((c) => c.length > 20);
    const flatSeed = seed.replace(/<\/?p>/g, " ").replace(/\s+/g, " ");
    const missing = commentary.filter((c) => !flatSeed.includes(c.replace(/\s+/g, " ")));
    expect(missing).toEqual([]);
  });
});
