import { describe, expect, it } from "vitest";
import { statusView } from "../../src/model/status-view.js";
import { renderText } from "../../src/render/text/index.js";
import { bundledContract } from "../helpers/contract.js";
import { bundledResults } from "../helpers/report-model.js";

const view = statusView(await bundledResults("2022-09"), bundledContract());
/** Every word the view holds: a word in the text that is not one of these was broken inside. */
const words = new Set(
  [
    view.title,
    view.review,
    view.summary,
    view.msrHeading!,
    ...view.overrides,
    ...[view.kpis, view.msrs!].flatMap((t) => [...t.columns, ...t.rows.flatMap((r) => r.cells)]),
  ].flatMap((text) => text.split(/\s+/)),
);
const render = (width: number) => renderText(view, { colour: false, width });
const longestLine = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

describe("status in the terminal", () => {
  it.each([40, 60, 80, 100, 160])("never breaks a word inside its table's columns at %i columns", (width) => {
    const tokens = render(width).split(/\s+/).filter(Boolean);
    expect(tokens.filter((t) => !words.has(t))).toEqual([]);
  });

  it.each([80, 100, 160])("fits %i columns", (width) => {
    expect(longestLine(render(width))).toBeLessThanOrEqual(width);
  });

  it("widens its columns to a wider terminal, so the rows wrap less", () => {
    const [at80, at160] = [render(80), render(160)];
    expect(longestLine(at160)).toBeGreaterThan(100);
    expect(at160.split("\n").length).toBeLessThan(at80.split("\n").length);
  });

  it("says why every KPI is not comparable", () => {
    const direction = view.kpis.columns.indexOf("vs Aug 2022");
    const cells = view.kpis.rows.map((r) => r.cells[direction]!);
    expect(cells.filter((c) => c.includes("not comparable")).length).toBeGreaterThan(10);
    for (const c of cells) expect(c).toMatch(/^[▲=▼–] (better|same|worse|not comparable): \S/);
    expect(render(160)).toMatch(/– not comparable: not applicable in August 2022/);
  });

  it("names each MSR's linked KPIs by number, not by count", () => {
    const linked = new Map(view.msrs!.rows.map((r) => [r.cells[0], r.cells[1]]));
    expect(linked.get("2")).toBe("KPI 9");
    expect(linked.get("1")).toBe("KPI 1–12, 14–19, 21 and 23–27");
    expect(linked.get("9")).toBe("None");
  });
});
