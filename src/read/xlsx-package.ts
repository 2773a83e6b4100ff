import { zipSync } from "fflate";
import { LIMITS } from "./limits.js";
import { unreadable } from "./read-failures.js";
import { removeElement, sanitiseSheetXml } from "./sheet-xml.js";

/**
 * Between the unzipped parts and exceljs: checks the zip is an Excel workbook, enforces the limit
 * on XML elements (what bounds exceljs's memory), removes what exceljs would expand dangerously,
 * and zips the result again, uncompressed, so exceljs reads exactly the bytes that were checked.
 */
export function preparePackage(parts: ReadonlyMap<string, Uint8Array>, path: string): Uint8Array {
  assertWorkbook(parts, path);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  let elements = 0;
  for (const [name, data] of parts) {
    // fflate and exceljs keep parts in plain objects keyed by name; no real part has such a name.
    if (name.includes("__proto__")) continue;
    if (!/\.(xml|rels|vml)$/i.test(name)) {
      files[name] = data;
      continue;
    }
    elements += countByte(data, 0x3c);
    if (elements > LIMITS.maxXmlElements) {
      throw unreadable("limit-xml-elements", path, `${path} holds more than ${LIMITS.maxXmlElements.toLocaleString("en-GB")} XML elements (stopped at ${name}); a return has a few thousand.`);
    }
    const xml = decoder.decode(data);
    const edited = edit(xml, name, path);
    // customXml parts and custom document properties are other programs' data, which exceljs never parses.
    if (!name.startsWith("customXml/") && name !== "docProps/custom.xml") checkReservedNames(edited, name, path);
    files[name] = edited === xml ? data : encoder.encode(edited);
  }
  return zipSync(files, { level: 0 });
}

function edit(xml: string, name: string, path: string): string {
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return sanitiseSheetXml(xml, name, path);
  // exceljs expands every defined name's range cell by cell; the validator uses none of them.
  if (name === "xl/workbook.xml") return removeElement(xml, "definedNames");
  return xml;
}

/** What the zip holds when it is not an Excel workbook, said in the user's terms. */
function assertWorkbook(parts: ReadonlyMap<string, Uint8Array>, path: string): void {
  const workbook = parts.get("xl/workbook.xml");
  if (workbook) {
    const head = new TextDecoder().decode(workbook.subarray(0, 2000));
    if (head.includes("purl.oclc.org/ooxml/spreadsheetml")) {
      throw unreadable("not-a-workbook", path, `${path} was saved as "Strict Open XML Spreadsheet", which cannot be read.`, 'Open it in Excel and save it as "Excel Workbook (.xlsx)".');
    }
    return;
  }
  const mimetype = parts.get("mimetype");
  const kind = parts.has("word/document.xml")
    ? "a Word document"
    : parts.has("ppt/presentation.xml")
      ? "a PowerPoint presentation"
      : parts.has("xl/workbook.bin")
        ? "an Excel binary workbook (.xlsb)"
        : mimetype && new TextDecoder().decode(mimetype).includes("opendocument.spreadsheet")
          ? "an OpenDocument spreadsheet (.ods)"
          : mimetype
            ? "an OpenDocument file"
            : `a zip archive, not a workbook (it holds ${[...parts.keys()].slice(0, 3).map((n) => JSON.stringify(n)).join(", ") || "nothing"}${parts.size > 3 ? ", ..." : ""})`;
  throw unreadable("not-a-workbook", path, `${path} is ${kind}, not an Excel workbook (.xlsx).`);
}

/**
 * Names that are properties of every object. exceljs keys plain objects by ids, refs and names it
 * reads from attributes; such a name there would reach an object's prototype. Excel writes none.
 * A sheet may be called anything, so a <sheet name="..."> is left alone: only its text is used.
 */
const RESERVED = Object.getOwnPropertyNames(Object.prototype).concat("prototype");
const RESERVED_ATTRIBUTE = new RegExp(`\\s([\\w:]+)\\s*=\\s*(["'])(${RESERVED.map((n) => n.replace(/\$/g, "\\$")).join("|")})\\2`, "g");

function checkReservedNames(xml: string, part: string, path: string): void {
  for (const match of xml.matchAll(RESERVED_ATTRIBUTE)) {
    const element = /<([\w:]+)[^<]*$/.exec(xml.slice(Math.max(0, match.index - 2000), match.index))?.[1];
    if (match[1] === "name" && element === "sheet") continue;
    throw unreadable("workbook-damaged", path, `${path} is damaged: ${part} uses ${JSON.stringify(match[3])} as an identifier, which Excel never writes.`);
  }
}

function countByte(data: Uint8Array, byte: number): number {
  let count = 0;
  for (let at = data.indexOf(byte); at !== -1; at = data.indexOf(byte, at + 1)) count++;
  return count;
}
