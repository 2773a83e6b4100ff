import { loadContract, type LoadedContract } from "../read/contract.js";
import { contractPath, listReturns } from "../read/data-dir.js";
import { readWorkbook } from "../read/workbook.js";
import { UsageError } from "../errors.js";
import type { Finding } from "../findings/finding.js";
import type { Contract } from "../schema/contract.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import { validateReturn } from "../validate/validate-return.js";

export interface LoadedMonths {
  contract: LoadedContract["contract"];
  /** Warnings about the contract itself. */
  contractFindings: Finding[];
  /** Every return file the data directory holds, by month. */
  available: Map<Month, string>;
  /** The returns read, validated clean, by month. */
  returns: Map<Month, MonthlyReturn>;
  /** Findings per file read, errors and warnings alike. */
  files: { file: string; month: Month; findings: Finding[] }[];
}

/**
 * The contract, and the returns for the months `monthsFor` picks (it sees the contract, since
 * what a month's verdict depends on is the contract's business), each read once and validated.
 */
export async function loadMonths(
  options: { data: string; contract?: string | undefined },
  monthsFor: (contract: Contract) => readonly Month[],
  required: Month,
): Promise<LoadedMonths> {
  const loaded = await loadContract(options.contract ?? contractPath(options.data));
  const months = monthsFor(loaded.contract);
  const available = await listReturns(options.data);
  if (!available.has(required)) {
    const have = [...available.keys()];
    throw new UsageError(
      `There is no return for ${required} in ${options.data}.`,
      have.length ? `Returns available: ${have.join(", ")}.` : "The returns folder is empty.",
    );
  }
  const returns = new Map<Month, MonthlyReturn>();
  const files: LoadedMonths["files"] = [];
  for (const month of months) {
    const file = available.get(month);
    if (!file) continue;
    const result = validateReturn(await readWorkbook(file), loaded.contract, { month });
    files.push({ file, month, findings: result.findings.map((f) => ({ ...f, file })) });
    if (result.value) returns.set(month, result.value);
  }
  return { contract: loaded.contract, contractFindings: loaded.findings, available, returns, files };
}
