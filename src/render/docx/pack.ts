import { strFromU8, strToU8, unzipSync, type Unzipped } from "fflate";
import { Packer, type Document } from "docx";
import { zipStable } from "../../zip/stable-zip.js";
import type { TableSlots } from "./table-slots.js";
import { embeddedFonts } from "./fonts.js";

interface XmlifiedFile {
  path: string;
  data: string;
}
/** What docx 9.7's Packer compiles with (a private static): every part of the package as text. */
interface Compiler {
  xmlifyFile(file: Document, prettify?: string): Record<string, XmlifiedFile | XmlifiedFile[]>;
}

/** docx 9.7 always writes a bullet list as w:num 1 (its "default-bullet-numbering"); the tables' list items use it. */
export const BULLET_NUM_ID = 1;
const BULLET_NUM = new RegExp(`<w:num w:numId="${BULLET_NUM_ID}"><w:abstractNumId w:val="(\\d+)"/>`);

/** Whether numbering.xml still has that bullet list, so a docx upgrade cannot turn the lists into numbered ones unseen. */
function hasBulletList(numbering: string | undefined): boolean {
  const abstract = numbering && BULLET_NUM.exec(numbering)?.[1];
  if (!abstract) return false;
  const start = numbering.indexOf(`<w:abstractNum w:abstractNumId="${abstract}"`);
  return (
    start !== -1 &&
    /^[^]*?<w:lvl w:ilvl="0"[^>]*>[^]*?<w:numFmt w:val="bullet"\/>/.test(
      numbering.slice(start, numbering.indexOf("</w:abstractNum>", start)),
    )
  );
}

/**
 * The same model must give byte-identical DOCX files, but docx 9.7 writes the clock into
 * docProps/core.xml (dcterms:created and dcterms:modified, with no option to set them) and stamps
 * every zip entry with the current time. Both become the document's date. The tables (almost all
 * of the text) go into docx's document.xml, and the package is deflated once, here.
 */
export async function packDeterministic(
  document: Document,
  isoDate: string,
  tables: TableSlots,
): Promise<Uint8Array> {
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) throw new Error(`The report's date "${isoDate}" is not a date.`);
  // W3CDTF without milliseconds, as Word itself writes it.
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const parts = await xmlParts(document);
  const core = parts.get("docProps/core.xml");
  const body = parts.get("word/document.xml");
  if (core === undefined || body === undefined)
    throw new Error("docx wrote no docProps/core.xml or word/document.xml");
  if (!hasBulletList(parts.get("word/numbering.xml")))
    throw new Error(`docx wrote no bullet list as w:num ${BULLET_NUM_ID} in word/numbering.xml`);
  parts.set(
    "docProps/core.xml",
    core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`),
  );
  // Word keeps the faces in the file when an officer saves it again, cut down to the characters
  // used as they are here (docx has no option for either).
  const settings = parts.get("word/settings.xml");
  if (!settings?.includes("<w:displayBackgroundShape/>"))
    throw new Error("docx wrote no w:displayBackgroundShape in word/settings.xml");
  parts.set(
    "word/settings.xml",
    settings.replace(
      "<w:displayBackgroundShape/>",
      "<w:displayBackgroundShape/><w:embedTrueTypeFonts/><w:saveSubsetFonts/>",
    ),
  );
  // docx writes an empty font table; the faces the document is set in go in it (fonts.ts), cut
  // down to the characters of every other part.
  if (!parts.has("word/fontTable.xml") || !parts.has("word/_rels/fontTable.xml.rels"))
    throw new Error("docx wrote no word/fontTable.xml or its relationships");
  const filled = tables.fill(body);
  // Only the XML: the public Packer's way also hands back the pictures, read as text.
  const others = [...parts]
    .filter(([path]) => path !== "word/document.xml" && path.endsWith(".xml"))
    .map(([, xml]) => xml);
  const fonts = await embeddedFonts([filled, ...others]);
  parts.set("word/fontTable.xml", fonts.fontTable);
  parts.set("word/_rels/fontTable.xml.rels", fonts.relationships);
  const entries: Unzipped = {};
  for (const [path, xml] of parts) entries[path] = path === "word/document.xml" ? filled : strToU8(xml);
  // The pictures (the chart's PNG), named by docx after a hash of their bytes, as compile() adds them.
  for (const media of document.Media.Array)
    entries[`word/media/${media.fileName}`] = Uint8Array.from(media.data as Uint8Array);
  Object.assign(entries, fonts.files);
  return zipStable(entries, date);
}

/**
 * docx's parts as text, in docx's order. Its public Packer only hands out a deflated zip, and
 * deflating it (JSZip) then inflating it again cost more than the rest of a one-month DOCX, so
 * this asks the Compiler inside the Packer directly. It holds no images or embedded fonts, which
 * compile() would add: packDeterministic adds the images and the fonts (fonts.ts) itself. Should a later docx move the Compiler, the
 * public way still works, only slower.
 */
async function xmlParts(document: Document): Promise<Map<string, string>> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  const parts = new Map<string, string>();
  if (typeof compiler?.xmlifyFile === "function") {
    for (const part of Object.values(compiler.xmlifyFile(document, undefined)))
      for (const file of [part].flat()) parts.set(file.path, file.data);
    return parts;
  }
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(document)))))
    if (!path.endsWith("/")) parts.set(path, strFromU8(bytes));
  return parts;
}
