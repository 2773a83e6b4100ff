/// <reference lib="dom" />
// The function given to page.evaluate runs in the browser, on its DOM.
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import { hasChromium, launchChromium, WCAG_22_AA } from "../helpers/browser.js";
import { repoRoot } from "../helpers/contract.js";
import { textOf as docxText, paragraphsOf, unzipText } from "../helpers/docx-read.js";
import { runCli } from "../helpers/run-cli.js";
import { readPdf } from "../render/pdf-read.js";

/**
 * The example contracts of docs/contracts/ built as an officer would, from the returns a supplier
 * filled (docs/contracts/fill-returns.py, openpyxl, from the templates kpi-report writes), and every
 * capability read back from the real outputs: the PDF's text, the DOCX's XML, the HTML in Chromium
 * (or its text where no Chromium is installed), and the results JSON.
 */

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

interface Built {
  pdf: string;
  docx: string;
  html: string;
  /** axe-core's violations on the HTML, where Chromium is installed. */
  violations?: string[];
  results: {
    summary: { line: string };
    kpis: {
      number: number;
      outcome: string;
      band?: string;
      reason: { code: string; nextDue?: string };
      actual: Record<string, unknown>;
    }[];
  };
  code: number | null;
  stderr: string;
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The page's text as Chromium lays it out, and axe-core's WCAG 2.2 AA violations (ids) on it. */
async function htmlText(file: string): Promise<{ text: string; violations?: string[] }> {
  if (!hasChromium) return { text: squash(readFileSync(file, "utf8").replace(/<[^>]+>/g, " ")) };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The page's own policy forbids every script; axe is injected by the test, not by the page.
    await page.setBypassCSP(true);
    await page.goto(pathToFileURL(file).href);
    const text = squash(await page.evaluate(() => document.body.innerText));
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(
      (tags) =>
        (
          window as unknown as {
            axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string }[] }> };
          }
        ).axe
          .run(document, { runOnly: { type: "tag", values: tags } })
          .then((r) => r.violations.map((v) => v.id)),
      WCAG_22_AA,
    );
    return { text, violations };
  } finally {
    await browser.close();
  }
}

async function build(example: string, month: string): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), `kpi-example-${example}-`));
  const data = join(dir, "data");
  cpSync(join(repoRoot, "docs/contracts", example), data, { recursive: true });
  const out = join(dir, "out");
  const run = runCli(["build", "--data", data, "--month", month, "--out", out, "--quiet"]);
  const pdf = await readPdf(readFileSync(join(out, `appendices-${month}.pdf`)));
  const docx = unzipText(readFileSync(join(out, `appendices-${month}.docx`)))["word/document.xml"]!;
  return {
    pdf: squash(pdf.pages.map((p) => p.tagged).join(" ")),
    docx: squash(paragraphsOf(docx).map(docxText).join(" ")),
    ...(await htmlText(join(out, `appendices-${month}.html`)).then(({ text, violations }) => ({
      html: text,
      ...(violations ? { violations } : {}),
    }))),
    results: JSON.parse(readFileSync(join(out, `results-${month}.json`), "utf8")),
    code: run.code,
    stderr: run.stderr,
  };
}

const FORMATS = ["pdf", "docx", "html"] as const;
/** Words that would mean the outputs assumed Southend's service. */
const PASSENGER_TRANSPORT = /passenger|transport|journey|route|school run|vehicle/i;

