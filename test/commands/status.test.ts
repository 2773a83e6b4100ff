import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

describe("kpi-report status", () => {
  it("reaches the committee's verdict for September 2022 from the bundled data", () => {
    const run = runCli(["status", "--month", "2022-09"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
    expect(run.stdout).toMatch(/^1\s+KPI 1–12, 14–19, 21 and 23–27\s+Not met: KPI 5, 26 and 27$/m);
    expect(run.stdout).toMatch(/overridden/);
  });

  it("fits 80 columns when it does not print to a terminal, and says the MSRs in Appendix 2's words", () => {
    const run = runCli(["status", "--month", "2022-09"]);
    for (const line of run.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(run.stdout).toMatch(/^2\s+KPI 9\s+None: all linked KPIs met, not applicable or\n\s+not due$/m);
    expect(run.stdout).toMatch(/^9\s+None\s+No KPI linked to this MSR$/m);
  });

  it("says the same in JSON", () => {
    const run = runCli(["status", "--month", "2022-09", "--format", "json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.month).toBe("2022-09");
    expect(json.kpis).toHaveLength(27);
    const notMet = json.kpis
      .filter((k: { outcome: string }) => k.outcome === "not-met")
      .map((k: { number: number }) => k.number);
    expect(notMet).toEqual([5, 26, 27]);
    expect(json.kpis.filter((k: { outcome: string }) => k.outcome === "met")).toHaveLength(24);
    expect(json.msrs.find((m: { number: number }) => m.number === 1).notMet).toEqual([5, 26, 27]);
    expect(json.msrs.find((m: { number: number }) => m.number === 9).linkedKpis).toEqual([]);
    expect(json.summary.line).toBe("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
    for (const k of json.kpis)
      expect(Object.keys(k)).toEqual(
        expect.arrayContaining(["number", "outcome", "target", "actual", "reason"]),
      );
  });

  it("shows each KPI's direction against the month before, in a symbol and words", () => {
    const run = runCli(["status", "--month", "2022-09"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^KPI\s+Name\s+Target\s+Actual figures\s+vs Aug 2022\s+Outcome$/m);
    expect(run.stdout).toMatch(/^2\s+Specialist\s.*= same: 100%,\s+Met$/m);
    // Not comparable, and why: the words wrap in their column.
    expect(run.stdout).toMatch(
      /^26\s+Driver changes\s.*– not\s+Not met\n.*\bcomparable: not\n.*\bapplicable in\n.*\bAugust 2022$/m,
    );
  });

  it("carries the trend, what changed and the months' counts in JSON", () => {
    const json = JSON.parse(runCli(["status", "--month", "2022-09", "--format", "json"]).stdout);
    const trends = json.kpis.map((k: { trend: { previous: string; direction: string } }) => k.trend);
    expect(new Set(trends.map((t: { previous: string }) => t.previous))).toEqual(new Set(["2022-08"]));
    expect(json.kpis[22].trend).toMatchObject({
      direction: "same",
      basis: "outcome",
      text: "Met, as in August 2022",
    });
    expect(json.kpis[25].trend).toMatchObject({
      direction: "not comparable",
      cause: "not-applicable",
      previousOutcome: "not-applicable",
    });
    expect(json.kpis.some((k: object) => "yearAgo" in k)).toBe(false);
    expect(json.changes.newlyNotMet.map((k: { number: number }) => k.number)).toEqual([5, 26, 27]);
    expect(json.changes.previousCounts).toEqual({
      met: 10,
      notMet: 0,
      notCaptured: 1,
      notApplicable: 16,
      notDue: 0,
    });
    expect(json.outcomesByMonth.map((m: { month: string; met: number }) => [m.month, m.met])).toEqual([
      ["2022-03", 1],
      ["2022-04", 1],
      ["2022-05", 0],
      ["2022-06", 3],
      ["2022-07", 4],
      ["2022-08", 10],
      ["2022-09", 24],
    ]);
  });

  it("names the months there are when asked for one with no return", () => {
    const run = runCli(["status", "--month", "2021-01"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("There is no return for 2021-01");
    expect(run.stderr).toContain("2022-03");
    expect(run.stderr).toContain("2022-09");
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it.each([
    [["status"], /--month/],
    [["status", "--month", "2022-13"], /--month 2022-13: months are YYYY-MM, e.g. 2022-09/],
    [["status", "--month", "2022-09", "--format", "xml"], /format/],
    [["nonsense"], /nonsense is not a command/],
  ])("refuses bad usage %j with exit 2", (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
