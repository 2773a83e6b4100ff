import { loadContract } from "../read/contract.js";
import { contractPath, listReturns } from "../read/data-dir.js";
import { readWorkbook } from "../read/workbook.js";
import { readFile, stat } from "node:fs/promises";
import { InputError, UsageError } from "../errors.js";
import type { Finding } from "../findings/finding.js";
import { ContractSchema, type Contract } from "../schema/contract.js";
import { configProblems } from "./config-issues.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import { validateReturn } from "../validate/validate-return.js";

export interface CheckedReturn {
  file: string;
  month: Month;
  findings: Finding[];
  /** Present only when the return has no error findings. */
  value?: MonthlyReturn;
}

/**
 * One data directory: its contract, read once, and its returns, each read and validated at
 * most once however many reports of a run need it (a range of months shares most of them).
 */
export class DataSource {
  private readonly cache = new Map<Month, Promise<CheckedReturn>>();

  private constructor(
    readonly dataDir: string,
    readonly contractFile: string,
    readonly contract: Contract,
    readonly contractFindings: Finding[],
    readonly available: ReadonlyMap<Month, string>,
  ) {}

  static async open(options: { data: string; contract?: string | undefined }): Promise<DataSource> {
    const { contractFile, ...loaded } = await loadContractFor(options);
    return new DataSource(options.data, contractFile, loaded.contract, loaded.findings, await listReturns(options.data));
  }

  /** A usage error naming the months there are, when `month` has no return. */
  require(month: Month): void {
    if (this.available.has(month)) return;
    const have = [...this.available.keys()];
    throw new UsageError(
      `There is no return for ${month} in ${this.dataDir}.`,
      have.length ? `Returns available: ${have.join(", ")}.` : "The returns folder is empty.",
    );
  }

  /** The month's return, read and validated; undefined when the directory has none for it. */
  read(month: Month): Promise<CheckedReturn> | undefined {
    const file = this.available.get(month);
    if (!file) return undefined;
    let pending = this.cache.get(month);
    if (!pending) {
      pending = readWorkbook(file).then((workbook) => {
        const result = validateReturn(workbook, this.contract, { month });
        const checked: CheckedReturn = { file, month, findings: result.findings.map((f) => ({ ...f, file })) };
        if (result.value) checked.value = result.value;
        return checked;
      });
      this.cache.set(month, pending);
    }
    return pending;
  }

  /** Every return among `months` that exists, read and validated, in the order given. */
  async readAll(months: readonly Month[]): Promise<CheckedReturn[]> {
    const checked: CheckedReturn[] = [];
    for (const month of months) {
      const result = await this.read(month);
      if (result) checked.push(result);
    }
    return checked;
  }
}

/**
 * The contract of --contract, or of the data folder; a folder or file that is not there is told
 * as such (with the option that names it) before the reader is asked.
 */
export async function loadContractFor(options: { data: string; contract?: string | undefined }) {
  const contractFile = options.contract ?? contractPath(options.data);
  if (!options.contract && !(await isFolder(options.data))) {
    throw new InputError(
      `There is no data folder at ${options.data}.`,
      options.data,
      "Give --data the folder that holds contract.json and returns/YYYY-MM.xlsx, e.g. --data ../council-data.",
    );
  }
  if (!(await stat(contractFile).catch(() => undefined))) {
    throw new InputError(
      `There is no contract file at ${contractFile}.`,
      contractFile,
      options.contract ? "Check the path given to --contract." : `The data folder ${options.data} needs its contract.json; or give one with --contract FILE.`,
    );
  }
  await checkContractShape(contractFile);
  return { contractFile, ...(await loadContract(contractFile)) };
}

/**
 * The contract's shape, told in our words before the reader tells it in the schema library's.
 * A file that cannot be read or parsed is left to loadContract, which says so.
 */
async function checkContractShape(path: string): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch {
    return;
  }
  const parsed = ContractSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`The contract file ${path} cannot be used:\n${configProblems(parsed.error.issues, json)}`, path);
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** The clean returns among `checked`, by month: what evaluate reads. */
export function returnsByMonth(checked: readonly CheckedReturn[]): Map<Month, MonthlyReturn> {
  return new Map(checked.filter((c) => c.value).map((c) => [c.month, c.value!]));
}
