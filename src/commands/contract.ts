import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { checkContract } from "../read/contract.js";
import { contractFromWorkbook } from "../read/contract-workbook.js";
import { contractPath, findDataFolder } from "../read/data-dir.js";
import { readWorkbook } from "../read/workbook.js";
import { InputError, UsageError } from "../errors.js";
import { PACKAGE_ROOT } from "../package-root.js";
import type { Contract } from "../schema/contract.js";
import { writeFileAtomic, type CommandResult, type Io } from "./io.js";
import { ContractOptionsSchema, parseOptions } from "./options.js";
import { exists } from "./template.js";
import { CONTRACT_WORDS } from "../words/commands/files.js";
import { warningLine } from "../words/commands/lines.js";

const WORKBOOK_HINT = CONTRACT_WORDS.workbookHint;
export const SCHEMA_FILE = "contract.schema.json";

/**
 * `kpi-report contract WORKBOOK`: the contract workbook (init --contract-workbook) checked cell by
 * cell and written as contract.json, with the JSON Schema beside it for an editor. Nothing is
 * written unless the whole contract is sound; an existing contract.json is replaced only with --force.
 */
export async function contractCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(ContractOptionsSchema, raw);
  const out = options.out ?? contractPath(findDataFolder(options.data).dir);
  if (!options.force && (await exists(out))) {
    throw new UsageError(CONTRACT_WORDS.alreadyThere(out), CONTRACT_WORDS.alreadyThereHint);
  }
  const read = contractFromWorkbook(await readWorkbook(options.file));
  if (read.problems.length)
    throw new InputError(CONTRACT_WORDS.cannotUse(options.file, read.problems), options.file, WORKBOOK_HINT);
  const { contract, findings } = checkContract(
    read.value,
    CONTRACT_WORDS.place(options.file),
    read.place,
    WORKBOOK_HINT,
  );
  await writeFileAtomic(out, contractJson(read.value as Contract));
  await writeSchemaBeside(out);
  for (const f of findings) io.err(warningLine(f.message));
  io.out(CONTRACT_WORDS.wrote(out, contract.kpis.length, contract.msrs.length, options.file, SCHEMA_FILE));
  return { failed: false };
}

/** The contract as an officer reads it: "$schema" first, two-space indented, as written (not as defaulted). */
export function contractJson(contract: Contract): string {
  const { $schema: _, ...rest } = contract;
  return `${JSON.stringify({ $schema: `./${SCHEMA_FILE}`, ...rest }, null, 2)}\n`;
}

/** The JSON Schema the contract's "$schema" names, beside it: editors complete and check the file offline. */
export async function writeSchemaBeside(contractFile: string): Promise<void> {
  await writeFileAtomic(
    join(dirname(contractFile), SCHEMA_FILE),
    await readFile(join(PACKAGE_ROOT, "docs", SCHEMA_FILE)),
  );
}
