import { cp, mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { contractPath, DATA_LAYOUT, findDataFolder } from "../read/data-dir.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { UsageError } from "../errors.js";
import { writeFileAtomic, type CommandResult, type Io } from "./io.js";
import { InitOptionsSchema, parseOptions } from "./options.js";
import { exists } from "./template.js";
import { buildContractWorkbook } from "../read/contract-template.js";
import { contractJson, writeSchemaBeside } from "./contract.js";
import { BLANK_CONTRACT, INIT_WORDS, officerReadme } from "../words/commands/init.js";

const BUNDLED_DATA = join(PACKAGE_ROOT, "data");
const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, "templates");

/**
 * `kpi-report init [DIR] [--example]`: starts a data folder (by default where the other commands
 * look: KPI_REPORT_DATA, else ./data): the bundled contract as an example to edit, returns/,
 * reviews/, templates/ and a README for the officer. --example also copies the bundled
 * Southend returns and reviews, so `build --month 2022-09` runs there at once. A folder that
 * already holds a contract is left alone.
 */
export async function initCommand(raw: Record<string, unknown>, io: Io): Promise<CommandResult> {
  const options = parseOptions(InitOptionsSchema, raw);
  const dir = options.file ?? findDataFolder(undefined).dir;
  if (options.example && (options.blank || options.contractWorkbook)) {
    throw new UsageError(INIT_WORDS.exampleAlone, INIT_WORDS.exampleAloneHint);
  }
  const workbook = join(dir, CONTRACT_WORKBOOK);
  if (await exists(contractPath(dir))) {
    throw new UsageError(
      INIT_WORDS.alreadyDataFolder(contractPath(dir), dir),
      INIT_WORDS.alreadyDataFolderHint,
    );
  }
  if (options.contractWorkbook && (await exists(workbook)))
    throw new UsageError(INIT_WORDS.workbookThere(workbook), INIT_WORDS.workbookThereHint(workbook, dir));
  for (const folder of [DATA_LAYOUT.returns, DATA_LAYOUT.reviews, DATA_LAYOUT.templates])
    await mkdir(join(dir, folder), { recursive: true });
  if (options.contractWorkbook) await writeFileAtomic(workbook, await buildContractWorkbook());
  else if (options.blank) await writeFileAtomic(contractPath(dir), contractJson(BLANK_CONTRACT));
  else await writeFileAtomic(contractPath(dir), await readFile(join(BUNDLED_DATA, DATA_LAYOUT.contract)));
  await writeSchemaBeside(contractPath(dir));
  await writeFileAtomic(
    join(dir, DATA_LAYOUT.templates, "summary.hbs.example"),
    await readFile(join(BUNDLED_TEMPLATES, "summary.hbs")),
  );
  await writeFileAtomic(join(dir, "README.md"), officerReadme(dir));
  let copied = 0;
  if (options.example) {
    for (const folder of [DATA_LAYOUT.returns, DATA_LAYOUT.reviews]) {
      for (const name of (await readdir(join(BUNDLED_DATA, folder)))
        .filter((n) => /^\d{4}-\d{2}\.xlsx$/.test(n))
        .sort()) {
        // Copied as they are: the manifest's hashes of a build here match the bundled files'.
        await cp(join(BUNDLED_DATA, folder, name), join(dir, folder, name), {
          errorOnExist: true,
          force: false,
        });
        copied++;
      }
    }
  }
  const kind = options.contractWorkbook ? "workbook" : options.blank ? "blank" : "example";
  io.out(INIT_WORDS.started(dir, INIT_WORDS.startedWith(kind, CONTRACT_WORKBOOK)));
  if (options.contractWorkbook) io.out(INIT_WORDS.nextWorkbook(workbook, dir));
  else if (options.example) io.out(INIT_WORDS.copied(copied, dir));
  else io.out(INIT_WORDS.nextTemplate(dir));
  return { failed: false };
}

const CONTRACT_WORKBOOK = "contract.xlsx";
