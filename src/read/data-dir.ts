import { access, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { InputError } from "../errors.js";
import type { Month } from "../schema/return.js";

/**
 * Where things live in a data folder: the contract, the supplier's returns and the council's
 * reviews, one file a month each, the officer's own wording, and the returns `add` replaced.
 */
export const DATA_LAYOUT = {
  contract: "contract.json",
  returns: "returns",
  reviews: "reviews",
  templates: "templates",
  replaced: "replaced",
} as const;

/** The environment variable naming the data folder when --data is not given. */
export const DATA_ENV = "KPI_REPORT_DATA";
export const DEFAULT_DATA_DIR = "data";

const MONTH_FILE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.xlsx$/;

export function contractPath(dataDir: string): string {
  return join(dataDir, DATA_LAYOUT.contract);
}
export function returnPath(dataDir: string, month: Month): string {
  return join(dataDir, DATA_LAYOUT.returns, `${month}.xlsx`);
}
export function reviewPath(dataDir: string, month: Month): string {
  return join(dataDir, DATA_LAYOUT.reviews, `${month}.xlsx`);
}

/** The data folder and what chose it, for messages: `--data`, else KPI_REPORT_DATA, else ./data. */
export interface DataFolder {
  dir: string;
  /** "given by --data", "from KPI_REPORT_DATA", "the default, ./data". */
  origin: string;
}

/** How a missing contract's message starts: validate, outside a data folder, says more (commands/validate.ts). */
export const NO_CONTRACT_FOUND = "No contract found";

/** The origin of a data folder named on the command line: a suggested command then repeats --data. */
export const GIVEN_BY_DATA = "given by --data";

export function findDataFolder(given: string | undefined, env: NodeJS.ProcessEnv = process.env): DataFolder {
  if (given !== undefined && given !== "") return { dir: given, origin: GIVEN_BY_DATA };
  const fromEnv = env[DATA_ENV];
  if (fromEnv !== undefined && fromEnv !== "") return { dir: fromEnv, origin: `from ${DATA_ENV}` };
  return { dir: DEFAULT_DATA_DIR, origin: "the default, ./data" };
}

/**
 * The contract file to read: `--contract` when given, else the data folder's. A data folder
 * with no contract is the first thing a new user meets, so the message says where it looked
 * and both ways out.
 */
export async function contractFile(folder: DataFolder, contract?: string): Promise<string> {
  if (contract !== undefined) return contract;
  const path = contractPath(folder.dir);
  try {
    await access(path);
    return path;
  } catch {
    throw new InputError(
      `${NO_CONTRACT_FOUND}: there is no ${DATA_LAYOUT.contract} in ${resolve(folder.dir)} (${folder.origin}).`,
      path,
      `Start a data folder there with "kpi-report init ${folder.dir}" (add --example for the bundled Southend data), or point at one with --data DIR or ${DATA_ENV}.`,
    );
  }
}

export interface MonthFiles {
  /** Files named YYYY-MM.xlsx, by month, oldest first. */
  months: Map<Month, string>;
  /** Other files in the folder (lock files such as ~$2022-10.xlsx, a return under its emailed name): never a month. */
  ignored: string[];
}

/** The month files of a data folder's `returns` or `reviews`. A missing folder holds nothing unless `required`. */
export async function listMonthFiles(
  dataDir: string,
  folder: "returns" | "reviews",
  required = false,
): Promise<MonthFiles> {
  const dir = join(dataDir, DATA_LAYOUT[folder]);
  let entries: { name: string; isFile(): boolean }[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    if (!required) return { months: new Map(), ignored: [] };
    throw new InputError(
      `There is no ${folder} folder at ${dir}.`,
      dir,
      `Put each month's return in ${dir} as YYYY-MM.xlsx, or file one with "kpi-report add FILE".`,
    );
  }
  const months: [Month, string][] = [];
  const ignored: string[] = [];
  // Sub-folders (returns/replaced) and dot files are ours or the system's, not a stray return.
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const match = MONTH_FILE.exec(entry.name);
    if (match) months.push([match[1] as Month, join(dir, entry.name)]);
    else ignored.push(join(dir, entry.name));
  }
  // YYYY-MM sorts as text; localeCompare would load ICU's collation data for it (70 M instructions).
  months.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { months: new Map(months), ignored: ignored.sort() };
}

/** The returns a data folder holds, by month, oldest first. */
export async function listReturns(dataDir: string): Promise<Map<Month, string>> {
  return (await listMonthFiles(dataDir, "returns", true)).months;
}
