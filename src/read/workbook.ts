import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { isRunStopper } from "../errors.js";
import type { RawSheet, RawWorkbook } from "./raw-workbook.js";
import { assertZip } from "./file-kind.js";
import { LIMITS } from "./limits.js";
import { unreadable } from "./read-failures.js";
import { nearbyFiles } from "./nearby-files.js";
import { readSharedStrings } from "./shared-strings.js";
import { readSheetXml } from "./sheet-xml.js";
import { readStyles } from "./styles.js";
import { readWorkbookXml } from "./workbook-xml.js";
import { XlsxPackage } from "./xlsx-package.js";
import { unzipLimited } from "./zip-reader.js";

export { LIMITS } from "./limits.js";

/**
 * Reads an .xlsx file into plain cells. Throws an InputError (an UnreadableFileError) only when the
 * file cannot be read at all; anything wrong inside a readable workbook is left to the validator.
 */
export async function readWorkbook(path: string): Promise<RawWorkbook> {
  return (await readWorkbookFile(path)).workbook;
}

/** A workbook file read once: its cells, the bytes they were read from, and those bytes' SHA-256. */
export interface WorkbookFile {
  workbook: RawWorkbook;
  bytes: Uint8Array;
  sha256: string;
}

/**
 * Reads the file once and keeps what was read: whoever files or records it (add, the manifest) uses
 * these bytes and this hash, never the file read again, which may have changed meanwhile.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  const bytes = await readBytes(path);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { workbook: await parseWorkbook(bytes, path), bytes, sha256 };
}

async function readBytes(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM")
      throw unreadable("file-no-permission", path, `Cannot open ${path}: permission denied.`);
    const near = await nearbyFiles(path);
    throw unreadable(
      "file-missing",
      path,
      `Cannot find ${path}.`,
      near.length ? `Did you mean ${near.join(" or ")}?` : undefined,
    );
  }
  if (info.isDirectory()) throw unreadable("file-is-directory", path, `${path} is a folder, not a workbook.`);
  if (!info.isFile()) throw unreadable("file-not-regular", path, `${path} is not a regular file.`);
  if (info.size === 0) throw unreadable("file-empty", path, `${path} is empty (0 bytes).`);
  if (info.size > LIMITS.maxFileBytes) {
    throw unreadable(
      "file-too-large",
      path,
      `${path} is ${megabytes(info.size)}; a return is never larger than ${megabytes(LIMITS.maxFileBytes)}.`,
    );
  }
  try {
    return await readFile(path);
  } catch {
    throw unreadable(
      "file-no-permission",
      path,
      `Cannot read ${path}: permission denied, or another program has it locked.`,
    );
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The bytes of an .xlsx to plain cells: checked, unzipped within the limits, then each part the validator needs parsed once. */
export async function parseWorkbook(bytes: Uint8Array, path: string): Promise<RawWorkbook> {
  try {
    if (bytes.length === 0) throw unreadable("file-empty", path, `${path} is empty (0 bytes).`);
    if (bytes.length > LIMITS.maxFileBytes)
      throw unreadable(
        "file-too-large",
        path,
        `${path} is ${megabytes(bytes.length)}; a return is never larger than ${megabytes(LIMITS.maxFileBytes)}.`,
      );
    assertZip(bytes, path);
    return readPackage(new XlsxPackage(unzipLimited(bytes, path), path));
  } catch (error) {
    if (isRunStopper(error)) throw error;
    // No library's exception reaches the user: whatever the parser or the inflater threw, the file is the cause.
    // The original stays attached as `cause`, for whoever debugs a file that should have been read.
    const refusal = unreadable(
      "workbook-damaged",
      path,
      `${path} could not be read as a workbook: its contents are damaged or not what Excel writes.`,
    );
    throw Object.assign(refusal, { cause: error });
  }
}

function readPackage(pkg: XlsxPackage): RawWorkbook {
  const path = pkg.path;
  const workbookPart = pkg.workbookPart();
  if (workbookPart === undefined) pkg.refuseAsNotWorkbook();
  const entries = readWorkbookXml(pkg.part(workbookPart)!, workbookPart, path);
  const relationships = pkg.relationships(workbookPart);
  const first = (kind: string) => relationships.find((r) => r.kind === kind && pkg.part(r.target))?.target;
  const stringsPart = first("sharedStrings");
  const stylesPart = first("styles");
  const context = {
    path,
    sharedStrings: stringsPart ? readSharedStrings(pkg.part(stringsPart), stringsPart, path) : [],
    styles: stylesPart ? readStyles(pkg.part(stylesPart), stylesPart, path) : [],
    sharedCache: [],
    date1904: entries.date1904,
  };
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: RawSheet[] = [];
  const partsRead = new Set<string>();
  for (const entry of entries.sheets) {
    const relationship = entry.relationship === undefined ? undefined : byId.get(entry.relationship);
    const bytes = relationship && pkg.part(relationship.target);
    if (!relationship || !bytes) {
      throw unreadable(
        "workbook-damaged",
        path,
        `${path} is damaged: the sheet ${JSON.stringify(entry.name.slice(0, 60))} has no part in the file.`,
      );
    }
    // Each part is read once: two sheets sharing one part is something no program writes, and would
    // make a small file cost as much as it has sheets.
    const key = relationship.target.toLowerCase();
    if (partsRead.has(key)) {
      throw unreadable(
        "workbook-damaged",
        path,
        `${path} is damaged: the sheet ${JSON.stringify(entry.name.slice(0, 60))} points at the part ${JSON.stringify(relationship.target.slice(0, 80))}, which another sheet already uses.`,
      );
    }
    partsRead.add(key);
    // A chart sheet or dialog sheet holds no cells; it is still a sheet of the workbook, and named as one.
    sheets.push(
      relationship.kind === "worksheet"
        ? readSheetXml(bytes, relationship.target, entry.name, entry.hidden, context)
        : emptySheet(entry.name, entry.hidden),
    );
  }
  const names = pkg.partNames();
  const macros = names.filter(
    (n) => /(^|\/)vbaProject\.bin$/i.test(n) || /(^|\/)vbaProjectSignature\.bin$/i.test(n),
  );
  const externalLinks = names.filter((n) => /^xl\/externalLinks\/[^/]+\.xml$/i.test(n));
  return macros.length || externalLinks.length ? { sheets, active: { macros, externalLinks } } : { sheets };
}

function emptySheet(name: string, hidden: boolean): RawSheet {
  return {
    name,
    hidden,
    rowCount: 0,
    columnCount: 0,
    cells: new Map(),
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    merges: [],
  };
}
