import { buffer } from "node:stream/consumers";
import { unzipSync, type Unzipped } from "fflate";
import { ZipFile } from "yazl";

/** Zip stores local DOS times, which cannot go before 1980 or past 2107. */
const EARLIEST = Date.UTC(1980, 0, 1);
const LATEST = Date.UTC(2107, 11, 31, 23, 59, 58);

/**
 * Re-packs an Office package (xlsx, docx) so the same content always gives the same bytes.
 * exceljs and docx pack through JSZip, which stamps every entry with the current time; here every
 * entry gets `date` instead, read as UTC so the machine's time zone does not matter either.
 */
export function stableZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  return zipStable(unzipSync(bytes), date);
}

/**
 * Zips a package's parts, deflated once, in the same bytes for the same parts: every entry
 * stamped with `date` (as UTC), [Content_Types].xml first, as Office writes it and file-type
 * sniffers expect; JSZip's bare folder entries dropped, as Office has none; otherwise the
 * entries' own (fixed) order. yazl deflates with Node's zlib (September's DOCX: 9-13 ms, against
 * 53-71 ms for fflate's JavaScript deflate, cold; docs/performance.md) and writes each entry's
 * sizes in its header, as Office does, with the DOS time alone.
 */
export async function zipStable(entries: Unzipped, date: Date): Promise<Uint8Array> {
  // The date inside never limits the months a file can be for: a date outside what zip holds is clamped.
  const utc = new Date(Math.min(Math.max(date.getTime(), EARLIEST), LATEST));
  // yazl reads the local-time fields of the Date it is given; hand it the UTC fields.
  const mtime = new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
  const zip = new ZipFile();
  const names = Object.keys(entries).filter((name) => !name.endsWith("/"));
  const types = "[Content_Types].xml";
  for (const name of names.includes(types) ? [types, ...names.filter((n) => n !== types)] : names) {
    const data = entries[name]!;
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    zip.addBuffer(buffer, name, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  return new Uint8Array(await buffer(zip.outputStream));
}
