/**
 * Commander's messages in this tool's words (src/cli-words.ts picks which, by commander's error
 * code): what was given, what is allowed, an example, and where to read more.
 */
export const CLI_WORDS = {
  usageHint:
    "Run kpi-report --help for the commands, or kpi-report COMMAND --help for one command's options and examples.",
  commandHint: (command: string) => `Run kpi-report ${command} --help for its options and examples.`,
  /** `dym`, commander's own suggestion, as " Did you mean --month?" or "". */
  unknownCommand: (name: string, commands: readonly string[], dym: string) =>
    `${name} is not a command: the commands are ${commands.join(", ")}.${dym}`,
  unknownOption: (name: string, command: string | undefined, dym: string) =>
    `${name} is not an option of ${command ?? "kpi-report"}.${dym}`,
  didYouMean: (suggestion: string) => ` Did you mean ${suggestion}?`,
  /** `allowed`, the option's words ("months are YYYY-MM, e.g. 2022-09"), when it has them. */
  needsValue: (flag: string, allowed: string | undefined) =>
    `${flag} needs a value${allowed ? `: ${allowed}` : "."}`,
  needsFile: (command: string | undefined) =>
    `${command} needs the file to check, e.g. kpi-report ${command} data/returns/2022-09.xlsx`,
  optionsOnly: (command: string | undefined) =>
    `${command} takes options only, and was also given a word that is not one, e.g. kpi-report ${command} --month 2022-09`,
  conflicting: (a: string | undefined, b: string | undefined) => `${a} cannot be used with ${b}: choose one.`,
} as const;

/** What --verbose says first, on stderr: the data folder and contract a command uses, and where each came from. */
export const VERBOSE_WORDS = {
  startGiven: (dir: string) => `Data folder to start: ${dir} (given as DIR)`,
  /** `origin`, read/data-dir.ts's words for where the folder came from ("from KPI_REPORT_DATA"). */
  start: (dir: string, origin: string) => `Data folder to start: ${dir} (${origin})`,
  contractTo: (dir: string, origin: string, file: string, given: boolean) =>
    `Data folder: ${dir} (${origin}); the contract is written to ${given ? `${file} (given by --out)` : file}`,
  contractFrom: (dir: string, origin: string, file: string, given: boolean) =>
    `Data folder: ${dir} (${origin}); contract: ${given ? `${file} (given by --contract)` : file}`,
} as const;
