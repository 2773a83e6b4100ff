import { listMonthFiles } from "../../src/read/data-dir.js";
import { readWorkbook } from "../../src/read/workbook.js";
import type { Month, MonthlyReturn } from "../../src/schema/return.js";
import type { MonthlyReview } from "../../src/schema/review.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { validateReview } from "../../src/validate/validate-review.js";
import { bundledContract, dataDir } from "./contract.js";

export interface BundledData {
  returns: Map<Month, MonthlyReturn>;
  reviews: Map<Month, MonthlyReview>;
}

let cache: Promise<BundledData> | undefined;

/** Every bundled return and council review, read and validated as the CLI does, once per test file. */
export function bundledData(): Promise<BundledData> {
  cache ??= (async () => {
    const contract = bundledContract();
    const returns = new Map<Month, MonthlyReturn>();
    const reviews = new Map<Month, MonthlyReview>();
    for (const [month, file] of (await listMonthFiles(dataDir, "returns")).months) {
      const result = validateReturn(await readWorkbook(file), contract, { month });
      if (!result.value)
        throw new Error(`The bundled return ${file} does not validate: ${JSON.stringify(result.findings)}`);
      returns.set(month, result.value);
    }
    for (const [month, file] of (await listMonthFiles(dataDir, "reviews")).months) {
      const result = validateReview(await readWorkbook(file), contract, { month });
      if (!result.value)
        throw new Error(`The bundled review ${file} does not validate: ${JSON.stringify(result.findings)}`);
      reviews.set(month, result.value);
    }
    return { returns, reviews };
  })();
  return cache;
}
