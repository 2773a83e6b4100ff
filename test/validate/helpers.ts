import type { Target } from "../../src/schema/contract.js";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildReturnWorkbook } from "../../src/read/return-template.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import type { Finding } from "../../src/findings/finding.js";
import type { MonthlyReturn, ReturnKpi } from "../../src/schema/return.js";
import { KPI_COLUMNS, type KpiColumnKey } from "../../src/schema/workbook-layout.js";
import { validateReturn, type ValidationOptions } from "../../src/validate/validate-return.js";
import { bundledContract } from "../helpers/contract.js";
import type { Id } from "../../src/schema/id.js";

export const contract = bundledContract();
export const MONTH = "2022-10";

/** A return that validates clean: every KPI measured, with the figures its target needs. */
export function validReturn(): MonthlyReturn {
  return {
    contract: contract.id,
    month: MONTH,
    supplier: contract.supplier,
    preparedBy: "A. Supplier",
    kpis: contract.kpis.map((kpi): ReturnKpi => {
      // KPI 21's target ("< 5 per month and 100% reported") needs how many were reported as well as the count.
      if ((kpi.target as Target).kind === "count")
        return {
          kpi: kpi.number,
          status: "measured",
          count: 1,
          achieved: 1,
          total: 1,
          commentary: "One route missed",
        };
      return {
        kpi: kpi.number,
        status: "measured",
        achieved: 9,
        total: 10,
        percentage: 90,
        commentary: `KPI ${kpi.number} as usual`,
      };
    }),
  };
}

export function returnBytes(values: MonthlyReturn = validReturn()): Promise<Buffer> {
  return buildReturnWorkbook(contract, values.month, values);
}

/** A real return, changed through exceljs as a person changes one in Excel, and saved again. */
export async function editWorkbook(
  edit: (workbook: ExcelJS.Workbook) => void,
  values?: MonthlyReturn,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await returnBytes(values)) as unknown as ExcelJS.Buffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A real return with its zip's XML parts changed: for what exceljs will not write. */
export async function editParts(
  edit: (parts: Map<string, string>) => void,
  bytes?: Uint8Array,
): Promise<Uint8Array> {
  const files = unzipSync(bytes ?? (await returnBytes()));
  const parts = new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  edit(parts);
  return zipSync(Object.fromEntries([...parts].map(([name, text]) => [name, strToU8(text)])));
}

export const kpiSheet = (workbook: ExcelJS.Workbook) => workbook.getWorksheet("KPIs")!;
/** The A1 address of a KPI's cell in the template's layout. */
export function kpiCell(kpi: Id, key: KpiColumnKey): string {
  const row = contract.kpis.findIndex((k) => k.number === kpi) + 2;
  const column = KPI_COLUMNS.findIndex((c) => c.key === key);
  return `${String.fromCharCode(65 + column)}${row}`;
}

export async function findingsOf(
  bytes: Uint8Array,
  options: ValidationOptions = { month: MONTH },
): Promise<Finding[]> {
  return validateReturn(await parseWorkbook(bytes, "return.xlsx"), contract, options).findings;
}

/** A finding as the tests compare it: code and place, not prose. */
export const place = (f: Finding) => [
  f.code,
  f.cell === undefined ? (f.sheet ?? "") : `${f.sheet}!${f.cell}`,
];

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "kpi-report-validate-"));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const bin = fileURLToPath(new URL("../../bin/kpi-report.js", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

/** The built CLI, run as a user would, without blocking: many cases run side by side. */
export function runCliAsync(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `jobs` with at most `width` at a time, keeping their order. */
export async function inBatches<T>(jobs: readonly (() => Promise<T>)[], width = 4): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}

/**
 * A small but well-formed OLE compound file (the container of .xls files and of password-protected
 * .xlsx files) holding empty streams with the given names: what tells the two apart is which
 * streams it has (EncryptionInfo and EncryptedPackage for an encrypted workbook).
 */
export function compoundFile(streams: readonly string[]): Uint8Array {
  const SECTOR = 512;
  const bytes = new Uint8Array(SECTOR * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x003e, true); // minor version
  view.setUint16(26, 0x0003, true); // major version 3: 512-byte sectors
  view.setUint16(28, 0xfffe, true); // little-endian
  view.setUint16(30, 9, true); // sector shift
  view.setUint16(32, 6, true); // mini sector shift
  view.setUint32(44, 1, true); // one FAT sector
  view.setUint32(48, 1, true); // the directory starts at sector 1
  view.setUint32(56, 4096, true); // mini stream cutoff
  view.setUint32(60, 0xfffffffe, true); // no mini FAT
  view.setUint32(68, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true); // the FAT is sector 0
  const fat = SECTOR;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true); // sector 0 holds the FAT
  view.setUint32(fat + 4, 0xfffffffe, true); // sector 1, the directory, ends its chain
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const at = SECTOR * 2 + index * 128;
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    bytes.set(utf16, at);
    view.setUint16(at + 64, utf16.length, true);
    bytes[at + 66] = type; // 5 root, 2 stream
    bytes[at + 67] = 1; // black
    view.setUint32(at + 68, 0xffffffff, true);
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, 0xfffffffe, true);
  };
  entry(0, "Root Entry", 5, streams.length ? 1 : 0xffffffff, 0xffffffff);
  streams
    .slice(0, 3)
    .forEach((name, i) =>
      entry(i + 1, name, 2, 0xffffffff, i + 2 <= Math.min(3, streams.length) ? i + 2 : 0xffffffff),
    );
  return bytes;
}
