import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkContract } from "../../src/read/contract.js";
import type { Contract } from "../../src/schema/contract.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));

/** The bundled contract, read through the same checks as the CLI. */
export function bundledContract(): Contract {
  return checkContract(JSON.parse(readFileSync(`${dataDir}contract.json`, "utf8")), "data/contract.json")
    .contract;
}
