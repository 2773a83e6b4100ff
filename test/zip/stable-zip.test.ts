import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { stableZip, zipStable } from "../../src/zip/stable-zip.js";

const date = new Date("2022-10-03T04:05:06Z");
const parts = () => ({
  "word/document.xml": strToU8(`<w:document>${"<w:p/>".repeat(500)}</w:document>`),
  "[Content_Types].xml": strToU8("<Types/>"),
  "docProps/core.xml": strToU8("<core/>"),
});

/** Names of the entries in the order their local headers are written. */
function order(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

/** Each local file header as written: its flags, method, DOS date and time, sizes and name. */
function localHeaders(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headers = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const [nameLength, extraLength] = [view.getUint16(at + 26, true), view.getUint16(at + 28, true)];
    const header = {
      name: strFromU8(bytes.subarray(at + 30, at + 30 + nameLength)),
      flags: view.getUint16(at + 6, true),
      method: view.getUint16(at + 8, true),
      time: view.getUint16(at + 10, true),
      date: view.getUint16(at + 12, true),
      compressed: view.getUint32(at + 18, true),
      size: view.getUint32(at + 22, true),
      extraLength,
    };
    headers.push(header);
    at += 30 + nameLength + extraLength + header.compressed;
  }
  return headers;
}

describe("zipStable", () => {
  it("writes [Content_Types].xml first, then the parts in their own order, without folder entries", async () => {
    const bytes = await zipStable({ ...parts(), "word/": new Uint8Array(0) }, date);
    expect(order(bytes)).toEqual(["[Content_Types].xml", "word/document.xml", "docProps/core.xml"]);
  });

  it("gives the same bytes whatever the clock and whatever the entries were stamped with before", async () => {
    const zipped = zipSync({ "word/": new Uint8Array(0), ...parts() }, { mtime: new Date() });
    const again = await stableZip(zipped, date);
    expect(Buffer.from(again).equals(Buffer.from(await zipStable(parts(), date)))).toBe(true);
  });

  it("gives each part back as it was, deflated, with its sizes in its header and the date as a DOS time", async () => {
    const bytes = await zipStable(parts(), date);
    const back = unzipSync(bytes);
    for (const [name, data] of Object.entries(parts())) expect(strFromU8(back[name]!)).toBe(strFromU8(data));
    const document = localHeaders(bytes).find((h) => h.name === "word/document.xml")!;
    expect(document.method).toBe(8);
    expect(document.compressed).toBeLessThan(document.size);
    for (const header of localHeaders(bytes)) {
      // No data descriptor (bit 3) and no extra field: what Office itself writes.
      expect(header.flags & 8).toBe(0);
      expect(header.extraLength).toBe(0);
      expect(header.size).toBe(parts()[header.name as keyof ReturnType<typeof parts>].length);
      // 2022-10-03 04:05:06 UTC, whatever the machine's time zone.
      expect([header.date >> 9, (header.date >> 5) & 15, header.date & 31]).toEqual([42, 10, 3]);
      expect([header.time >> 11, (header.time >> 5) & 63, (header.time & 31) * 2]).toEqual([4, 5, 6]);
    }
  });
});
