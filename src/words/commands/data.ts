/**
 * What the data side of a run says (commands/data-source.ts, build-plan.ts, config-issues.ts,
 * build-report.ts): months with no return, files ignored, months with no review, a build config
 * that cannot be used, a template that is missing.
 */
import { stopLine, warningLine } from "./lines.js";

export const DATA_WORDS = {
  noReturn: (month: string, dataDir: string) => `There is no return for ${month} in ${dataDir}.`,
  returnsAvailable: (months: readonly string[]) => `Returns available: ${months.join(", ")}.`,
  returnsEmpty: `The returns folder is empty: file the supplier's return with "kpi-report add FILE".`,
  ignoredLockFile: (file: string) =>
    warningLine(`${file} is ignored: an Excel lock file (the workbook is open somewhere), never a month.`),
  ignoredName: (file: string, dataFlag: string) =>
    warningLine(
      `${file} is ignored: not named YYYY-MM.xlsx. File a supplier's return with "kpi-report add FILE${dataFlag}".`,
    ),
  /** `last`, the newest month without one: the command that writes its review. */
  noReview: (months: readonly string[], last: string, dataFlag: string) =>
    stopLine(
      `no council review for ${months.join(", ")}: outcomes are the figures alone. "kpi-report review --month ${last}${dataFlag}" writes one to fill.`,
    ),
  noContractFile: (file: string) => `There is no contract file at ${file}.`,
  checkContractPath: "Check the path given to --contract.",
  templateMissing: (folder: string) => `The summary template summary.hbs is missing from ${folder}.`,
} as const;

/** A build config (--config) that cannot be used, and a JSON file's problems line by line. */
export const CONFIG_WORDS = {
  cannotRead: (path: string, reason: string) => `Cannot read the build config ${path}: ${reason}.`,
  notJson: (path: string) => `The build config ${path} is not valid JSON.`,
  shape: 'It is {"builds": [{"data": "data", "month": "2022-09"}, ...]}; see the README.',
  cannotUse: (path: string, problems: string) => `The build config ${path} cannot be used:\n${problems}`,
} as const;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "text in quotes",
  number: "a number",
  array: "a list in [ ]",
  object: "an object in { }",
  boolean: "true or false",
};

/** One problem of a JSON file at `at` (as "builds[0].month"; the whole file is "the file"). */
export const JSON_PROBLEM = {
  theFile: "the file",
  unknownFields: (at: string, keys: readonly string[], fields: readonly string[] | undefined) =>
    `${at}: ${keys.map((k) => `"${k}"`).join(", ")} is not a field kpi-report reads here${fields ? `; the fields are ${fields.join(", ")}` : ""}`,
  missing: (at: string) => `${at} is missing`,
  wrongType: (at: string, found: unknown, type: string) =>
    `${at} is ${JSON.stringify(found)}: it must be ${TYPE_WORDS[type] ?? type}`,
  notOneOf: (at: string, found: unknown, values: readonly unknown[]) =>
    `${at} is ${JSON.stringify(found)}: it must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
  empty: (at: string) => `${at} must not be empty`,
  /** `value`, " is \"2022-13\"" or "" for a value not worth quoting; `why`, what is allowed or wrong. */
  bad: (at: string, value: string, why: string) => `${at}${value}: ${why}`,
  is: (found: unknown) => ` is ${JSON.stringify(found)}`,
  unusable: "not a value kpi-report can use here",
  more: (count: number) => `... and ${count} more`,
  line: (line: string) => `  - ${line}`,
} as const;
