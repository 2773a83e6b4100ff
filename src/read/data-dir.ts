import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.js";
import type { Month } from "../schema/return.js";

/** Where things live in a data directory: `contract.json` and `returns/YYYY-MM.xlsx`. */
export const DATA_LAYOUT = {
  contract: "contract.json",
  returns: "returns",
} as const;

const RETURN_FILE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.xlsx$/;

export function contractPath(dataDir: string): string {
  return join(dataDir, DATA_LAYOUT.contract);
}

/** The returns a data directory holds, by month, oldest first. */
export async function listReturns(dataDir: string): Promise<Map<Month, string>> {
  const dir = join(dataDir, DATA_LAYOUT.returns);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new InputError(`There is no returns folder at ${dir}.`, dir, `Put each month's return in ${dir} as YYYY-MM.xlsx.`);
  }
  const months = names
    .map((name) => RETURN_FILE.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1] as Month, join(dir, m[0])] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return new Map(months);
}
