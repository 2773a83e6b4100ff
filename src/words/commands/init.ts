import type { Contract } from "../../schema/contract.js";

/** The words of `kpi-report init`: its refusals, what it started, what to do next, and the files it writes in words. */
export const INIT_WORDS = {
  exampleAlone:
    "--example copies the bundled Southend contract and its returns: it cannot be used with --blank or --contract-workbook.",
  exampleAloneHint: "Choose one.",
  alreadyDataFolder: (contract: string, dir: string) =>
    `${contract} already exists: ${dir} is a data folder already; nothing was changed.`,
  alreadyDataFolderHint: "Choose another folder, or use this one with --data.",
  workbookThere: (workbook: string) => `${workbook} already exists; nothing was changed.`,
  workbookThereHint: (workbook: string, dir: string) =>
    `Fill it in, then run kpi-report contract ${workbook} --data ${dir}.`,
  startedWith: (kind: "workbook" | "blank" | "example", workbookName: string) =>
    kind === "workbook"
      ? `${workbookName} (the contract as a workbook to fill in)`
      : kind === "blank"
        ? "contract.json (a blank contract to fill in: docs/contract.md has every key)"
        : "contract.json (the bundled Southend contract: edit it for yours)",
  started: (dir: string, started: string) =>
    `Started the data folder ${dir}: ${started}, contract.schema.json for your editor, returns/, reviews/, templates/ and README.md.`,
  nextWorkbook: (workbook: string, dir: string) =>
    `Next: fill in ${workbook}, then kpi-report contract ${workbook} --data ${dir} checks it and writes contract.json.`,
  copied: (count: number, dir: string) =>
    `Copied the bundled example's ${count} files (returns and council reviews, March to September 2022): try kpi-report build --month 2022-09 --data ${dir}`,
  nextTemplate: (dir: string) =>
    `Next: kpi-report template --month YYYY-MM --data ${dir} writes a blank return for the supplier.`,
} as const;

/** What `init --blank` writes: every key a contract must have, each saying what goes there. */
export const BLANK_CONTRACT: Contract = {
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

export function officerReadme(dir: string): string {
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
