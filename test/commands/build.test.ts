import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { copyData, editCell } from "../helpers/data-copy.js";

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const tempDir = () => mkdtempSync(join(tmpdir(), "kpi-build-"));

describe("kpi-report build", () => {
  it("writes every document format, the results and a manifest whose hashes match the files", () => {
    const out = tempDir();
    const run = runCli(["build", "--month", "2022-09", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const wrote = (f: string) => `Wrote ${join(out, f)}`;
    expect(run.stdout.trim().split("\n")).toEqual([
      ...["appendices-2022-09.pdf", "appendices-2022-09.docx", "appendices-2022-09.html"].map(wrote),
      wrote("results-2022-09.json"),
      "2022-09: 24 KPIs achieved, 3 not met: KPI 5, 26 and 27",
      wrote("manifest.json"),
    ]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.tool.name).toBe("kpi-report");
    const [report] = manifest.reports;
    expect(report.month).toBe("2022-09");
    expect(report.summary.line).toBe("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
    expect(report.inputs.map((i: { month: string }) => i.month)).toEqual([
      "2022-03",
      "2022-04",
      "2022-05",
      "2022-06",
      "2022-07",
      "2022-08",
      "2022-09",
    ]);
    // Both files of every month: the supplier's return and the council's review, each by its hash.
    for (const input of report.inputs) {
      expect(input.return.file).toBe(join("data", "returns", `${input.month}.xlsx`));
      expect(input.return.sha256).toBe(sha256(input.return.file));
      expect(input.review.file).toBe(join("data", "reviews", `${input.month}.xlsx`));
      expect(input.review.sha256).toBe(sha256(input.review.file));
    }
    expect(manifest.version).toBe(2);
    expect(report.contract.sha256).toBe(sha256("data/contract.json"));
    for (const output of report.outputs) {
      const path = join(out, output.file);
      expect(output.sha256).toBe(sha256(path));
      expect(output.bytes).toBe(readFileSync(path).byteLength);
    }
    const results = JSON.parse(readFileSync(join(out, "results-2022-09.json"), "utf8"));
    expect(results.summary.notMetKpis).toEqual([5, 26, 27]);
    // The direction of travel, what changed and the schedule's counts, as status gives them: one shape, one span.
    expect(results.kpis.map((k: { trend: { direction: string } }) => k.trend.direction)).toHaveLength(27);
    expect(results.changes.newlyNotMet.map((k: { number: number }) => k.number)).toEqual([5, 26, 27]);
    expect(results.outcomesByMonth.map((m: { month: string }) => m.month)).toEqual([
      "2022-03",
      "2022-04",
      "2022-05",
      "2022-06",
      "2022-07",
      "2022-08",
      "2022-09",
    ]);
    expect(results).toEqual(JSON.parse(runCli(["status", "--month", "2022-09", "--format", "json"]).stdout));
  });

  it("compares the month with the one before even when the schedule starts with it (--from)", () => {
    const out = tempDir();
    expect(
      runCli([
        "build",
        "--month",
        "2022-09",
        "--from",
        "2022-09",
        "--out",
        out,
        "--formats",
        "html",
        "--quiet",
      ]).code,
    ).toBe(0);
    const results = JSON.parse(readFileSync(join(out, "results-2022-09.json"), "utf8"));
    expect(results.kpis[1].trend).toMatchObject({
      previous: "2022-08",
      direction: "same",
      text: "100%, as in August 2022",
    });
    expect(results.changes.previousCounts).toEqual({
      met: 10,
      notMet: 0,
      notCaptured: 1,
      notApplicable: 16,
      notDue: 0,
    });
    expect(results.outcomesByMonth.map((m: { month: string }) => m.month)).toEqual(["2022-09"]);
    const html = readFileSync(join(out, "appendices-2022-09.html"), "utf8");
    expect(html).toContain("= same: 100%, as in August 2022");
  });

  it("draws the PDF on a second thread when it draws both formats, with the same bytes as when drawn alone", () => {
    const [both, alone] = [tempDir(), tempDir()];
    const threaded = runCli(["build", "--month", "2022-09", "--out", both, "--verbose"]);
    expect(threaded.code, threaded.stderr).toBe(0);
    expect(threaded.stderr).toContain("Drawing each PDF on a second thread");
    const single = runCli(["build", "--month", "2022-09", "--out", alone, "--formats", "pdf", "--verbose"]);
    expect(single.code, single.stderr).toBe(0);
    expect(single.stderr).not.toContain("second thread");
    expect(
      readFileSync(join(both, "appendices-2022-09.pdf")).equals(
        readFileSync(join(alone, "appendices-2022-09.pdf")),
      ),
    ).toBe(true);
  });

  it("with --check on a return with one broken cell, prints the finding and writes nothing", async () => {
    const data = copyData();
    await editCell(join(data, "returns", "2022-09.xlsx"), "KPIs", "F18", "1 of 1");
    const out = tempDir();
    for (const args of [["--check"], []]) {
      const run = runCli(["build", "--month", "2022-09", "--data", data, "--out", out, ...args]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/KPIs!F18\s+error\s+number-invalid/);
      expect(run.stderr).toContain("nothing was written");
      expect(readdirSync(out)).toEqual([]);
    }
  });

  it("fails --strict on warnings, and passes without it", async () => {
    const data = copyData();
    await editCell(
      join(data, "returns", "2022-08.xlsx"),
      "KPIs",
      "P5",
      "a note in a column the format does not have",
    );
    await editCell(join(data, "returns", "2022-08.xlsx"), "KPIs", "P1", "Notes");
    expect(runCli(["build", "--month", "2022-09", "--data", data, "--check"]).code).toBe(0);
    const strict = runCli(["build", "--month", "2022-09", "--data", data, "--check", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/column-unexpected/);
  });

  it("appends a markdown summary to GITHUB_STEP_SUMMARY", () => {
    const out = tempDir();
    const summary = join(tempDir(), "step-summary.md");
    writeFileSync(summary, "## Earlier step\n");
    const run = runCli(["build", "--month", "2022-09", "--out", out, "--formats", "docx", "--quiet"], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const markdown = readFileSync(summary, "utf8");
    expect(
      markdown.startsWith("## Earlier step\n### KPI report: September 2022 (vecteo-send-transport)"),
    ).toBe(true);
    expect(markdown).toContain("**24 KPIs achieved, 3 not met: KPI 5, 26 and 27**");
    expect(markdown).toMatch(/^\| 5 \| Not met \(overridden\) \|/m);
    expect(markdown).toMatch(
      /^\| 26 \| Not met \| 95\.2% \(no counts given\) \| Stated 95\.2% is below the 98% target \| – not comparable \|$/m,
    );
    expect(markdown).toMatch(/^\| KPI \| Outcome \| Actual figures \| Reason \| vs Aug 2022 \|$/m);
    expect(markdown).toContain(
      "Direction of travel against August 2022: ▲ better: 0, = same: 10, ▼ worse: 0, – not comparable: 17.",
    );
    expect(markdown).toContain("`appendices-2022-09.docx`, `results-2022-09.json`, `manifest.json`");
  });

  it("builds a range of months in one run, one set of files each", () => {
    const out = tempDir();
    const run = runCli([
      "build",
      "--month",
      "2022-07..2022-09",
      "--out",
      out,
      "--formats",
      "docx",
      "--quiet",
    ]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "appendices-2022-07.docx",
      "appendices-2022-08.docx",
      "appendices-2022-09.docx",
      "manifest.json",
      "results-2022-07.json",
      "results-2022-08.json",
      "results-2022-09.json",
    ]);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).reports).toHaveLength(3);
  });

  it.each([
    [["build"], /--month is required \(or --config FILE\)/],
    [["build", "--month", "2022-09", "--from", "2022-10"], /--from 2022-10 is after/],
    [["build", "--month", "2022-09..2022-03"], /ends before it starts/],
    [
      ["build", "--month", "2022-09", "--formats", "pdf,rtf"],
      /--formats pdf,rtf: formats are pdf, docx, html/,
    ],
    [["build", "--month", "2030-01"], /no return for 2030-01[\s\S]*2022-03/],
    [["build", "--month", "2022-09", "--quiet", "--verbose"], /cannot be used with/],
  ])("refuses %j with exit 2 and writes nothing", (args, message) => {
    const out = tempDir();
    const run = runCli([...args, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(out, "manifest.json"))).toBe(false);
  });
});
