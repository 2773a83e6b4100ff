import { crc32, inflateRawSync } from "node:zlib";
import { LIMITS } from "./limits.js";
import { unreadable } from "./read-failures.js";

/**
 * Unzips an .xlsx with every limit enforced as it goes. The zip's own size fields are never
 * trusted: the bytes that actually come out of the inflater are counted as it produces them, and it
 * is stopped as soon as they pass what is left of the budget, whatever the zip claims.
 *
 * Node's zlib does the inflating: its maxOutputLength is checked after every 16 KB of output, and it
 * inflates a bomb's zeros about 15 times faster than fflate's JavaScript Inflate (35 ms against
 * 510 ms to reach 32 MB), which is what keeps refusing a bomb well inside a second.
 */
export interface ZipLimits {
  maxZipEntries: number;
  maxInflatedBytes: number;
}

const SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  locator64: 0x07064b50,
} as const;
const MAX_COMMENT = 0xffff;

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  localOffset: number;
}

export function unzipLimited(
  bytes: Uint8Array,
  path: string,
  limits: ZipLimits = LIMITS,
): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(bytes, view, path, limits);
  const parts = new Map<string, Uint8Array>();
  const budget = { used: 0, max: limits.maxInflatedBytes };
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue; // a folder entry holds nothing
    if (parts.has(entry.name))
      throw unreadable(
        "zip-damaged",
        path,
        `${path} is damaged: it holds two parts named ${JSON.stringify(entry.name)}.`,
      );
    if (entry.flags & 1)
      throw unreadable(
        "zip-unsupported",
        path,
        `${path} has parts encrypted with a zip password, which Excel never writes.`,
      );
    const data = inflateEntry(compressedData(bytes, view, entry, path), entry, budget, path);
    if (crc32(data) !== entry.crc)
      throw unreadable(
        "zip-damaged",
        path,
        `${path} is damaged: the part ${JSON.stringify(entry.name)} does not match its checksum.`,
      );
    parts.set(entry.name, data);
  }
  return parts;
}

function readCentralDirectory(
  bytes: Uint8Array,
  view: DataView,
  path: string,
  limits: ZipLimits,
): CentralEntry[] {
  const end = findEndRecord(view);
  if (end === undefined) {
    throw unreadable(
      "zip-truncated",
      path,
      `${path} ends early: the end of the file is missing, as after an interrupted download or copy.`,
    );
  }
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
    throw unreadable("zip-unsupported", path, `${path} is one part of a zip split across several files.`);
  }
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = readZip64End(view, end, path));
  if (count > limits.maxZipEntries) {
    throw unreadable(
      "limit-zip-entries",
      path,
      `${path} holds ${count} parts; a workbook has a few dozen, and at most ${limits.maxZipEntries} are read.`,
    );
  }
  const entries: CentralEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== SIGNATURE.central) {
      throw unreadable("zip-damaged", path, `${path} is damaged: its list of parts is broken.`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const entry: CentralEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, at + 46 + nameLength, extraLength, view.getUint32(at + 24, true), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The end record is the last thing in a zip, followed only by a comment of up to 64 KB. */
function findEndRecord(view: DataView): number | undefined {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) !== SIGNATURE.end) continue;
    return at + 22 + view.getUint16(at + 20, true) <= view.byteLength ? at : undefined;
  }
  return undefined;
}

function readZip64End(view: DataView, end: number, path: string): { count: number; offset: number } {
  const locator = end - 20;
  const damaged = () =>
    unreadable("zip-damaged", path, `${path} is damaged: its zip64 end record is broken.`);
  if (locator < 0 || view.getUint32(locator, true) !== SIGNATURE.locator64) throw damaged();
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (
    record === undefined ||
    record + 56 > view.byteLength ||
    view.getUint32(record, true) !== SIGNATURE.end64
  )
    throw damaged();
  const count = safeNumber(view.getBigUint64(record + 32, true));
  const offset = safeNumber(view.getBigUint64(record + 48, true));
  if (count === undefined || offset === undefined) throw damaged();
  return { count, offset };
}

/** Zip64 moves sizes and offsets that do not fit 32 bits into an extra field, in a fixed order. */
function applyZip64Extra(
  view: DataView,
  start: number,
  length: number,
  originalSize: number,
  entry: CentralEntry,
): void {
  for (let at = start; at + 4 <= start + length && at + 4 <= view.byteLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value =
          field + 8 <= Math.min(at + 4 + size, view.byteLength)
            ? safeNumber(view.getBigUint64(field, true))
            : undefined;
        field += 8;
        return value ?? Number.MAX_SAFE_INTEGER; // an impossible value, refused later as out of the file
      };
      if (originalSize === 0xffffffff) next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function safeNumber(value: bigint): number | undefined {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
}

function compressedData(bytes: Uint8Array, view: DataView, entry: CentralEntry, path: string): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== SIGNATURE.local) {
    throw unreadable(
      "zip-damaged",
      path,
      `${path} is damaged: the part ${JSON.stringify(entry.name)} is not where the zip says.`,
    );
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw unreadable(
      "zip-truncated",
      path,
      `${path} ends early: the part ${JSON.stringify(entry.name)} is cut off, as after an interrupted download or copy.`,
    );
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

function inflateEntry(
  data: Uint8Array,
  entry: CentralEntry,
  budget: { used: number; max: number },
  path: string,
): Uint8Array {
  const tooBig = () =>
    unreadable(
      "limit-inflated-bytes",
      path,
      `${path} unpacks to more than ${budget.max / 1024 / 1024} MB (stopped in ${JSON.stringify(entry.name)}); a return unpacks to well under 1 MB, so this may be a zip bomb.`,
    );
  if (entry.method === 0) {
    budget.used += data.length;
    if (budget.used > budget.max) throw tooBig();
    return data;
  }
  if (entry.method !== 8) {
    throw unreadable(
      "zip-unsupported",
      path,
      `${path} compresses the part ${JSON.stringify(entry.name)} with method ${entry.method}, which Excel never uses.`,
    );
  }
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget.max - budget.used) });
    budget.used += out.length;
    return out;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooBig();
    throw unreadable(
      "zip-damaged",
      path,
      `${path} is damaged: the compressed data of the part ${JSON.stringify(entry.name)} is corrupt or cut short.`,
    );
  }
}
