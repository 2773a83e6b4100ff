import { unzipSync, zipSync, type Zippable } from "fflate";

/** Zip stores local DOS times, which cannot go before 1980. */
const EARLIEST = Date.UTC(1980, 0, 1);

/**
 * Re-packs a zip (xlsx, docx) with every entry stamped with `date`, in its original order.
 * exceljs and docx pack through JSZip, which stamps entries with the current time, so the same
 * inputs would otherwise give different bytes on every run.
 */
export function stableZip(bytes: Uint8Array, date: Date): Uint8Array {
  const utc = new Date(Math.max(date.getTime(), EARLIEST));
  // fflate reads the local-time fields of the Date it is given; hand it the UTC fields so the
  // bytes do not depend on the machine's time zone.
  const mtime = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
  const files: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6, mtime });
}
