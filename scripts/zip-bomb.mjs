// A zip bomb for the tests (test/validate/zip-bomb.test.ts) and the bench (scripts/bench.mjs), which
// measures how soon kpi-report refuses one: the tests bound it by CPU time, the bench keeps the figure.
import { constants, crc32, deflateRawSync } from "node:zlib";

const MB = 1024 * 1024;

/**
 * A 1.5 MB zip whose one part inflates to about 1.5 GB of zeros, built without ever holding the
 * zeros: 1 MB of zeros deflated once with a full flush (which makes the segment independent of
 * what came before) is repeated, then an empty final block ends the stream. `claimed` is the size
 * the zip says the part inflates to: honest, or a lie meant to slip past a check of the header.
 */
export function zipBomb(compressedBytes, claimed) {
  const segment = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const count = Math.floor(compressedBytes / segment.length);
  const data = Buffer.concat([...Array(count).fill(segment), deflateRawSync(Buffer.alloc(0))]);
  const inflatesTo = count * MB;
  const size = claimed === "honest" ? inflatesTo : 1000;
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const crc = crc32(new Uint8Array(0)); // never reached: the tool must stop long before the end
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return { bytes: Buffer.concat([local, name, data, central, name, end]), inflatesTo };
}
