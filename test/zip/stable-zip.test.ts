import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { stableZip, zipStable } from "../../src/zip/stable-zip.js";

const date = new Date("2022-10-03T04:05:06Z");
const parts = () => ({
  "word/document.xml": strToU8("<w:document/>"),
  "[Content_Types].xml": strToU8("<Types/>"),
  "docProps/core.xml": strToU8("<core/>"),
});

/** Names of the entries in the order their local headers are written. */
function order(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

describe("zipStable", () => {
  it("writes [Content_Types].xml first, then the parts in their own order, without folder entries", () => {
    const bytes = zipStable({ ...parts(), "word/": new Uint8Array(0) }, date);
    expect(order(bytes)).toEqual(["[Content_Types].xml", "word/document.xml", "docProps/core.xml"]);
  });

  it("gives the same bytes whatever the clock and whatever the entries were stamped with before", () => {
    const zipped = zipSync({ "word/": new Uint8Array(0), ...parts() }, { mtime: new Date() });
    expect(Buffer.from(stableZip(zipped, date)).equals(Buffer.from(zipStable(parts(), date)))).toBe(true);
  });
});
