import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zipBomb } from "../../scripts/zip-bomb.mjs";
import { runCliAsync, tempDir, writeTemp } from "./helpers.js";

const MB = 1024 * 1024;

const reader = new URL("../../dist/read/workbook.js", import.meta.url).href;

/** Reads the file in a fresh Node process, so its peak memory is the reader's alone. */
function readInChild(path: string): { code?: string; maxRssMb: number } {
  const script = `
    const { readWorkbook } = await import(${JSON.stringify(reader)});
    let code;
    try { await readWorkbook(${JSON.stringify(path)}); } catch (error) { code = error.code ?? error.name; }
    console.log(JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { code?: string; maxRssMb: number };
}

describe("a zip bomb", () => {
  const dir = tempDir();

  it.each(["lie", "honest"] as const)(
    "is refused at the inflation limit, within a few hundred MB (size fields: %s)",
    (claimed) => {
      const bomb = zipBomb(1.5 * MB, claimed);
      expect(bomb.inflatesTo).toBeGreaterThan(1000 * MB); // it really is one
      const path = writeTemp(dir, `bomb-${claimed}.xlsx`, bomb.bytes);
      expect(statSync(path).size).toBeLessThan(1.6 * MB);
      const result = readInChild(path);
      expect(result.code).toBe("limit-inflated-bytes");
      // Refused at the 32 MB limit, not after inflating 1.5 GB: the memory bound tells a stop from none
      // whatever the machine's load. How long it takes is npm run bench's to measure (about 0.16 s).
      expect(result.maxRssMb).toBeLessThan(300);
    },
  );

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
