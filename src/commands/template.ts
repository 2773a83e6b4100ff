import { access } from "node:fs/promises";
import { buildReturnWorkbook } from "../read/return-template.js";
import { UsageError } from "../errors.js";
import { outsideTerm, termSpan } from "../validate/month.js";
import { sourceDate } from "./source-date.js";
import { loadContractFor } from "./data-source.js";
import { writeFileAtomic, writeFileNew, type CommandResult, type Io } from "./io.js";
import { parseOptions, TemplateOptionsSchema } from "./options.js";
import { TEMPLATE_COMMAND_WORDS } from "../words/commands/files.js";

/** `kpi-report template --month YYYY-MM`: a blank return for the supplier to fill in. */
export async function templateCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(TemplateOptionsSchema, raw);
  const out = options.out ?? `return-${options.month}.xlsx`;
  const alreadyThere = () =>
    new UsageError(TEMPLATE_COMMAND_WORDS.alreadyThere(out), TEMPLATE_COMMAND_WORDS.alreadyThereHint);
  if (!options.force && (await exists(out))) throw alreadyThere();
  const { contract, sha256 } = await loadContractFor(options);
  // A return for a month the contract does not cover would be refused by validate and add.
  if (contract.term && outsideTerm(options.month, contract.term))
    throw new UsageError(
      TEMPLATE_COMMAND_WORDS.outsideTerm(options.month, termSpan(contract.term)),
      TEMPLATE_COMMAND_WORDS.outsideTermHint,
    );
  // The return carries a copy of the contract, so the supplier can check it anywhere (validate.ts).
  const bytes = await buildReturnWorkbook(
    contract,
    options.month,
    undefined,
    sourceDate(`${options.month}-01`),
    { contractSha256: sha256 ?? "" },
  );
  // Claimed, not checked and then written: a file made there meanwhile is never overwritten.
  if (options.force) await writeFileAtomic(out, bytes);
  else if (!(await writeFileNew(out, bytes))) throw alreadyThere();
  io.out(TEMPLATE_COMMAND_WORDS.wrote(out, options.month, contract.supplier, contract.kpis.length));
  return { failed: false };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
