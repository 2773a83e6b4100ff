/**
 * What each option allows, in words, with an example: a bad value is told as
 * "--month 2022-13: months are YYYY-MM, e.g. 2022-09", never in the schema library's words.
 * `formats` are the document renderers' names (the registry, which words/ cannot import, gives them).
 */
export interface OptionWord {
  allowed: string;
  example: string;
}

export const formatsAllowed = (formats: readonly string[]) =>
  `formats are ${formats.join(", ")}, comma-separated`;

export function optionWords(formats: readonly string[]): Record<string, OptionWord> {
  return {
    month: { allowed: "months are YYYY-MM", example: "2022-09" },
    months: {
      allowed: "months are YYYY-MM, a range FROM..TO or a comma-separated list",
      example: "2022-09, 2022-03..2022-09 or 2022-07,2022-09",
    },
    from: { allowed: "months are YYYY-MM", example: "2022-03" },
    data: { allowed: "the data folder holding contract.json and returns/", example: "../council-data" },
    contract: { allowed: "a contract file", example: "data/contract.json" },
    config: { allowed: "a build config file (JSON)", example: "builds.json" },
    out: { allowed: "a folder to write into", example: "out" },
    summary: { allowed: "a file for the markdown summary", example: "out/summary.md" },
    formats: { allowed: formatsAllowed(formats), example: "pdf or pdf,html" },
    format: { allowed: "the output is text or json", example: "json" },
    validateFormat: {
      allowed: "the output is text, json or github (annotations for GitHub Actions)",
      example: "github",
    },
    startPage: { allowed: "the first page number is a whole number, 1 or more", example: "5" },
    maxErrors: { allowed: "the most findings to list is a whole number, 1 or more", example: "50" },
  };
}

/** One sentence for the first problem of the options (commands/option-words.ts says which). */
export const OPTION_PROBLEM = {
  /** "months are YYYY-MM, e.g. 2022-09"; "see --help" for an option with no words. */
  allowed: (rule: OptionWord | undefined) => (rule ? `${rule.allowed}, e.g. ${rule.example}` : "see --help"),
  required: (flag: string, allowed: string) => `${flag} is required: ${allowed}`,
  given: (flag: string, value: string, allowed: string) => `${flag} ${value}: ${allowed}`,
  /** A rule of our own (a refine) says what is wrong in its own words, then what is allowed. */
  own: (flag: string, value: string, message: string, allowed: string) =>
    `${flag} ${value}: ${message}; ${allowed}`,
} as const;

/** The options' rules that are not one option's value (commands/options.ts). */
export const OPTION_RULES = {
  monthSpec: "a month (YYYY-MM), a range (YYYY-MM..YYYY-MM) or a comma-separated list",
  rangeBackwards: "the range ends before it starts",
  monthAndConfig: "--month and --config cannot be used together: the config file names its own months",
  monthRequired:
    "--month is required (or --config FILE): months are YYYY-MM, a range FROM..TO or a comma-separated list, e.g. 2022-09 or 2022-03..2022-09",
  fromAfter: (from: string, month: string) => `--from ${from} is after the month ${month}.`,
} as const;
