import { describe, expect, it } from "vitest";
import { renderPdf } from "../../src/render/pdf/index.js";
import { bundledReport } from "../helpers/report-model.js";

/**
 * The renderer shares parsed fonts, shaped words and broken lines across every document a process
 * draws (a batch of reports). None of it may change what a document says: each test file starts
 * with empty caches, so the first render here is what a fresh process draws.
 */
describe("what one process drew before", () => {
  it("does not change a report's bytes", async () => {
    const september = await bundledReport({ month: "2022-09", from: "2022-03" });
    const fresh = Buffer.from(await renderPdf(september));
    await renderPdf(await bundledReport({ month: "2022-06", from: "2021-07", startPage: 5 }));
    expect(Buffer.from(await renderPdf(september)).equals(fresh)).toBe(true);
  });
});
