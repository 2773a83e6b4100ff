import { unreadable } from "./read-failures.js";

/**
 * An .xlsx is a zip. Anything else is refused here, before any parser sees it, with a message
 * that names what the file actually is: people rename CSVs, keep .xls files, and password-protect.
 */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Throws an UnreadableFileError unless the bytes begin like a zip archive. */
export function assertZip(bytes: Uint8Array, path: string): void {
  if (startsWith(bytes, ZIP)) return;
  if (startsWith(bytes, EMPTY_ZIP))
    throw unreadable("not-a-workbook", path, `${path} is an empty zip archive, not a workbook.`);
  if (startsWith(bytes, OLE)) throw oleFailure(bytes, path);
  throw unreadable("file-not-xlsx", path, `${path} is not an Excel workbook: it is ${describeOther(bytes)}.`);
}

/** An OLE compound file names its streams in UTF-16; the names say which kind of Office file it is. */
function oleFailure(bytes: Uint8Array, path: string) {
  const has = (name: string) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
      Buffer.from(`${name}\0`, "utf16le"),
    );
  // An encrypted .xlsx is an OLE file holding the real workbook as "EncryptedPackage".
  if (has("EncryptionInfo") || has("EncryptedPackage")) {
    return unreadable("file-encrypted", path, `${path} is protected with a password, so it cannot be read.`);
  }
  if (has("Workbook") || has("Book")) {
    return unreadable(
      "file-legacy-xls",
      path,
      `${path} is a legacy Excel 97-2003 workbook (.xls); only .xlsx workbooks can be read.`,
    );
  }
  if (has("WordDocument"))
    return unreadable("file-not-xlsx", path, `${path} is a Word 97-2003 document (.doc), not a workbook.`);
  if (has("PowerPoint Document"))
    return unreadable("file-not-xlsx", path, `${path} is a PowerPoint 97-2003 file (.ppt), not a workbook.`);
  return unreadable(
    "file-not-xlsx",
    path,
    `${path} is an older Microsoft Office file of an unknown kind, not an .xlsx workbook.`,
  );
}

const OTHER_MAGIC: readonly [readonly number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "a rich-text (RTF) document"],
  [[0x1f, 0x8b], "a gzip-compressed file"],
  [[0x52, 0x61, 0x72, 0x21], "a RAR archive"],
  [[0x37, 0x7a, 0xbc, 0xaf], "a 7-Zip archive"],
];

function describeOther(bytes: Uint8Array): string {
  for (const [magic, what] of OTHER_MAGIC) if (startsWith(bytes, magic)) return what;
  const text = asText(bytes.subarray(0, 4096));
  if (text === undefined) {
    const hex = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
    return `unrecognised data (it starts with the bytes ${hex})`;
  }
  const start = text.trimStart().slice(0, 2000).toLowerCase();
  if (start.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "an Excel 2003 XML spreadsheet";
  if (/^(<!doctype html|<html|<table|<meta)/.test(start))
    return "a web page (HTML), as some systems export under a spreadsheet name";
  if (start.startsWith("<")) return "an XML file";
  const firstLine = start.split(/\r?\n/, 1)[0] ?? "";
  return /[,;\t]/.test(firstLine) ? "a text file (it looks like CSV)" : "a text file";
}

/** The bytes as text when they look like text (UTF-8 or UTF-16 with a byte-order mark), else undefined. */
function asText(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes);
  // Cut at a character boundary would be nicer; a replacement character at the very end is harmless here.
  const text = new TextDecoder("utf-8").decode(bytes);
  const control = [...text].filter((c) => /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(c)).length;
  return control <= Math.max(1, text.length / 100) ? text : undefined;
}
