import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { Packer, type Document } from "docx";

/** Zip stores local DOS times, which cannot go before 1980. */
const EARLIEST = Date.UTC(1980, 0, 1);

/**
 * The same model must give byte-identical DOCX files, but docx 9.7 writes the clock into
 * docProps/core.xml (dcterms:created and dcterms:modified, with no option to set them) and its
 * JSZip stamps every zip entry with the current time. So the package is re-packed once here:
 * the two timestamps replaced with the document's date, every entry stamped with that date, in
 * the order docx wrote them, at one fixed compression level. (src/zip/stable-zip.ts does the
 * same for the xlsx templates; it is not reused because it would unzip the package a second time.)
 */
export async function packDeterministic(document: Document, isoDate: string): Promise<Uint8Array> {
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) throw new Error(`The report's date "${isoDate}" is not a date.`);
  const entries = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const core = entries["docProps/core.xml"];
  if (!core) throw new Error("docx wrote no docProps/core.xml");
  // W3CDTF without milliseconds, as Word itself writes it.
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  entries["docProps/core.xml"] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));
  return stableRezip(entries, date);
}

/** Every entry stamped with `date` read as UTC, so the bytes do not depend on the machine's time zone either. */
function stableRezip(entries: Record<string, Uint8Array>, date: Date): Uint8Array {
  const utc = new Date(Math.max(date.getTime(), EARLIEST));
  // fflate reads the local-time fields of the Date it is given; hand it the UTC fields.
  const mtime = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
  // [Content_Types].xml first, as Word writes it and as file-type sniffers expect; JSZip's bare
  // folder entries dropped, as Word has none; otherwise docx's own (fixed) order.
  const files: Zippable = { "[Content_Types].xml": [entries["[Content_Types].xml"]!, { mtime }] };
  for (const [name, data] of Object.entries(entries)) if (!name.endsWith("/")) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6, mtime });
}
