import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

interface Manifest {
  reports: {
    month: string;
    inputs: { month: string; return: { file: string }; review: { file: string } | null }[];
    outputs: { file: string }[];
  }[];
}

const manifest = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
const build = (out: string, month: string) =>
  runCli(["build", "--month", month, "--out", out, "--formats", "docx", "--quiet"]);

describe("manifest.json across builds into one folder", () => {
  it("keeps every month's entry when the months are built one run at a time", () => {
    const out = mkdtempSync(join(tmpdir(), "kpi-manifest-"));
    for (const month of ["2022-08", "2022-09", "2022-07"]) expect(build(out, month).code).toBe(0);
    const { reports } = manifest(out);
    expect(reports.map((r) => r.month)).toEqual(["2022-07", "2022-08", "2022-09"]);
    expect(reports.map((r) => r.outputs.map((o) => o.file))).toEqual(
      ["2022-07", "2022-08", "2022-09"].map((m) => [`appendices-${m}.docx`, `results-${m}.json`]),
    );
    // Each month used names both parties' files: the supplier's return and the council's review.
    expect(
      reports[2]!.inputs.every(
        (i) => i.return.file.includes("returns") && i.review?.file.includes("reviews"),
      ),
    ).toBe(true);
  });

  it("replaces a month's entry when that month is built again, and the same build gives the same manifest", () => {
    const out = mkdtempSync(join(tmpdir(), "kpi-manifest-"));
    expect(
      runCli(["build", "--month", "2022-08..2022-09", "--out", out, "--formats", "docx", "--quiet"]).code,
    ).toBe(0);
    const first = readFileSync(join(out, "manifest.json"), "utf8");
    expect(build(out, "2022-09").code).toBe(0);
    expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(first);
    expect(manifest(out).reports).toHaveLength(2);
  });

  it("keeps what other entries carry, and starts anew over a manifest that is not one", () => {
    const out = mkdtempSync(join(tmpdir(), "kpi-manifest-"));
    expect(build(out, "2022-08").code).toBe(0);
    const before = manifest(out);
    (before.reports[0] as unknown as Record<string, unknown>).reviewedBy = "a later version's field";
    writeFileSync(join(out, "manifest.json"), JSON.stringify(before));
    expect(build(out, "2022-09").code).toBe(0);
    expect((manifest(out).reports[0] as unknown as Record<string, unknown>).reviewedBy).toBe(
      "a later version's field",
    );
    writeFileSync(join(out, "manifest.json"), "not json");
    expect(build(out, "2022-09").code).toBe(0);
    expect(manifest(out).reports.map((r) => r.month)).toEqual(["2022-09"]);
  });
});

describe("--help", () => {
  it.each(["build", "status", "validate", "template"])(
    "%s --help ends with examples and marks what is required",
    (command) => {
      const run = runCli([command, "--help"]);
      expect(run.code).toBe(0);
      expect(`${run.stdout.trimEnd()}\n`).toMatch(
        new RegExp(`\\nExamples:\\n(  \\$ kpi-report ${command} .+\\n)+$`),
      );
      expect(run.stdout).toContain("(required");
    },
  );

  it("kpi-report --help lists the commands, then examples", () => {
    const run = runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(`${run.stdout.trimEnd()}\n`).toMatch(
      /Commands:[\s\S]*build[\s\S]*\nExamples:\n( {2}\$ kpi-report .+\n)+$/,
    );
  });
});
