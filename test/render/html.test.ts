/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions given to page.evaluate run in the browser, on its DOM.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/html/index.js";
import { hasChromium, launchChromium, WCAG_22_AA } from "../helpers/browser.js";
import { bundledContract } from "../helpers/contract.js";
import { readPdf } from "./pdf-read.js";
import { SEPTEMBER_HEADINGS } from "./september-headings.js";
import { bundledReport } from "../helpers/report-model.js";

/**
 * September 2022's HTML edition, opened in Debian's chromium as a reader would open it: checked
 * with axe-core's WCAG 2.2 AA rules, at desktop width and at 400% zoom (a 320 CSS px viewport),
 * its markup read from the live DOM, and printed to PDF by Chromium.
 */

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const contract = bundledContract();
const DESKTOP = { width: 1280, height: 1024 };
/** A laptop's screen, as a committee member reads the page at a desk. */
const DESK = { width: 1366, height: 768 };
/** A phone held upright. */
const PHONE = { width: 390, height: 844 };
/** 1280 x 1024 at 400%: WCAG 1.4.10's reflow case. */
const ZOOMED = { width: 320, height: 256 };

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describe.skipIf(!hasChromium)("the HTML edition in Chromium", () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-html-"));
    const file = join(dir, "appendices-2022-09.html");
    writeFileSync(
      file,
      await renderHtml(await bundledReport({ month: "2022-09", from: "2022-03", startPage: 227 })),
    );
    url = pathToFileURL(file).href;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(viewport: {
    width: number;
    height: number;
  }): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    // The page's own policy forbids every script; axe is injected by the test, not by the page.
    await page.setBypassCSP(true);
    const requests: string[] = [];
    page.on("request", (request) => void requests.push(request.url()));
    await page.setViewport(viewport);
    await page.goto(url, { waitUntil: "load" });
    return { page, requests };
  }

  async function axe(page: Page): Promise<AxeViolation[]> {
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(
      (tags) =>
        (
          window as unknown as {
            axe: { run(c: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe.run(document, { runOnly: { type: "tag", values: tags } }),
      WCAG_22_AA,
    );
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  }

  it.each([
    ["desktop width", DESKTOP],
    ["desk width (1366 px)", DESK],
    ["phone width (390 px)", PHONE],
    ["400% zoom", ZOOMED],
  ])(
    "has no WCAG 2.2 AA violations at %s",
    async (_, viewport) => {
      const { page } = await open(viewport);
      expect(await axe(page)).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it("would report a violation: the check can fail (the same page with its language removed and a cell's text made pale)", async () => {
    const { page } = await open(DESKTOP);
    await page.evaluate(() => {
      document.documentElement.removeAttribute("lang");
      (document.querySelector("td") as HTMLElement).style.color = "#BBBBBB";
    });
    expect((await axe(page)).map((v) => v.id)).toEqual(
      expect.arrayContaining(["html-has-lang", "color-contrast"]),
    );
    await page.close();
  }, 60_000);

  it("is one file: the browser requests nothing beyond it", async () => {
    const { page, requests } = await open(DESKTOP);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it("says its language and title, opens with a skip link, and its headings go in order", async () => {
    const { page } = await open(DESKTOP);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      skip: document.querySelector("a")?.getAttribute("href"),
      target: !!document.querySelector("#main"),
      headings: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map(
        (h) => `${h.tagName} ${h.textContent}`,
      ),
    }));
    expect(facts.lang).toBe("en-GB");
    expect(facts.title).toBe(
      "Vecteo performance against KPIs and Minimum Service Requirements, September 2022",
    );
    expect(facts.skip).toBe("#main");
    expect(facts.target).toBe(true);
    expect(facts.headings).toEqual(SEPTEMBER_HEADINGS);
    await page.close();
  });

  it("marks each table up with a caption, a header row, column and row headers, a description, and no empty cell", async () => {
    const { page } = await open(DESKTOP);
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll("table")].map((t) => ({
        caption: t.caption?.textContent ?? "",
        columns: [...t.querySelectorAll("thead th")].map((th) => th.getAttribute("scope")),
        // As read (innerText): a card's column labels are for the eye on a phone only, hidden here and from assistive technology.
        rowHeaders: [...t.querySelectorAll("tbody tr")].map((tr) =>
          [...tr.querySelectorAll("th")].map(
            (th) => `${th.getAttribute("scope")} ${(th as HTMLElement).innerText}`,
          ),
        ),
        description: document.getElementById(t.getAttribute("aria-describedby") ?? "")?.textContent ?? "",
        empty: [...t.querySelectorAll("td, th")].filter((c) => (c as HTMLElement).innerText.trim() === "")
          .length,
        lists: [...t.querySelectorAll("td ul")].map((ul) => ul.children.length),
      })),
    );
    expect(tables.map((t) => t.caption)).toEqual([
      "Outcomes, September 2022 against August 2022",
      "KPIs not met or not captured, September 2022",
      "KPI outcomes by month, March 2022 to September 2022: the figures",
      "KPI schedule, Jun 2022 to Sep 2022 (part 1 of 2)",
      "KPI schedule, Mar 2022 to May 2022 (part 2 of 2)",
      "Minimum Service Requirements and their linked KPIs, September 2022",
    ]);
    expect(tables.map((t) => t.columns)).toEqual([4, 6, 7, 9, 8, 5].map((n) => Array(n).fill("col")));
    expect(tables[0]!.rowHeaders).toEqual(
      ["Met", "Not met", "Not captured", "Not applicable", "Not due", "All KPIs"].map((o) => [`row ${o}`]),
    );
    expect(tables[1]!.rowHeaders).toEqual([["row 5"], ["row 26"], ["row 27"]]);
    expect(tables[2]!.rowHeaders).toEqual(
      ["March", "April", "May", "June", "July", "August", "September"].map((m) => [`row ${m} 2022`]),
    );
    const kpiRowHeaders = [...contract.kpis.map((k) => [`row ${k.number}`]), ["row Compliments"]];
    expect(tables[3]!.rowHeaders).toEqual(kpiRowHeaders);
    expect(tables[4]!.rowHeaders).toEqual(kpiRowHeaders);
    expect(tables[5]!.rowHeaders).toEqual(contract.msrs.map((m) => [`row ${m.number}`]));
    for (const t of tables) {
      expect(t.description).toMatch(/^One row for each /);
      expect(t.empty).toBe(0);
    }
    // Appendix 2's linked KPIs are lists: one item per KPI linked to the MSR.
    expect(tables[5]!.lists).toEqual(
      contract.msrs.filter((m) => m.linkedKpis.length > 0).map((m) => m.linkedKpis.length),
    );
    await page.close();
  });

  it("shows outcomes in words and, for the reporting month, in colour", async () => {
    const { page } = await open(DESKTOP);
    // KPI 26 (the 26th row) in September, the seventh data cell of the schedule's first part (the fourth table).
    const kpi26 = await page.evaluate(() => {
      const row = [...document.querySelectorAll("table")][3]!.querySelectorAll("tbody tr")[25]!;
      const september = row.querySelectorAll("td")[6] as HTMLElement;
      return { text: september.innerText, background: getComputedStyle(september).backgroundColor };
    });
    expect(kpi26.text.startsWith("Not met")).toBe(true);
    // The direction of travel ends the cell, in a symbol and words.
    expect(kpi26.text.trim().split("\n").at(-1)).toBe("– not comparable: not applicable in August 2022");
    expect(kpi26.background).toBe("rgb(248, 211, 211)");
    await page.close();
  });

  it("flows its tables in the page at desk width: no inner scroll box, and the header row sticks to the window's top as the schedule passes", async () => {
    const { page } = await open(DESK);
    const facts = await page.evaluate(async () => {
      const regions = [...document.querySelectorAll(".scroll")] as HTMLElement[];
      const schedule = regions.find((r) =>
        r.querySelector("caption")?.textContent?.startsWith("KPI schedule"),
      )!;
      const table = schedule.querySelector("table")!;
      const header = schedule.querySelector("thead th") as HTMLElement;
      window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY + 1500);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      return {
        pageWidth: document.documentElement.scrollWidth,
        // A region as tall as its table and as wide: nothing scrolls inside it.
        inner: regions
          .filter((r) => r.scrollHeight > r.clientHeight + 1 || r.scrollWidth > r.clientWidth + 1)
          .map((r) => r.querySelector("caption")?.textContent),
        scheduleHeight: Math.round(schedule.getBoundingClientRect().height),
        tableHeight: Math.round(table.getBoundingClientRect().height),
        headerTop: Math.round(header.getBoundingClientRect().top),
        lastRowShown: (table.querySelector("tbody tr:last-child") as HTMLElement).offsetHeight > 0,
      };
    });
    expect(facts.pageWidth).toBeLessThanOrEqual(DESK.width);
    expect(facts.inner).toEqual([]);
    expect(facts.scheduleHeight).toBeGreaterThan(3 * DESK.height);
    expect(facts.scheduleHeight).toBeLessThanOrEqual(facts.tableHeight + 40);
    expect(facts.headerTop).toBe(0);
    expect(facts.lastRowShown).toBe(true);
    await page.close();
  });

  it.each([
    ["a phone", PHONE],
    ["400% zoom", ZOOMED],
  ])(
    "on %s: the page does not scroll sideways, small tables fit, and a wide table is one card per row, each cell under its column's label",
    async (_, viewport) => {
      const { page } = await open(viewport);
      const facts = await page.evaluate(() => {
        const tables = [...document.querySelectorAll("table")];
        const schedule = tables.find((t) => t.caption?.textContent?.startsWith("KPI schedule"))!;
        const card = schedule.querySelectorAll("tbody tr")[4] as HTMLElement;
        return {
          pageWidth: document.documentElement.scrollWidth,
          // A table wider than the screen is only allowed inside a region named by its caption, which fits the screen and scrolls it.
          tooWide: tables
            .filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter((t) => {
              const region = t.closest('[role="region"]') as HTMLElement | null;
              const named =
                region &&
                document.getElementById(region.getAttribute("aria-labelledby") ?? "")?.textContent ===
                  t.caption?.textContent;
              return !(
                named &&
                region.tabIndex === 0 &&
                region.getBoundingClientRect().right <= document.documentElement.clientWidth &&
                region.scrollWidth > region.clientWidth
              );
            })
            .map((t) => t.caption?.textContent),
          scrolled: tables
            .filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map((t) => t.caption?.textContent),
          cardWidth: card.getBoundingClientRect().width,
          // In the order the card shows its cells, top down.
          cardText: [...card.children]
            .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
            .flatMap((c) => (c as HTMLElement).innerText.split("\n"))
            .filter(Boolean)
            .slice(0, 6),
          role: schedule.getAttribute("role"),
          rowRole: card.getAttribute("role"),
          headerHidden: (schedule.querySelector("thead") as HTMLElement).getBoundingClientRect().height <= 1,
          counts: tables[0]!.getBoundingClientRect().width,
        };
      });
      expect(facts.pageWidth).toBeLessThanOrEqual(viewport.width);
      expect(facts.tooWide).toEqual([]);
      // Only the chart's table of figures, seven columns, may need its region to scroll, and only at 320 px.
      expect(facts.scrolled).toEqual(
        viewport === ZOOMED ? ["KPI outcomes by month, March 2022 to September 2022: the figures"] : [],
      );
      expect(facts.cardWidth).toBeLessThanOrEqual(viewport.width);
      // The card opens with the row header under its label, then each cell under its column's.
      expect(facts.cardText).toEqual([
        "KPI Number",
        "5",
        "Service Criteria",
        "Customer Service",
        "KPI",
        expect.stringMatching(/^Pre transport phone calls/),
      ]);
      // The table's semantics stay with it (its header row is still there for a screen reader, out of sight).
      expect(facts.role).toBe("table");
      expect(facts.rowRole).toBe("row");
      expect(facts.headerHidden).toBe(true);
      expect(facts.counts).toBeLessThanOrEqual(viewport.width);
      await page.close();
    },
  );

  it("draws the chart as inline SVG named by its title and described by its alt text, beside a table of the same figures", async () => {
    const { page } = await open(DESKTOP);
    const chart = await page.evaluate(() => {
      const svg = document.querySelector(".figure svg")!;
      const ids = (svg.getAttribute("aria-labelledby") ?? "").split(" ");
      const box = svg.getBoundingClientRect();
      const table = document.querySelector(".figure table")!.getBoundingClientRect();
      return {
        count: [...document.querySelectorAll("svg")].filter((svg) => svg.getBoundingClientRect().width > 0)
          .length,
        role: svg.getAttribute("role"),
        labels: ids.map((id) => document.getElementById(id)?.textContent ?? ""),
        legend: [...svg.querySelectorAll("text")].map((t) => t.textContent),
        width: box.width,
        beside: table.left >= box.right - 1,
      };
    });
    expect(chart.count).toBe(1);
    expect(chart.role).toBe("img");
    expect(chart.labels[0]).toBe("KPI outcomes by month, March 2022 to September 2022");
    expect(chart.labels[1]).toMatch(
      /^Stacked bar chart of how many of the 27 KPIs .* September 2022: 24 met and 3 not met\.$/,
    );
    // Every series is named in words, so the chart reads in greyscale.
    for (const label of ["Met", "Not met", "Not captured", "Not applicable", "Not due"])
      expect(chart.legend).toContain(label);
    expect(chart.width).toBeGreaterThan(400);
    // At desktop width the figures stand beside the chart.
    expect(chart.beside).toBe(true);
    await page.close();
    // On a phone the chart drawn for that width takes its place: it fits the screen, drawn about at size, and is the one a reader meets.
    for (const viewport of [PHONE, ZOOMED]) {
      const small = await open(viewport);
      const narrow = await small.page.evaluate(() => {
        const shown = [...document.querySelectorAll("svg")].filter(
          (svg) => svg.getBoundingClientRect().width > 0,
        );
        const box = shown[0]!.getBoundingClientRect();
        return {
          count: shown.length,
          right: box.right,
          width: box.width,
          viewBox: shown[0]!.getAttribute("viewBox"),
          name: document.getElementById((shown[0]!.getAttribute("aria-labelledby") ?? "").split(" ")[0]!)
            ?.textContent,
          legend: [...shown[0]!.querySelectorAll("text")].map((t) => t.textContent),
          pageWidth: document.documentElement.scrollWidth,
        };
      });
      expect(narrow).toMatchObject({
        count: 1,
        viewBox: "0 0 360 320",
        name: "KPI outcomes by month, March 2022 to September 2022",
      });
      expect(narrow.right).toBeLessThanOrEqual(viewport.width);
      expect(narrow.pageWidth).toBeLessThanOrEqual(viewport.width);
      // At 390 px the 360-wide drawing is shown at about its own size, so its 12 px labels stay 12 px or so.
      if (viewport === PHONE) expect(narrow.width).toBeGreaterThanOrEqual(340);
      for (const label of ["Met", "Not met", "Not captured", "Not applicable", "Not due", "Sep"])
        expect(narrow.legend).toContain(label);
      await small.page.close();
    }
  });

  it("prints on A4 landscape pages, each table's header row repeated on every page it runs on to, each page footed and numbered from --start-page", async () => {
    const { page } = await open(DESKTOP);
    const pdf = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    const raw = pdf.raw;
    // Chromium writes A4 landscape as a 842 x 595 point media box (841.89 x 595.28 rounded).
    // Chromium writes A4 landscape as 841.92 x 594.96 points (297 x 210 mm in its own rounding).
    expect(new Set(raw.match(/\/MediaBox \[[^\]]*\]/g))).toEqual(
      new Set(["/MediaBox [0 0 841.91998 594.95996]"]),
    );
    const text = pdf.pages.map((p) =>
      p.items
        .map((item) => item.text)
        .join(" ")
        .replace(/\s+/g, " "),
    );
    const appendix1 = text.findIndex((t) => t.includes("Appendix 1: KPI schedule, September 2022"));
    const appendix2 = text.findIndex((t) => t.includes("Appendix 2: Minimum Service Requirements"));
    expect(appendix1).toBeGreaterThan(0);
    expect(appendix2).toBeGreaterThan(appendix1 + 1);
    text
      .slice(appendix1, appendix2)
      .forEach((t, i) =>
        expect(t, `printed page ${appendix1 + i + 1}`).toMatch(
          /Service Criteria KPI Number KPI Rank \w+ 2022/,
        ),
      );
    text
      .slice(appendix2)
      .forEach((t, i) =>
        expect(t, `printed page ${appendix2 + i + 1}`).toContain("Linked KPIs not met or not captured"),
      );
    // Columns take the width their words need: no word is broken across lines ("Compliment/s" was, in a fixed-width column).
    expect(text.join(" ")).toContain("Compliments received this month");
    expect(text.join(" ")).not.toMatch(/Compliment s\b/);
    // A row may run on to the next sheet, as in the PDF: September prints on fewer sheets than with rows kept whole (23).
    expect(pdf.pages.length).toBeLessThanOrEqual(20);
    text.forEach((t, i) => {
      expect(t, `printed page ${i + 1}`).toContain(`Page ${227 + i}`);
      expect(t, `printed page ${i + 1}`).toContain(
        i < appendix1
          ? "Summary: September 2022 at a glance"
          : i < appendix2
            ? "Appendix 1: KPI schedule, September 2022"
            : "Appendix 2: Minimum Service Requirements, September 2022",
      );
    });
  }, 60_000);
});
