import { strFromU8, strToU8 } from "fflate";
import { Packer, type Document } from "docx";
import { stableZip } from "../../zip/stable-zip.js";
import type { TableSlots } from "./table-slots.js";

/**
 * The same model must give byte-identical DOCX files, but docx 9.7 writes the clock into
 * docProps/core.xml (dcterms:created and dcterms:modified, with no option to set them) and stamps
 * every zip entry with the current time. Both become the document's date.
 *
 * docx packs (and deflates) only the document's skeleton, a few kilobytes: the tables, almost all
 * of the text, are put into document.xml here and deflated once, by stableZip.
 */
export async function packDeterministic(document: Document, isoDate: string, tables: TableSlots): Promise<Uint8Array> {
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) throw new Error(`The report's date "${isoDate}" is not a date.`);
  // W3CDTF without milliseconds, as Word itself writes it.
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return stableZip(new Uint8Array(await Packer.toBuffer(document)), date, (entries) => {
    const core = entries["docProps/core.xml"];
    const body = entries["word/document.xml"];
    if (!core || !body) throw new Error("docx wrote no docProps/core.xml or word/document.xml");
    entries["docProps/core.xml"] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));
    entries["word/document.xml"] = strToU8(tables.fill(strFromU8(body)));
  });
}
