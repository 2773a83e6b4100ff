import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { loadContract } from "../read/contract.js";
import {
  contractFile,
  DATA_LAYOUT,
  findDataFolder,
  GIVEN_BY_DATA,
  returnPath,
  reviewPath,
} from "../read/data-dir.js";
import { readWorkbookFile } from "../read/workbook.js";
import { hasErrors } from "../findings/finding.js";
import { findingsText } from "../render/findings-text.js";
import { validateReturn } from "../validate/validate-return.js";
import { workbookKind } from "../validate/validate-review.js";
import { monthBounds } from "../validate/month.js";
import { UsageError } from "../errors.js";
import { withLock } from "./file-lock.js";
import { removeStaleTemporaries } from "./temporaries.js";
import { writeFileAtomic, writeFileNew, type CommandResult, type Io } from "./io.js";
import { AddOptionsSchema, parseOptions } from "./options.js";
import { exists } from "./template.js";
import { ADD_WORDS } from "../words/commands/files.js";
import { dataFlag, warningLine } from "../words/commands/lines.js";

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
  // Read once: the bytes validated are the bytes filed, whatever happens to the file meanwhile.
  const { workbook, bytes, sha256: sha } = await readWorkbookFile(options.file);
  if (workbookKind(workbook) === "review") {
    throw new UsageError(
      ADD_WORDS.isReview(options.file),
      ADD_WORDS.saveReviewAs(join(folder.dir, DATA_LAYOUT.reviews, "YYYY-MM.xlsx")),
    );
  }
  const result = validateReturn(workbook, contract, {
    fileName: options.file,
    bounds: monthBounds(new Date()),
  });
  if (hasErrors(result.findings) || !result.month) {
    io.err(findingsText({ file: options.file, findings: result.findings }));
    io.err(ADD_WORDS.notFiled(options.file));
    return { failed: true };
  }
  if (result.findings.length) io.err(findingsText({ file: options.file, findings: result.findings }));
  const month = result.month;
  const target = returnPath(folder.dir, month);
  // What runs killed partway left beside the returns goes first: nothing of theirs was filed.
  for (const dir of [dirname(target), join(dirname(target), DATA_LAYOUT.replaced)])
    await removeStaleTemporaries(dir);
  const filed = await fileReturn(target, bytes, sha, options.replace, month, folder.dir, options.file);
  if (filed.unchanged) {
    io.out(ADD_WORDS.unchanged(target));
    return { failed: false };
  }
  const kept = filed.kept;
  const supplier = result.value?.supplier ?? contract.supplier;
  io.out(ADD_WORDS.filed(options.file, target, supplier, month, kept));
  const review = reviewPath(folder.dir, month);
  if (kept && (await exists(review))) {
    io.err(warningLine(ADD_WORDS.reviewFromReplaced(review, month)));
  } else if (!(await exists(review))) {
    io.out(ADD_WORDS.nextReview(month, dataFlag(folder.origin === GIVEN_BY_DATA, folder.dir)));
  }
  return { failed: false };
}

/**
 * Files the bytes as `target` with no moment between looking and writing: the new file is claimed
 * with an exclusive link, so of two adds at once exactly one files and the other is told. With
 * --replace, runs replacing the month take turns under a lock: each keeps what it replaces in
 * replaced/ (named by its hash) before putting its own file in place with one rename, so the target
 * is never missing and every return filed survives.
 */
async function fileReturn(
  target: string,
  bytes: Uint8Array,
  sha: string,
  replace: boolean,
  month: string,
  dataDir: string,
  file: string,
): Promise<{ unchanged?: true; kept?: string }> {
  if (await writeFileNew(target, bytes)) return {};
  const refuse = () =>
    new UsageError(
      ADD_WORDS.alreadyHeld(target, month),
      ADD_WORDS.replaceHint(file, join(dataDir, DATA_LAYOUT.returns, DATA_LAYOUT.replaced)),
    );
  if (!replace) {
    if (sha256(new Uint8Array(await readFile(target))) === sha) return { unchanged: true };
    throw refuse();
  }
  return withLock(
    join(dirname(target), `.${basename(target)}.lock`),
    ADD_WORDS.lockPurpose(month),
    async () => {
      let current: Uint8Array;
      try {
        current = new Uint8Array(await readFile(target));
      } catch {
        // Nothing to replace after all (moved away by hand meanwhile): file it as new.
        return (await writeFileNew(target, bytes)) ? {} : Promise.reject(refuse());
      }
      const currentSha = sha256(current);
      if (currentSha === sha) return { unchanged: true as const };
      // Named by its hash, so replacing twice keeps both and the same file is never kept twice.
      const kept = join(
        dataDir,
        DATA_LAYOUT.returns,
        DATA_LAYOUT.replaced,
        `${month}.${currentSha.slice(0, 12)}.xlsx`,
      );
      await writeFileNew(kept, current);
      await writeFileAtomic(target, bytes);
      return { kept };
    },
  );
}
