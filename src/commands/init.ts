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
import type { Contract } from "../schema/contract.js";

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
    throw new UsageError(
      "--example copies the bundled Southend contract and its returns: it cannot be used with --blank or --contract-workbook.",
      "Choose one.",
    );
  }
  const workbook = join(dir, CONTRACT_WORKBOOK);
  if (await exists(contractPath(dir))) {
    throw new UsageError(
      `${contractPath(dir)} already exists: ${dir} is a data folder already; nothing was changed.`,
      "Choose another folder, or use this one with --data.",
    );
  }
  if (options.contractWorkbook && (await exists(workbook)))
    throw new UsageError(
      `${workbook} already exists; nothing was changed.`,
      `Fill it in, then run kpi-report contract ${workbook} --data ${dir}.`,
    );
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
  const started = options.contractWorkbook
    ? `${CONTRACT_WORKBOOK} (the contract as a workbook to fill in)`
    : options.blank
      ? "contract.json (a blank contract to fill in: docs/contract.md has every key)"
      : "contract.json (the bundled Southend contract: edit it for yours)";
  io.out(
    `Started the data folder ${dir}: ${started}, contract.schema.json for your editor, returns/, reviews/, templates/ and README.md.`,
  );
  if (options.contractWorkbook)
    io.out(
      `Next: fill in ${workbook}, then kpi-report contract ${workbook} --data ${dir} checks it and writes contract.json.`,
    );
  else if (options.example)
    io.out(
      `Copied the bundled example's ${copied} files (returns and council reviews, March to September 2022): try kpi-report build --month 2022-09 --data ${dir}`,
    );
  else
    io.out(`Next: kpi-report template --month YYYY-MM --data ${dir} writes a blank return for the supplier.`);
  return { failed: false };
}

const CONTRACT_WORKBOOK = "contract.xlsx";

/** What `init --blank` writes: every key a contract must have, each saying what goes there. */
const BLANK_CONTRACT: Contract = {
  id: "my-contract",
  title: "The contract's title, as the appendices print it",
  council: "The council's name",
  supplier: "The supplier's name",
  kpis: [
    {
      number: 1,
      serviceCriteria: "The group this KPI belongs to",
      description: "What is measured, in the contract's words",
      shortName: "A short name for the MSR table",
      rank: 1,
      frequency: "monthly",
      target: { kind: "percentage", atLeast: 95 },
      targetText: "95%",
    },
  ],
  msrs: [{ number: 1, text: "A Minimum Service Requirement, in the contract's words", linkedKpis: [1] }],
};

function officerReadme(dir: string): string {
  return `# KPI data folder

Made by \`kpi-report init\`. Every command finds this folder with \`--data ${dir}\`, or through the
\`KPI_REPORT_DATA\` environment variable, or as \`./data\` when run from the folder above it.

| what | where | written by |
|---|---|---|
| the contract: KPIs, targets and MSRs | \`contract.json\` | you, by hand (see docs/contract.md) or from \`contract.xlsx\` with \`kpi-report contract\` |
| the supplier's return for a month | \`returns/YYYY-MM.xlsx\` | the supplier; filed with \`kpi-report add\` |
| the council's review of a month | \`reviews/YYYY-MM.xlsx\` | the council, from \`kpi-report review\` |
| your own wording for the summary paragraph | \`templates/summary.hbs\` | you (rename \`summary.hbs.example\`) |

## The month, in order

1. \`kpi-report template --month 2022-10 --data ${dir}\`: a blank return; send it to the supplier.
2. \`kpi-report add "the supplier's file.xlsx" --data ${dir}\`: checks it and files it as
   \`returns/2022-10.xlsx\`, exactly as it came. \`--replace\` files a corrected one; the one it
   replaces is kept in \`returns/replaced/\`.
3. \`kpi-report review --month 2022-10 --data ${dir}\`: the council's review to fill in
   (verification, outcome overrides with their reasons, MSR comments), saved as \`reviews/2022-10.xlsx\`.
   \`kpi-report validate reviews/2022-10.xlsx --data ${dir}\` checks it.
4. \`kpi-report build --month 2022-10 --data ${dir}\`: the appendices (PDF, DOCX), the results and a
   manifest tracing both files of every month used, under \`out/\`.

The supplier's return holds only what the supplier says; anything the council says is read from its
review alone. Files in \`returns/\` not named \`YYYY-MM.xlsx\` (Excel's \`~$\` lock files, a return still
under its emailed name) are ignored, with a warning naming them.
`;
}
