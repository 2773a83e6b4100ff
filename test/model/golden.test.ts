import { describe, expect, it } from "vitest";
import { ReportDocumentSchema } from "../../src/model/document.js";
import { jobSummaryView } from "../../src/model/job-summary.js";
import { resultsView } from "../../src/model/results-json.js";
import { statusView, StatusViewSchema } from "../../src/model/status-view.js";
import { renderJson } from "../../src/render/json/index.js";
import { renderMarkdown } from "../../src/render/markdown/index.js";
import { renderText } from "../../src/render/text/index.js";
import { bundledContract } from "../helpers/contract.js";
import { bundledReport, bundledResults } from "../helpers/report-model.js";

/**
 * The report model for September 2022 as JSON, and what the text, JSON and markdown renderers
 * draw from its views, pinned in test/golden/. A change to any word a reader sees shows up here
 * as a diff to review; `npx vitest run test/model/golden.test.ts -u` rewrites the files after a
 * deliberate change (CI never writes them).
 */

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe("golden files", () => {
  it("the report model (both appendices, March to September 2022) is valid and as pinned", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    expect(ReportDocumentSchema.parse(model)).toEqual(model);
    await expect(json(model)).toMatchFileSnapshot("../golden/report-2022-09.json");
  });

  it("the status view, and the terminal text drawn from it at 80 columns", async () => {
    const view = statusView(await bundledResults("2022-09"), bundledContract());
    expect(StatusViewSchema.parse(view)).toEqual(view);
    await expect(json(view)).toMatchFileSnapshot("../golden/status-2022-09.json");
    await expect(`${renderText(view, { colour: false, width: 80 })}\n`).toMatchFileSnapshot(
      "../golden/status-2022-09.txt",
    );
  });

  it("the results JSON", async () => {
    await expect(`${renderJson(resultsView(await bundledResults("2022-09")))}\n`).toMatchFileSnapshot(
      "../golden/results-2022-09.json",
    );
  });

  it("the job summary's markdown", async () => {
    const view = jobSummaryView([
      {
        results: await bundledResults("2022-09"),
        outputs: ["appendices-2022-09.pdf", "results-2022-09.json", "manifest.json"],
      },
    ]);
    await expect(json(view)).toMatchFileSnapshot("../golden/job-summary-2022-09.json");
    await expect(renderMarkdown(view)).toMatchFileSnapshot("../golden/job-summary-2022-09.md");
  });
});
