import { loadContract } from "../read/contract.js";
import { contractPath, listReturns } from "../read/data-dir.js";
import { readWorkbook } from "../read/workbook.js";
import { UsageError } from "../errors.js";
import type { Finding } from "../findings/finding.js";
import type { Contract } from "../schema/contract.js";
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
    const contractFile = options.contract ?? contractPath(options.data);
    const loaded = await loadContract(contractFile);
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

/** The clean returns among `checked`, by month: what evaluate reads. */
export function returnsByMonth(checked: readonly CheckedReturn[]): Map<Month, MonthlyReturn> {
  return new Map(checked.filter((c) => c.value).map((c) => [c.month, c.value!]));
}
