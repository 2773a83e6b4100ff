import { unzipSync, zipSync, type Unzipped, type Zippable } from "fflate";

/** Zip stores local DOS times, which cannot go before 1980 or past 2107 (fflate refuses past 2099). */
const EARLIEST = Date.UTC(1980, 0, 1);
const LATEST = Date.UTC(2099, 11, 31, 23, 59, 58);

/**
 * Re-packs an Office package (xlsx, docx) so the same content always gives the same bytes.
 * exceljs and docx pack through JSZip, which stamps every entry with the current time; here every
 * entry gets `date` instead, read as UTC so the machine's time zone does not matter either.
 */
export function stableZip(bytes: Uint8Array, date: Date): Uint8Array {
  return zipStable(unzipSync(bytes), date);
}

/**
 * Zips a package's parts, deflated once, in the same bytes for the same parts: every entry
 * stamped with `date` (as UTC), [Content_Types].xml first, as Office writes it and file-type
 * sniffers expect; JSZip's bare folder entries dropped, as Office has none; otherwise the
 * entries' own (fixed) order.
 */
export function zipStable(entries: Unzipped, date: Date): Uint8Array {
  // The date inside never limits the months a file can be for: a date outside what zip holds is clamped.
  const utc = new Date(Math.min(Math.max(date.getTime(), EARLIEST), LATEST));
  // fflate reads the local-time fields of the Date it is given; hand it the UTC fields.
  const mtime = new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
  const files: Zippable = {};
  const types = entries["[Content_Types].xml"];
  if (types) files["[Content_Types].xml"] = [types, { mtime }];
  for (const [name, data] of Object.entries(entries))
    if (!name.endsWith("/") && !(name in files)) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6, mtime });
}
