import { describe, expect, it } from "vitest";
import { statusView } from "../../src/model/status-view.js";
import { renderText } from "../../src/render/text/index.js";
import { bundledContract } from "../helpers/contract.js";
import { bundledResults } from "../helpers/report-model.js";

/** The terminal's status table fits the terminal it is printed to, and cuts nothing to get there. */
describe("the status text", () => {
  it.each([40, 60, 80, 100, 132, 200])(
    "fits %i columns where its words allow, and keeps every word of every cell whole",
    async (width) => {
      const view = statusView(await bundledResults("2022-09"), bundledContract());
      const text = renderText(view, { colour: false, width });
      const lines = text.split("\n");
      // From 80 columns the table fits; narrower, its longest words ("Acknowledgment", "(overridden;") can make a line longer, as no word is broken.
      if (width >= 80) for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
      const words = new Set(text.split(/\s+/));
      for (const row of [...view.kpis.rows, ...view.msrs!.rows])
        for (const cell of row.cells)
          for (const word of cell.split(/\s+/)) {
            expect(words, `${word} in ${cell}`).toContain(word);
          }
      expect(text.replace(/\s+/g, " ")).toContain("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
    },
  );

  it("at 200 columns, puts each KPI on one line", async () => {
    const view = statusView(await bundledResults("2022-09"), bundledContract());
    const lines = renderText(view, { colour: false, width: 200 }).split("\n");
    expect(lines.filter((l) => /^\d+ {2,}/.test(l))).toHaveLength(27 + 12);
  });

  it("colours each KPI's line by its outcome, after the padding, when asked", async () => {
    const view = statusView(await bundledResults("2022-09"), bundledContract());
    const line = renderText(view, { colour: true, width: 200 })
      .split("\n")
      .find((l) => l.includes("Driver changes"))!;
    expect(line.startsWith("\u001b[31m")).toBe(true);
  });
});

describe("a supplier's text in the terminal", () => {
  it("cannot send escape sequences of its own", async () => {
    const results = await bundledResults("2022-09");
    const view = statusView(
      {
        ...results,
        kpis: results.kpis.map((k, i) =>
          i === 0 ? { ...k, target: "100%\u001b[2J\u001b]0;pwned\u0007 done\u009b" } : k,
        ),
      },
      bundledContract(),
    );
    const text = renderText(view, { colour: false, width: 200 });
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(text).toContain("100%[2J]0;pwned done");
  });
});