describe("the highways maintenance example (RAG within 5%, lower is better, an average in days)", () => {
  let built: Built;
  beforeAll(async () => {
    built = await build("highways", "2024-05");
  }, 120_000);

  it("builds with no error", () => {
    expect(built.code).toBe(0);
    expect(built.stderr).toBe("");
  });

  it.skipIf(!hasChromium)("has no WCAG 2.2 AA violations in its HTML, bands and all", () => {
    expect(built.violations).toEqual([]);
  });

  it("stores the lower-is-better percentage as Excel does: 2.4% as 0.024 in a percentage cell", () => {
    const sheet = unzipText(readFileSync(join(repoRoot, "docs/contracts/highways/returns/2024-05.xlsx")))[
      "xl/worksheets/sheet3.xml"
    ]!;
    expect(sheet).toMatch(/<c r="I5"[^>]*><v>0\.024<\/v><\/c>/);
  });

  it.each(FORMATS)("%s: says each band in words and a symbol, and why", (format) => {
    const text = built[format];
    expect(text).toContain(
      "Amber ! 188 of 194 (96.9%) Amber: missed by no more than the tolerance of 4.9 percentage points.",
    );
    expect(text).toContain(
      "Amber ! 5.4 days Amber: missed beyond the tolerance, but better than April 2024 (5.6 days).",
    );
    expect(text).toContain("Green ✓ 1.9% (no counts given)");
    expect(text).toContain(
      "Red ✗ 2.4% (no counts given) Red: missed by more than the tolerance of 0.1 percentage points.",
    );
    expect(text).toContain("Amber ! 11 Amber: missed by no more than the tolerance of 2.");
  });

  it.each(FORMATS)("%s: words each target by its kind and counts the month by band", (format) => {
    const text = built[format];
    expect(text).toContain("5.4 days against at most 5 days");
    expect(text).toContain("Stated 2.4% against at most 2%");
    expect(text).toContain("188 of 194 (96.9%) against at least 98%");
    expect(text).toContain("▼ worse: 2.4%, up from 1.9% in April 2024 (lower is better)");
    expect(text).toContain(
      "2 were green, 3 amber (KPI 1, 3 and 6), 1 red (KPI 4) and 1 was not due this month",
    );
    expect(text).toContain("blue not captured");
    expect(text).not.toMatch(/amber not captured/i);
    expect(text).not.toMatch(PASSENGER_TRANSPORT);
  });

  it.each(FORMATS)("%s: says when the yearly report not due in May is next due", (format) => {
    expect(built[format]).toContain("Not due Reported at the end of the year, next due March 2025");
  });

  it.each(FORMATS)("%s: heads what fell short by the contract's bands, not as not met", (format) => {
    const text = built[format];
    expect(text).toContain("KPIs red or amber, or not captured, May 2024");
    expect(text).toContain("the KPIs red or amber, or not captured, and why");
    expect(text).not.toContain("not met or not captured");
    // Appendix 2 says each linked KPI's band, and which fell short by band, red first.
    expect(text).toContain("KPI 1, Cat 1 defects made safe: Amber ! KPI 2, Cat 2 defects repaired: Green ✓");
    expect(text).toContain("Red: KPI 4 Amber: KPI 1");
    expect(text).toContain("None: all linked KPIs green, not applicable or not due");
  });

  it.each(FORMATS)(
    "%s: says what changed since April by band, and names Appendix 2 as it is titled",
    (format) => {
      const text = built[format];
      expect(text).toContain("Newly red: KPI 4 (green in April 2024).");
      // KPI 3 was not met in both months: only its band moved, red to amber.
      expect(text).toContain("Newly amber: KPI 1 and 6 (green in April 2024) and KPI 3 (red in April 2024).");
      expect(text).toContain(
        "No KPI was back to green, newly not captured or green after not being captured.",
      );
      expect(text).not.toMatch(/Newly not met|back to met/);
      expect(text).toContain(
        "Appendix 1 (the KPI schedule) and Appendix 2 (the Service standards) follow in full.",
      );
      expect(text).toContain("Appendix 2: Service standards, May 2024");
    },
  );

  it.each(FORMATS)("%s: heads Appendix 2's table with the contract's labels", (format) => {
    const text = built[format];
    expect(text).toContain(
      "The contract's service standards, cross-referenced to the KPIs that evidence them",
    );
    expect(text).toContain(
      "MSR Service standard Linked KPIs: outcome for May 2024 Linked KPIs red or amber, or not captured Actions and comments for May 2024",
    );
    expect(text).not.toMatch(/Partnership|Matters being addressed|Minimum Service Requirement /);
  });

  it("the council's review sheet shows what the figures alone give by band", async () => {
    const review = join(mkdtempSync(join(tmpdir(), "kpi-example-review-")), "review.xlsx");
    const data = join(mkdtempSync(join(tmpdir(), "kpi-example-highways-")), "data");
    cpSync(join(repoRoot, "docs/contracts/highways"), data, { recursive: true });
    const run = runCli(["review", "--month", "2024-05", "--data", data, "--out", review]);
    expect(run.code, run.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(review);
    const column = (sheet: string) => {
      const rows = workbook.getWorksheet(sheet)!.getSheetValues() as unknown[][];
      const at = rows[1]!.indexOf("Figures alone give");
      return rows.slice(2).map((r) => r[at]);
    };
    expect(column("KPIs").slice(0, 4)).toEqual([
      "Amber !: 188 of 194 (96.9%) against at least 98%; missed by no more than the tolerance of 4.9 percentage points",
      "Green ✓: 431 of 452 (95.4%) against at least 90%",
      "Amber !: 5.4 days against at most 5 days; missed beyond the tolerance, but better than April 2024 (5.6 days)",
      "Red ✗: Stated 2.4% against at most 2%; missed by more than the tolerance of 0.1 percentage points",
    ]);
    expect(column("MSR comments")).toEqual([
      "Red: KPI 4; Amber: KPI 1",
      "Amber: KPI 3",
      "Amber: KPI 6",
      "None: all linked KPIs green, not applicable or not due",
    ]);
  });

  it("the results say the bands, and an annual KPI is not due whatever the return says", () => {
    const { summary, kpis } = built.results;
    expect(summary.line).toBe("2 KPIs green, 3 amber: KPI 1, 3 and 6, 1 red: KPI 4; 1 not due");
    expect(kpis.map((k) => k.band ?? k.outcome)).toEqual([
      "amber",
      "green",
      "amber",
      "red",
      "green",
      "amber",
      "not-due",
    ]);
    // The supplier said "not captured"; the contract's year says a yearly report is due only in March.
    expect(kpis[6]!.reason).toMatchObject({ code: "off-period", frequency: "annual", nextDue: "2025-03" });
  });
});

describe("the quarterly leisure example (quarters, a year to date, £, a target that changed)", () => {
  let built: Built;
  beforeAll(async () => {
    built = await build("leisure", "2024-06");
  }, 120_000);

  it("builds with no error", () => {
    expect(built.code).toBe(0);
    expect(built.stderr).toBe("");
  });

  it.each(FORMATS)(
    "%s: compares each quarter with the quarter before, and a year to date with a year before",
    (format) => {
      const text = built[format];
      expect(text).toContain("▼ worse: 28,900, down from 31,250 in March 2024");
      expect(text).toContain("▲ better: 92.5%, up from 91% in March 2024");
      expect(text).toContain("▼ worse: £1.57, up from £1.42 in March 2024 (lower is better)");
      expect(text).toContain("– not comparable: no return for June 2023");
      expect(text).toContain("direction of travel against the like period before");
    },
  );

  it.each(FORMATS)("%s: judges June by the target in force then, and says the target changed", (format) => {
    const text = built[format];
    expect(text).toContain("Not met 93 of 100 (93%)");
    expect(text).toContain(
      "– not comparable: target changed from At least 90% each quarter in March 2024 to At least 95% each quarter (from April 2024)",
    );
    expect(text).toContain("£1.57 for the quarter against at most £1.50");
    // The schedule's "Service Required" is the target in force in June, not the one before.
    expect(text).toContain(
      "Meets the old target, not the new one – not comparable: target changed from At least 90% each quarter in March 2024 to At least 95% each quarter (from April 2024) At least 95% each quarter (from April 2024)",
    );
    expect(text).toContain("28,900 for the quarter against at least 30,000");
    // A report with no monthly KPI is compared with the quarter before, not a month with no return.
    expect(text).toContain("Outcomes, June 2024 against March 2024");
    expect(text).not.toMatch(PASSENGER_TRANSPORT);
  });

  it.each(FORMATS)(
    "%s: says a quarterly KPI is not due in the months between quarters, not that they had no return",
    (format) => {
      const text = built[format];
      const notDue = "Not due Reported at the end of each quarter, next due June 2024";
      // Six quarterly KPIs, April and May each: not due then, whether or not a return came.
      expect(text.split(notDue).length - 1).toBe(12);
      // The year to date is due every month, so its April and May are truly missing, as is the compliments row's.
      expect(text).toContain(
        "Met 58 in the year to date (April 2023 to March 2024) Year 2023-24 in full No return No return Met 17 in the year to date (April 2024 to June 2024)",
      );
    },
  );

  it("the results say what the quarter's figures give", () => {
    expect(built.results.summary.line).toBe("4 KPIs achieved, 3 not met: KPI 1, 5 and 7");
  });
});

describe("the leisure example's July (between quarters; the year to date's own month)", () => {
  let built: Built;
  beforeAll(async () => {
    built = await build("leisure", "2024-07");
  }, 120_000);

  it("builds with no error", () => {
    expect(built.code).toBe(0);
    expect(built.stderr).toBe("");
  });

  it.each(FORMATS)("%s: shows the year to date beside its month's own part", (format) => {
    const text = built[format];
    expect(text).toContain("Met 21 in the year to date, 4 this month Four in July");
    // June's had no earlier return in the year: all of it is April to June's.
    expect(text).toContain("Met 17 in the year to date (April 2024 to June 2024)");
  });

  it.each(FORMATS)("%s: says a quarterly KPI is not due in July, and when it is next due", (format) => {
    const text = built[format];
    // Not due says it all: no direction of travel after it, and the key says why.
    expect(text).not.toContain("not comparable: not due this month");
    expect(text).toContain(
      "Reported at the end of each quarter, next due September 2024 At least 30,000 a quarter",
    );
    expect(text).toContain(
      "A KPI not due in July 2024 has no direction of travel, as it has nothing to compare.",
    );
    expect(
      text.split("Not due Reported at the end of each quarter, next due September 2024").length - 1,
    ).toBe(6);
    expect(text).not.toContain("21 for the year to date");
  });

  it("the results count the month as its return gives it", () => {
    expect(built.results.summary.line).toBe("1 KPI achieved, none not met; 6 not due");
    expect(built.results.kpis[1]!.actual).toMatchObject({
      yearToDate: { from: "2024-04", to: "2024-07", part: 4, partFrom: "2024-07" },
    });
  });
});
