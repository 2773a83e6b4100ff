import { READ_FAILURES } from "../read/read-failures.js";
import { LIMITS } from "../read/limits.js";
import { FINDINGS_JSON_VERSION } from "./findings-text.js";
import {
  MAX_COMMENTARY_LENGTH,
  MAX_COMPLIMENTS_LENGTH,
  MAX_COUNT,
  MAX_TEXT_LENGTH,
} from "../schema/workbook-layout.js";
import { CATALOGUE } from "../findings/catalogue.js";

/**
 * docs/findings.md, made from the catalogue, the read failures and the limits, so the page cannot
 * say something the code does not do. `npm run docs:findings` writes it; a test compares.
 */
export function findingsMarkdown(): string {
  return `${[HEADER, exitCodes(), findingTables(), readFailures(), limits(), textReport(), jsonShape(), POLICY].join("\n\n").trimEnd()}\n`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");

const HEADER = `# Findings

<!-- Generated from src/findings/catalogue.ts, src/read/read-failures.ts and src/read/limits.ts by
     \`npm run docs:findings\`. Do not edit by hand: test/validate/findings-docs.test.ts fails when this
     page and the code differ. -->

\`kpi-report validate FILE\` reads a supplier's return and reports every problem in one pass. Each
problem is a **finding**: a stable code, a severity, the sheet and cell (A1) it is about, a message,
and what was found and expected. \`status\` and \`build\` run the same validation first and refuse a
return with error findings, printing the same report. The council's review of a month
(\`reviews/YYYY-MM.xlsx\`, written by \`kpi-report review\`) is checked the same way.`;

function exitCodes(): string {
  return `## Exit codes

${table(
  ["code", "meaning"],
  [
    ["0", "valid: no error findings (warnings allowed)"],
    ["1", "the return has error findings"],
    ["2", "the file cannot be read (see below), or the command was misused"],
    ["3", "a bug in kpi-report: please report it with the command you ran"],
    [
      "4",
      "the installation is damaged: a font, the resvg addon or a part of the program is missing (named); reinstall kpi-report",
    ],
  ],
)}`;
}

const GROUPS = [
  ["structure", "Structure: sheets, columns, rows, month and contract"],
  ["values", "Values: what the cells hold"],
  ["council", "The council's fields: verification, overrides and MSR comments belong in its review"],
  ["contract", "The contract file"],
  ["limits", "Limits on what is read"],
] as const;

function findingTables(): string {
  const sections = GROUPS.map(([group, heading]) => {
    const rows = Object.entries(CATALOGUE)
      .filter(([, entry]) => entry.group === group)
      .map(([code, entry]) => [`\`${code}\``, entry.severity, entry.title, entry.fix]);
    return `### ${heading}\n\n${table(["code", "severity", "what it means", "what to do"], rows)}`;
  });
  return `## Findings\n\nAn **error** makes the return invalid (exit 1); a **warning** is worth a look but does not.\n\n${sections.join("\n\n")}`;
}

function readFailures(): string {
  const rows = Object.entries(READ_FAILURES).map(([code, entry]) => [`\`${code}\``, entry.title, entry.hint]);
  return `## Files that cannot be read (exit 2)

The file is refused before any of it is validated, with a message naming what the file is and what
to do. Nothing from a library reaches the user: any failure inside the workbook reader is reported
as \`workbook-damaged\`. With \`--format json\` the reason is also printed as a JSON document (below).

${table(["code", "what", "what to do"], rows)}`;
}

function limits(): string {
  const mb = (n: number) => `${n / 1024 / 1024} MB`;
  return `## Limits

A return is a workbook of 20-50 KB with about 30 rows and 14 columns. The limits are far above that,
so an honest return never meets one, and far below what would hurt the machine, so a hostile file
is stopped early. Inflated bytes are counted as they come out of the decompressor; the sizes a zip
states for itself are never trusted. A 1.5 MB zip bomb is refused in well under a second.

${table(
  ["limit", "value", "when passed"],
  [
    ["file size", mb(LIMITS.maxFileBytes), "`file-too-large`"],
    ["parts in the zip", String(LIMITS.maxZipEntries), "`limit-zip-entries`"],
    ["bytes after unzipping, all parts together", mb(LIMITS.maxInflatedBytes), "`limit-inflated-bytes`"],
    [
      "XML elements, all parts together",
      LIMITS.maxXmlElements.toLocaleString("en-GB"),
      "`limit-xml-elements`",
    ],
    ["depth of XML elements in a part", String(LIMITS.maxXmlDepth), "`limit-xml-depth`"],
    ["sheets in the workbook", String(LIMITS.maxSheets), "`limit-sheets`"],
    [
      "merged ranges on a sheet / cells they cover",
      `${LIMITS.maxMerges} / ${LIMITS.maxMergedCells.toLocaleString("en-GB")}`,
      "`limit-merges`",
    ],
    [
      "rows read on a sheet",
      String(LIMITS.maxRows),
      "`limit-rows` finding: data below is reported, not read",
    ],
    ["columns read on a sheet", String(LIMITS.maxColumns), "`limit-columns` finding"],
    [
      "characters of commentary or an MSR comment",
      String(MAX_COMMENTARY_LENGTH),
      "`commentary-too-long` finding",
    ],
    ["characters of Compliments", String(MAX_COMPLIMENTS_LENGTH), "`text-too-long` finding"],
    [
      "characters of any other text (a spreadsheet cell's limit)",
      MAX_TEXT_LENGTH.toLocaleString("en-GB"),
      "`text-too-long` finding",
    ],
    ["a count (Achieved, Out of, Count)", MAX_COUNT.toLocaleString("en-GB"), "`number-too-large` finding"],
  ],
)}`;
}

function textReport(): string {
  return `## The text report

One finding per line: where (\`Sheet!Cell\`, or the sheet or file for findings about a whole sheet or
file), severity, code and message; then what was found and what was expected; then a summary line.

\`\`\`
KPIs!E7        error   status-unknown: Status "mesured" for KPI 6 is not one of the list; did you mean "measured"?
                       found: mesured; expected: measured, not captured, not applicable, no service running or not due
KPIs!G9        error   number-invalid: Out of in G9 holds "1,234", not a number; did you mean 1234?
                       found: "1,234"; expected: a whole number, e.g. 17
return.xlsx: not valid: 2 errors, 0 warnings.
\`\`\`

\`--max-errors N\` lists at most N findings (200 by default). When the list is cut, errors are listed
before warnings and a \`limit-findings\` note ends the list; the summary, the JSON counts and the exit
code still cover every finding.`;
}

function jsonShape(): string {
  return `## JSON (\`--format json\`), version ${FINDINGS_JSON_VERSION}

\`\`\`json
{
  "version": ${FINDINGS_JSON_VERSION},
  "valid": false,
  "files": [
    {
      "file": "return.xlsx",
      "readable": true,
      "valid": false,
      "errors": 1,
      "warnings": 0,
      "omitted": 0,
      "findings": [
        {
          "code": "status-unknown",
          "severity": "error",
          "sheet": "KPIs",
          "cell": "E7",
          "message": "Status \\"mesured\\" for KPI 6 is not one of the list; did you mean \\"measured\\"?",
          "found": "mesured",
          "expected": "measured, not captured, not applicable, no service running or not due"
        }
      ]
    }
  ]
}
\`\`\`

${table(
  ["field", "meaning"],
  [
    [
      "`version`",
      `the shape's version, ${FINDINGS_JSON_VERSION}; it goes up when a field changes meaning or is removed (adding a field does not)`,
    ],
    ["`valid`", "every file is readable and has no error findings"],
    ["`files[].file`", "the path as given"],
    [
      "`files[].readable`",
      "false when the file could not be read at all (exit 2); `unreadable` then says why",
    ],
    [
      "`files[].unreadable`",
      "`{ code, message, hint }`, `code` from the table of files that cannot be read; present only when `readable` is false",
    ],
    ["`files[].errors`, `warnings`", "counts over every finding, including any not listed"],
    ["`files[].omitted`", "findings not listed because of `--max-errors`"],
    ["`files[].findings[]`", "the findings listed, in sheet order (errors first when the list was cut)"],
    ["`code`, `severity`", "the stable code from the tables above, and `error` or `warning`"],
    [
      "`sheet`, `cell`",
      "where: `cell` is an A1 address (`E7`), a range (`F3:G3`), a row (`5:5`) or a column (`J:J`); both absent for a finding about the whole file",
    ],
    ["`file`", "present when the finding is about another file than the one checked (the contract)"],
    ["`message`", "the finding in words, for people; do not match on it"],
    ["`found`, `expected`", "what the cell holds and what belongs there, when they can be said"],
  ],
)}`;
}

const POLICY = `## Notes on some findings

- **Merged cells** are reported only where they cover cells that are read: the KPI number, the
  supplier's and the council's columns below the header row, the labels and values of the Return
  sheet, and the MSR number and comment. A merged title above the header row, or service criteria
  merged down their column as the printed schedule shows them, is harmless and not reported.
- **Hidden rows, columns and sheets** are read like any other; the warning says so, because the
  officer should know the figures include something they did not see. A hidden column holding only
  its header is not reported.
- **One mistake, one finding.** A cell that cannot be read (an error value, text where a number
  belongs) is reported once; the rules that need its value (achieved above total, a percentage
  that contradicts the figures, figures missing) say nothing until it is fixed. A missing column is
  reported once, not on every row.
- **Tolerated without a finding:** sheet and column names in any case, with extra or non-breaking
  spaces; columns in any order; KPI rows in any order; "KPI 7" or "7.0" for a KPI number and
  "MSR 3" for an MSR number; numbers typed as text ("17"); Yes/No as Y/N or TRUE/FALSE; rich text
  and hyperlinks, read as their text; a Month typed as a date in that month.`;
