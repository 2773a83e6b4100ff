import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { constants, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "node:zlib";
import { runCliAsync, tempDir, writeTemp } from "./helpers.js";

const MB = 1024 * 1024;

/**
 * A 1.5 MB zip whose one part inflates to about 1.5 GB of zeros, built without ever holding the
 * zeros: 1 MB of zeros deflated once with a full flush (which makes the segment independent of
 * what came before) is repeated, then an empty final block ends the stream. `claimed` is the size
 * the zip says the part inflates to: honest, or a lie meant to slip past a check of the header.
 */
function zipBomb(compressedBytes: number, claimed: "honest" | "lie"): { bytes: Buffer; inflatesTo: number } {
  const segment = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const count = Math.floor(compressedBytes / segment.length);
  const data = Buffer.concat([...Array<Buffer>(count).fill(segment), deflateRawSync(Buffer.alloc(0))]);
  const inflatesTo = count * MB;
  const size = claimed === "honest" ? inflatesTo : 1000;
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const crc = crc32(new Uint8Array(0)); // never reached: the tool must stop long before the end
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return { bytes: Buffer.concat([local, name, data, central, name, end]), inflatesTo };
}

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
