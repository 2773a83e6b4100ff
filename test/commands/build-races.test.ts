import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { copyData, editCell } from "../helpers/data-copy.js";
import { runCliAsync } from "../validate/helpers.js";

/**
 * Builds running at once, and builds stopped partway. Each round starts the runs together (or kills
 * one at a moment drawn at random) and then checks only what the folder holds: the manifest must
 * agree with the files, keep every month built, and record the bytes its appendices were made from.
 * No time is asserted; the random moments only spread the rounds over the run.
 */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const bin = fileURLToPath(new URL("../../bin/kpi-report.js", import.meta.url));

interface Manifest {
  reports: {
    month: string;
    inputs: { month: string; return: { file: string; sha256: string } }[];
    outputs: { file: string; sha256: string }[];
  }[];
}
const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;

function folder() {
  const data = copyData();
  const root = join(data, "..");
  made.push(root);
  return { data, out: join(root, "out", "not", "made", "yet") };
}

/** Every output the manifest lists is on disk with the hash it records. */
function disagreements(out: string): string[] {
  return manifestOf(out).reports.flatMap((r) =>
    r.outputs
      .filter((o) => !existsSync(join(out, o.file)) || sha(readFileSync(join(out, o.file))) !== o.sha256)
      .map((o) => `${r.month}: ${o.file}`),
  );
}

const build = (data: string, out: string, month: string) =>
  runCliAsync(["build", "--month", month, "--formats", "html", "--data", data, "--out", out]);

describe("builds of different months into one folder at once", () => {
  it("each keeps its manifest entry, into a folder none of them has made yet (4 rounds of 3 builds)", async () => {
    for (let round = 0; round < 4; round++) {
      const { data, out } = folder();
      const months = ["2022-07", "2022-08", "2022-09"];
      const runs = await Promise.all(months.map((m) => build(data, out, m)));
      expect(
        runs.map((r) => r.code),
        runs.map((r) => r.stderr).join("\n"),
      ).toEqual([0, 0, 0]);
      expect(manifestOf(out).reports.map((r) => r.month)).toEqual(months);
      expect(disagreements(out)).toEqual([]);
      expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
    }
  });
});

describe("the manifest records the bytes that were used", () => {
  it("with the return replaced during the build, its hash is of the file the appendices were made from (5 rounds)", async () => {
    for (let round = 0; round < 5; round++) {
      const { data, out } = folder();
      const target = join(data, "returns", "2022-09.xlsx");
      const original = readFileSync(target);
      const other = join(data, "..", "other.xlsx");
      writeFileSync(other, original);
      // A commentary that appears in the results JSON, so which file was used can be seen in the output.
      await editCell(other, "KPIs", "J2", `round ${round}: the replacement`);
      const replacement = readFileSync(other);
      const run = build(data, out, "2022-09");
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 600));
      renameSync(other, target);
      expect((await run).code).toBe(0);
      const recorded = manifestOf(out).reports[0]!.inputs.find((i) => i.month === "2022-09")!.return.sha256;
      expect([sha(original), sha(replacement)]).toContain(recorded);
      const usedReplacement = readFileSync(join(out, "results-2022-09.json"), "utf8").includes(
        `round ${round}: the replacement`,
      );
      expect(recorded).toBe(usedReplacement ? sha(replacement) : sha(original));
    }
  });
});

