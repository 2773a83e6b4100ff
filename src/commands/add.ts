import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadContract } from "../read/contract.js";
import { contractFile, DATA_LAYOUT, findDataFolder, returnPath, reviewPath } from "../read/data-dir.js";
import { readWorkbook } from "../read/workbook.js";
import { hasErrors } from "../findings/finding.js";
import { findingsText } from "../render/findings-text.js";
import { validateReturn } from "../validate/validate-return.js";
import { workbookKind } from "../validate/validate-review.js";
import { monthBounds } from "../validate/month.js";
import { UsageError } from "../errors.js";
import { writeFileAtomic, type CommandResult, type Io } from "./io.js";
import { AddOptionsSchema, parseOptions } from "./options.js";
import { exists } from "./template.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * `kpi-report add FILE`: files a supplier's return, under whatever name it came with, as
 * <data>/returns/YYYY-MM.xlsx, the month read from its Return sheet. It is validated first and
 * copied byte for byte (its SHA-256 is what the manifest will record). An existing return is
 * replaced only with --replace, and then kept in returns/replaced/ under its own hash.
 */
export async function addCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(AddOptionsSchema, raw);
  const folder = findDataFolder(options.data);
  const { contract } = await loadContract(await contractFile(folder, options.contract));
  const workbook = await readWorkbook(options.file);
  const bytes = new Uint8Array(await readFile(options.file));
  if (workbookKind(workbook) === "review") {
    throw new UsageError(`${options.file} is a council review, not a supplier's return.`, `Save it as ${join(folder.dir, DATA_LAYOUT.reviews, "YYYY-MM.xlsx")}; add files returns only.`);
  }
  const result = validateReturn(workbook, contract, { fileName: options.file, bounds: monthBounds(new Date()) });
  if (hasErrors(result.findings) || !result.month) {
    io.err(findingsText({ file: options.file, findings: result.findings }));
    io.err(`kpi-report: ${options.file} was not filed: fix the errors above first.`);
    return { failed: true };
  }
  if (result.findings.length) io.err(findingsText({ file: options.file, findings: result.findings }));
  const month = result.month;
  const target = returnPath(folder.dir, month);
  let kept: string | undefined;
  if (await exists(target)) {
    const current = new Uint8Array(await readFile(target));
    if (sha256(current) === sha256(bytes)) {
      io.out(`${target} already holds this file (the same bytes): nothing changed.`);
      return { failed: false };
    }
    if (!options.replace) {
      throw new UsageError(`${target} already holds a return for ${month}; nothing changed.`, `Add --replace to file ${options.file} instead: the return there now is then kept in ${join(folder.dir, DATA_LAYOUT.returns, DATA_LAYOUT.replaced)}.`);
    }
    // Named by its hash, so replacing twice keeps both and the same file is never kept twice.
    kept = join(folder.dir, DATA_LAYOUT.returns, DATA_LAYOUT.replaced, `${month}.${sha256(current).slice(0, 12)}.xlsx`);
    await writeFileAtomic(kept, current);
  }
  await writeFileAtomic(target, bytes);
  const supplier = result.value?.supplier ?? contract.supplier;
  io.out(`Filed ${options.file} as ${target}: ${supplier}'s return for ${month}.${kept ? ` The return it replaced is kept as ${kept}.` : ""}`);
  const review = reviewPath(folder.dir, month);
  if (kept && (await exists(review))) {
    io.err(`kpi-report: warning: the council's review ${review} was made from the return it replaced: check it against this one (kpi-report review --month ${month} --force writes a fresh one).`);
  } else if (!(await exists(review))) {
    io.out(`Next: kpi-report review --month ${month}${folder.origin === "given by --data" ? ` --data ${folder.dir}` : ""} writes the council's review to fill.`);
  }
  return { failed: false };
}
