import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import type { JobSummaryView } from "../../src/model/job-summary.js";
import { renderMarkdown } from "../../src/render/markdown/index.js";

/**
 * The CI job's markdown summary carries text a council or supplier typed (an override reason is
 * printed in its Reason column). Rendered as GitHub renders markdown (micromark with GFM, raw HTML
 * and every link protocol allowed, so only our escaping stands between the text and the page), no
 * such text becomes HTML, a link or an image: it reads as typed.
 */
const HOSTILE = [
  '<img src="https://tracker.example/pixel.png">',
  "<script>alert(1)</script>",
  "[click here](javascript:alert(1))",
  "![logo](https://tracker.example/logo.png)",
  "<https://phish.example/login>",
  "visit https://phish.example or www.phish.example",
  "**bold** _em_ ~~struck~~ `code`",
  "a | b | c",
  "[ref]: https://phish.example",
  "&lt;script&gt; &amp;",
];

function view(reason: string): JobSummaryView {
  return {
    reports: [
      {
        heading: "KPI report: September 2022 (vecteo)",
        verdict: "24 of 27 KPIs achieved",
        directions: "Direction of travel against August 2022: ▲ better: 0.",
        shortfalls: {
          columns: ["KPI", "Outcome", "Actual figures", "Reason", "vs Aug 2022"],
          rows: [{ cells: ["5", "Not met (overridden)", "9 of 10 (90%)", reason, "="], outcome: "not-met" }],
        },
        filesLabel: "Files",
        files: ["appendices-2022-09.pdf"],
      },
    ],
  };
}

const asGithub = (markdown: string) =>
  micromark(markdown, {
    allowDangerousHtml: true,
    allowDangerousProtocol: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });

describe("the markdown job summary", () => {
  it.each(HOSTILE)("shows %j as typed, in its table cell", (reason) => {
    const html = asGithub(renderMarkdown(view(reason)));
    expect(html).not.toMatch(/<(img|script|a|em|del)\b/);
    const cells = [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]!);
    // Five cells in the one row: a pipe in the text did not make more.
    expect(cells).toHaveLength(5);
    // No element at all in the cell: only text, with HTML's specials as entities.
    expect(cells[3]).not.toContain("<");
    const shown = cells[3]!
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    expect(shown).toBe(reason);
  });
});