describe("a build killed at any moment", () => {
  it("a file changed since the manifest was written is named, its entry dropped, and a dead run's temporary files removed", async () => {
    const { data, out } = folder();
    expect((await build(data, out, "2022-08")).code).toBe(0);
    // As a kill between the renames leaves it: a new file beside the old entry.
    writeFileSync(join(out, "appendices-2022-08.html"), "<!doctype html><p>half a new set</p>");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const stale = [
      `.appendices-2022-08.pdf.${dead}-0123abcd.kpi-tmp`,
      `.manifest.json.${dead}.tmp`,
      `.kpi-report-probe-${dead}`,
    ];
    for (const name of stale) writeFileSync(join(out, name), "left by a kill");
    const live = `.appendices-2022-08.pdf.${process.pid}-0123abcd.kpi-tmp`;
    writeFileSync(join(out, live), "a live run's");
    const next = await build(data, out, "2022-07");
    expect(next.code).toBe(0);
    // Named once, in one line, before anything is written.
    expect(next.stderr.split("\n").filter((l) => l.includes("manifest.json"))).toEqual([
      `kpi-report: warning: ${join(out, "manifest.json")} disagrees with its folder, as after a build stopped partway: appendices-2022-08.html is not the file it records and 3 temporary files are left behind (.appendices-2022-08.pdf.${dead}-0123abcd.kpi-tmp, .kpi-report-probe-${dead} and .manifest.json.${dead}.tmp). This build removes the temporary files. To mend the rest: kpi-report build --month 2022-08 --data ${data} --out ${out}.`,
    ]);
    expect(manifestOf(out).reports.map((r) => r.month)).toEqual(["2022-07"]);
    expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([live]);
    expect((await build(data, out, "2022-08")).code).toBe(0);
    expect(manifestOf(out).reports.map((r) => r.month)).toEqual(["2022-07", "2022-08"]);
    expect(disagreements(out)).toEqual([]);
  });

  it("leaves a folder the next build names and mends, and its temporary files are removed (6 rounds)", {
    timeout: 400_000,
  }, async () => {
    for (let round = 0; round < 6; round++) {
      const { data, out } = folder();
      expect((await build(data, out, "2022-08")).code).toBe(0);
      expect((await build(data, out, "2022-09")).code).toBe(0);
      const before = manifestOf(out);
      // Killed with SIGKILL, which no handler sees, somewhere in a build of both months again.
      const child = spawn(
        process.execPath,
        [bin, "build", "--month", "2022-08,2022-09", "--formats", "html,pdf", "--data", data, "--out", out],
        { stdio: "ignore" },
      );
      const closed = new Promise((resolve) => child.on("close", resolve));
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 2000));
      child.kill("SIGKILL");
      await closed;
      // The folder is the old set, the new one, or one the next build names; a build of another
      // month into it never leaves the manifest vouching for a file it did not record.
      const next = await build(data, out, "2022-07");
      expect(next.code, next.stderr).toBe(0);
      expect(disagreements(out)).toEqual([]);
      expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
      const dropped = before.reports
        .map((r) => r.month)
        .filter((m) => !manifestOf(out).reports.some((r) => r.month === m));
      const told = next.stderr.split("\n").filter((l) => l.includes("disagrees with its folder"));
      expect(told.length).toBeLessThanOrEqual(1);
      for (const month of dropped)
        expect(told[0]).toMatch(new RegExp(`To mend (it|the rest): .*--month \\S*${month}`));
      // Building the months again makes the set whole.
      expect((await build(data, out, "2022-08,2022-09")).code).toBe(0);
      expect(manifestOf(out).reports.map((r) => r.month)).toEqual(["2022-07", "2022-08", "2022-09"]);
      expect(disagreements(out)).toEqual([]);
    }
  });
});

describe("a build that cannot write one of its files", () => {
  it("with a folder in the way of one, writes none of the month's set and leaves no temporary file", async () => {
    const { data, out } = folder();
    expect((await build(data, out, "2022-09")).code).toBe(0);
    const before = readdirSync(out).map((name) => [name, sha(readFileSync(join(out, name)))]);
    rmSync(join(out, "results-2022-09.json"));
    mkdirSync(join(out, "results-2022-09.json"));
    // A changed return, so the set this build would write differs from the one there.
    await editCell(join(data, "returns", "2022-09.xlsx"), "KPIs", "J2", "a corrected commentary");
    const run = await build(data, out, "2022-09");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("a folder of that name is in the way; nothing of this set was written");
    // The HTML is the earlier one, not the corrected one: the set was not begun.
    expect(sha(readFileSync(join(out, "appendices-2022-09.html")))).toBe(
      before.find(([n]) => n === "appendices-2022-09.html")![1],
    );
    expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
