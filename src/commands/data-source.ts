import { basename } from "node:path";
import { loadContract } from "../read/contract.js";
import { contractFile, findDataFolder, GIVEN_BY_DATA, listMonthFiles } from "../read/data-dir.js";
import { DATA_WORDS } from "../words/commands/data.js";
import { dataFlag } from "../words/commands/lines.js";
import { readWorkbookFile, type WorkbookFile } from "../read/workbook.js";
import { stat } from "node:fs/promises";
import { InputError, UsageError } from "../errors.js";
import type { Finding } from "../findings/finding.js";
import type { Contract } from "../schema/contract.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import type { MonthlyReview } from "../schema/review.js";
import { validateReturn } from "../validate/validate-return.js";
import { validateReview } from "../validate/validate-review.js";

/** Reads one workbook file: here by default; a build may hand some to its second thread (renderers.ts). */
export type WorkbookReader = (path: string) => Promise<WorkbookFile>;

/**
 * How many files after the one awaited are read meanwhile when a build's second thread reads some,
 * so that it has one to read while this thread reads another; a long run still holds only a few
 * workbooks' cells at once.
 */
const READ_AHEAD = 2;
/**
 * The shortest run of months whose files are shared with the second thread: September's build
 * (14 returns, 7 reviews) was slower with it (0.75 -> 0.78 s, 8 pairs), the worker loading the reader
 * while it should start the PDF; 270 KPIs over 60 months faster (4.4 -> 4.1 s).
 */
const SHARED_FROM = 24;

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

  /** The reader of readWith, used for long runs of months only (SHARED_FROM). */
  private shared: WorkbookReader | undefined;
  /** What reads a file now: readWorkbookFile, or `shared` while a long run of months is read. */
  private reader: WorkbookReader = readWorkbookFile;
  private readAhead = 0;

  /**
   * Reads a run of at least SHARED_FROM months' files with `reader`, READ_AHEAD of them ahead of
   * the one awaited, so that `reader` can read one on another thread meanwhile (the bytes, hash and
   * cells must be what readWorkbookFile gives). A shorter run is read here, one file at a time.
   */
  readWith(reader: WorkbookReader): void {
    this.shared = reader;
  }

  static async open(options: {
    data?: string | undefined;
    contract?: string | undefined;
  }): Promise<DataSource> {
    const { folder, contractFile: file, ...loaded } = await loadContractFor(options);
    const returns = await listMonthFiles(folder.dir, "returns", true);
    const reviews = await listMonthFiles(folder.dir, "reviews");
    const flag = dataFlag(folder.origin === GIVEN_BY_DATA, folder.dir);
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
      DATA_WORDS.noReturn(month, this.dataDir),
      have.length ? DATA_WORDS.returnsAvailable(have) : DATA_WORDS.returnsEmpty,
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
  readAll(months: readonly Month[]): Promise<CheckedReturn[]> {
    return this.inTurn(months, (month) => this.read(month));
  }

  /** Every review among `months` that exists, in the order given. */
  readReviews(months: readonly Month[]): Promise<CheckedReview[]> {
    return this.inTurn(months, (month) => this.readReview(month));
  }

  /** Each month's file in the order given, the next few (readWith) started while one is awaited. */
  private async inTurn<T>(
    months: readonly Month[],
    read: (month: Month) => Promise<T> | undefined,
  ): Promise<T[]> {
    const checked: T[] = [];
    const long = this.shared !== undefined && months.length >= SHARED_FROM;
    // Each read takes its reader when it starts (cached() calls it at once), so this holds for this run only.
    this.reader = long ? this.shared! : readWorkbookFile;
    this.readAhead = long ? READ_AHEAD : 0;
    for (const [i, month] of months.entries()) {
      // Started, not awaited: each is cached, and awaited (its failure said) in its own turn.
      for (const ahead of months.slice(i + 1, i + 1 + this.readAhead)) read(ahead)?.catch(() => undefined);
      const result = await read(month);
      if (result) checked.push(result);
    }
    return checked;
  }

  /** What a run should say about the folder before its results: files ignored, months with no council review. */
  notes(months: readonly Month[]): string[] {
    const notes = this.ignored.map((file) =>
      basename(file).startsWith("~$")
        ? DATA_WORDS.ignoredLockFile(file)
        : DATA_WORDS.ignoredName(file, this.dataFlag),
    );
    const unreviewed = months.filter((m) => !this.reviewFiles.has(m));
    if (unreviewed.length)
      notes.push(DATA_WORDS.noReview(unreviewed, unreviewed[unreviewed.length - 1]!, this.dataFlag));
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
      pending = this.reader(file).then(async ({ workbook, sha256 }) => {
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
    throw new InputError(DATA_WORDS.noContractFile(file), file, DATA_WORDS.checkContractPath);
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
