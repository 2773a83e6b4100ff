import { basename } from "node:path";
import { loadContract } from "../read/contract.js";
import { contractFile, findDataFolder, listMonthFiles } from "../read/data-dir.js";
import { readWorkbookFile, type WorkbookFile } from "../read/workbook.js";
import { stat } from "node:fs/promises";
import { InputError, UsageError } from "../errors.js";
import type { Finding } from "../findings/finding.js";
import type { Contract } from "../schema/contract.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import type { MonthlyReview } from "../schema/review.js";
import { validateReturn } from "../validate/validate-return.js";
import { validateReview } from "../validate/validate-review.js";

/** One month's file of either party, read and validated. */
export interface CheckedFile<T> {
  file: string;
  month: Month;
  findings: Finding[];
  /** Present only when the file has no error findings. */
  value?: T;
  /** The SHA-256 of the bytes read and used, hashed as they were read: what the manifest records. */
  sha256: string;
}
export type CheckedReturn = CheckedFile<MonthlyReturn>;
export type CheckedReview = CheckedFile<MonthlyReview>;

/**
 * One data folder: its contract, read once, the supplier's returns and the council's reviews,
 * each read and validated at most once however many reports of a run need it (a range of
 * months shares most of them).
 */
export class DataSource {
  private readonly returns = new Map<Month, Promise<CheckedReturn>>();
  private readonly reviews = new Map<Month, Promise<CheckedReview>>();

  private constructor(
    readonly dataDir: string,
    readonly contractFile: string,
    readonly contract: Contract,
    readonly contractFindings: Finding[],
    readonly available: ReadonlyMap<Month, string>,
    readonly reviewFiles: ReadonlyMap<Month, string>,
    /** Files in returns/ and reviews/ not named YYYY-MM.xlsx: never taken for a month, always named. */
    readonly ignored: readonly string[],
    /** " --data DIR" when the folder was given that way, for the commands a message suggests. */
    readonly dataFlag: string,
    /** The SHA-256 of the contract's bytes as they were read. */
    readonly contractSha256?: string,
  ) {}

  static async open(options: {
    data?: string | undefined;
    contract?: string | undefined;
  }): Promise<DataSource> {
    const { folder, contractFile: file, ...loaded } = await loadContractFor(options);
    const returns = await listMonthFiles(folder.dir, "returns", true);
    const reviews = await listMonthFiles(folder.dir, "reviews");
    const flag = folder.origin === "given by --data" ? ` --data ${folder.dir}` : "";
    return new DataSource(
      folder.dir,
      file,
      loaded.contract,
      loaded.findings,
      returns.months,
      reviews.months,
      [...returns.ignored, ...reviews.ignored],
      flag,
      loaded.sha256,
    );
  }

  /** A usage error naming the months there are, when `month` has no return. */
  require(month: Month): void {
    if (this.available.has(month)) return;
    const have = [...this.available.keys()];
    throw new UsageError(
      `There is no return for ${month} in ${this.dataDir}.`,
      have.length
        ? `Returns available: ${have.join(", ")}.`
        : `The returns folder is empty: file the supplier's return with "kpi-report add FILE".`,
    );
  }

  /** The month's return, read and validated; undefined when the folder has none for it. */
  read(month: Month): Promise<CheckedReturn> | undefined {
    return this.cached(this.returns, this.available, month, (workbook) =>
      validateReturn(workbook, this.contract, { month }),
    );
  }

  /** The council's review of the month, read and validated; undefined when there is none. */
  readReview(month: Month): Promise<CheckedReview> | undefined {
    // Checked against the month's return as filed now, so a review made from a replaced one is said to be.
    const filed = this.read(month);
    return this.cached(this.reviews, this.reviewFiles, month, async (workbook) => {
      const against = (await filed)?.value;
      return validateReview(workbook, this.contract, { month, ...(against ? { against } : {}) });
    });
  }

  /** Every return among `months` that exists, read and validated, in the order given. */
  async readAll(months: readonly Month[]): Promise<CheckedReturn[]> {
    // One at a time: a long run holds one workbook's cells at once, not all of them.
    const checked: CheckedReturn[] = [];
    for (const month of months) {
      const result = await this.read(month);
      if (result) checked.push(result);
    }
    return checked;
  }

  /** Every review among `months` that exists, in the order given. */
  async readReviews(months: readonly Month[]): Promise<CheckedReview[]> {
    const checked: CheckedReview[] = [];
    for (const month of months) {
      const result = await this.readReview(month);
      if (result) checked.push(result);
    }
    return checked;
  }

  /** What a run should say about the folder before its results: files ignored, months with no council review. */
  notes(months: readonly Month[]): string[] {
    const notes = this.ignored.map((file) =>
      basename(file).startsWith("~$")
        ? `kpi-report: warning: ${file} is ignored: an Excel lock file (the workbook is open somewhere), never a month.`
        : `kpi-report: warning: ${file} is ignored: not named YYYY-MM.xlsx. File a supplier's return with "kpi-report add FILE${this.dataFlag}".`,
    );
    const unreviewed = months.filter((m) => !this.reviewFiles.has(m));
    if (unreviewed.length)
      notes.push(
        `kpi-report: no council review for ${unreviewed.join(", ")}: outcomes are the figures alone. "kpi-report review --month ${unreviewed[unreviewed.length - 1]}${this.dataFlag}" writes one to fill.`,
      );
    return notes;
  }

  private cached<T>(
    cache: Map<Month, Promise<CheckedFile<T>>>,
    files: ReadonlyMap<Month, string>,
    month: Month,
    validate: (
      workbook: WorkbookFile["workbook"],
    ) => { value?: T; findings: Finding[] } | Promise<{ value?: T; findings: Finding[] }>,
  ): Promise<CheckedFile<T>> | undefined {
    const file = files.get(month);
    if (!file) return undefined;
    let pending = cache.get(month);
    if (!pending) {
      pending = readWorkbookFile(file).then(async ({ workbook, sha256 }) => {
        const result = await validate(workbook);
        const checked: CheckedFile<T> = {
          file,
          month,
          findings: result.findings.map((f) => ({ ...f, file })),
          sha256,
        };
        if (result.value) checked.value = result.value;
        return checked;
      });
      cache.set(month, pending);
    }
    return pending;
  }
}

/**
 * The contract of --contract, or of the data folder found as read/data-dir.ts says (--data, else
 * KPI_REPORT_DATA, else ./data); a file that is not there is told as such, with where it looked.
 */
export async function loadContractFor(options: { data?: string | undefined; contract?: string | undefined }) {
  const folder = findDataFolder(options.data);
  const file = await contractFile(folder, options.contract);
  if (options.contract !== undefined && !(await stat(file).catch(() => undefined))) {
    throw new InputError(
      `There is no contract file at ${file}.`,
      file,
      "Check the path given to --contract.",
    );
  }
  return { folder, contractFile: file, ...(await loadContract(file)) };
}

/** The clean returns among `checked`, by month: what evaluate reads. */
export function returnsByMonth(checked: readonly CheckedReturn[]): Map<Month, MonthlyReturn> {
  return new Map(checked.filter((c) => c.value).map((c) => [c.month, c.value!]));
}

/** The clean reviews among `checked`, by month. */
export function reviewsByMonth(checked: readonly CheckedReview[]): Map<Month, MonthlyReview> {
  return new Map(checked.filter((c) => c.value).map((c) => [c.month, c.value!]));
}
