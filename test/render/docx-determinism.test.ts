import { Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { bundledReport } from "../helpers/report-model.js";

/** The DOS date and time fields of every local file header in a zip, as written. */
function entryStamps(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stamps: string[] = [];
  for (let at = 0; at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50; ) {
    const time = view.getUint16(at + 10, true);
    const date = view.getUint16(at + 12, true);
    stamps.push(
      `${(date >> 9) + 1980}-${(date >> 5) & 15}-${date & 31} ${time >> 11}:${(time >> 5) & 63}:${(time & 31) * 2}`,
    );
    at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
  }
  return stamps;
}

describe("DOCX determinism", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives byte-identical files for the same model", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const first = await renderDocx(model);
    const second = await renderDocx(model);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("takes no date from the clock: a render in another year is byte-identical", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const today = await renderDocx(model);
    // Only Date is faked: JSZip inside docx schedules its work with real timers.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-02-03T04:05:06Z"));
    const later = await renderDocx(model);
    expect(Buffer.from(later).equals(Buffer.from(today))).toBe(true);
  });

  it("does not depend on the machine's time zone", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const zone = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const utc = await renderDocx(model);
      process.env.TZ = "Pacific/Chatham"; // UTC+12:45 or +13:45: a different local day
      const chatham = await renderDocx(model);
      expect(Buffer.from(chatham).equals(Buffer.from(utc))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("gives the same bytes through docx's public Packer, should its Compiler's xmlifyFile go", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const toBuffer = vi.spyOn(Packer, "toBuffer");
    const direct = await renderDocx(model);
    expect(toBuffer).not.toHaveBeenCalled();
    const packer = Packer as unknown as { compiler: { compile: (...args: unknown[]) => unknown } };
    const compiler = packer.compiler;
    try {
      packer.compiler = { compile: compiler.compile.bind(compiler) };
      const viaZip = await renderDocx(model);
      expect(toBuffer).toHaveBeenCalledTimes(1);
      expect(Buffer.from(viaZip).equals(Buffer.from(direct))).toBe(true);
    } finally {
      packer.compiler = compiler;
      toBuffer.mockRestore();
    }
  });

  it("stamps the package and every zip entry with the model's date", async () => {
    const bytes = await renderDocx(
      await bundledReport({ month: "2022-09", from: "2022-03", date: "2022-10-03T00:00:00.000Z" }),
    );
    const stamps = entryStamps(bytes);
    expect(stamps.length).toBe(Object.keys(unzipSync(bytes)).length);
    expect(new Set(stamps)).toEqual(new Set(["2022-10-3 0:0:0"]));
    const core = strFromU8(unzipSync(bytes)["docProps/core.xml"]!);
    expect(core).toContain(">2022-10-03T00:00:00Z</dcterms:created>");
    expect(core).toContain(">2022-10-03T00:00:00Z</dcterms:modified>");
  });
});
