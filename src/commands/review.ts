import { evaluateMonth } from "../evaluate/index.js";
import { summaryLine } from "../words/index.js";
import { hasErrors } from "../findings/finding.js";
import { reviewPath } from "../read/data-dir.js";
import { buildReviewWorkbook } from "../read/review-template.js";
import { findingsText } from "../render/findings-text.js";
import { UsageError } from "../errors.js";
import { DataSource, returnsByMonth } from "./data-source.js";
import { writeFileAtomic, writeFileNew, type CommandResult, type Io } from "./io.js";
import { monthsToRead } from "./look-back.js";
import { parseOptions, ReviewOptionsSchema } from "./options.js";
import { reviewReference } from "./review-reference.js";
import { sourceDate } from "./source-date.js";
import { exists } from "./template.js";
import { removeStaleTemporaries } from "./temporaries.js";
import { dirname } from "node:path";
import { REVIEW_WORDS } from "../words/commands/files.js";

/**
 * `kpi-report review --month YYYY-MM`: the council's review workbook for a month, written where
 * build reads it (<data>/reviews/YYYY-MM.xlsx). It shows, locked, what the supplier returned and
 * what the figures alone give, beside the council's columns to fill. A review is the council's
 * own work, so an existing one is never replaced without --force.
 */
export async function reviewCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(ReviewOptionsSchema, raw);
  const source = await DataSource.open(options);
  const { month } = options;
  source.require(month);
  const out = options.out ?? reviewPath(source.dataDir, month);
  const alreadyThere = () =>
    new UsageError(REVIEW_WORDS.alreadyThere(out, month), REVIEW_WORDS.alreadyThereHint);
  // Asked first so a review already there is said at once; the write below claims the name for certain.
  if (!options.force && (await exists(out))) throw alreadyThere();
  const checked = await source.readAll(monthsToRead(source.contract, [month]));
  const broken = checked.filter((c) => hasErrors(c.findings));
  if (broken.length) {
    for (const file of broken) io.err(findingsText({ file: file.file, findings: file.findings }));
    io.err(REVIEW_WORDS.broken(broken.length, month));
    return { failed: true };
  }
  const returns = returnsByMonth(checked);
  const figuresAlone = evaluateMonth(source.contract, month, returns);
  const bytes = await buildReviewWorkbook(
    source.contract,
    month,
    reviewReference(returns.get(month)!, figuresAlone),
    undefined,
    sourceDate(`${month}-01`),
  );
  await removeStaleTemporaries(dirname(out));
  // Claimed, not checked and then written: a review someone made meanwhile is never overwritten.
  if (options.force) await writeFileAtomic(out, bytes);
  else if (!(await writeFileNew(out, bytes))) throw alreadyThere();
  const { kpis, msrs } = source.contract;
  io.out(REVIEW_WORDS.wrote(out, month, kpis.length, msrs.length, summaryLine(figuresAlone.summary)));
  return { failed: false };
}
