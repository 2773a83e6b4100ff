import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zipBomb } from "../../scripts/zip-bomb.mjs";
import { runCliAsync, tempDir, writeTemp } from "./helpers.js";

const MB = 1024 * 1024;

const reader = new URL("../../dist/read/workbook.js", import.meta.url).href;

/** Reads the file in a fresh Node process, so its peak memory is the reader's alone. */
function readInChild(path: string): { code?: string; ms: number; cpuMs: number; maxRssMb: number } {
  const script = `
    const { readWorkbook } = await import(${JSON.stringify(reader)});
    const start = performance.now();
    const cpu = process.cpuUsage();
    let code;
    try { await readWorkbook(${JSON.stringify(path)}); } catch (error) { code = error.code ?? error.name; }
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    console.log(JSON.stringify({ code, ms, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { code?: string; ms: number; cpuMs: number; maxRssMb: number };
}

describe("a zip bomb", () => {
  const dir = tempDir();

  it.each(["lie", "honest"] as const)("is refused within a second of CPU and a few hundred MB (size fields: %s)", (claimed) => {
    const bomb = zipBomb(1.5 * MB, claimed);
    expect(bomb.inflatesTo).toBeGreaterThan(1000 * MB); // it really is one
    const path = writeTemp(dir, `bomb-${claimed}.xlsx`, bomb.bytes);
    expect(statSync(path).size).toBeLessThan(1.6 * MB);
    const result = readInChild(path);
    expect(result.code).toBe("limit-inflated-bytes");
    // About 50 ms of CPU and 100 MB on an idle two-core machine (npm run bench keeps the figure).
    // CPU time, not wall-clock time: it does not grow when other processes take their turn, and
    // inflating all 1.5 GB would take many seconds of it, so the bound still tells a stop from none.
    expect(result.cpuMs).toBeLessThan(1000);
    expect(result.maxRssMb).toBeLessThan(300);
  });

  it("is refused by the CLI with exit 2, naming the limit", async () => {
    const path = writeTemp(dir, "bomb.xlsx", zipBomb(1.5 * MB, "lie").bytes);
    const run = await runCliAsync(["validate", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unpacks to more than 32 MB.*zip bomb/);
  });

  it("uses the reader built from these sources", () => {
    expect(statSync(fileURLToPath(reader)).isFile()).toBe(true);
  });
});
