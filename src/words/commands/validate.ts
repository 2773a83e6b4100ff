import { stopLine } from "./lines.js";

/** The words of `kpi-report validate`: the one line for a return checked outside any data folder, and the tally. */
export const VALIDATE_WORDS = {
  /** Where the month a finding names came from, when the officer gave it. */
  monthGiven: "given by --month",
  contractNamed: (id: string | undefined) =>
    id ? `the council's contract ${JSON.stringify(id)}, which it names` : "the council's contract",
  contractNeeded: (file: string, which: string, cause: string) =>
    `To check ${file}, validate needs ${which}: run it in the council's data folder (where contract.json is), or pass --data DIR or --contract FILE. ${cause}`,
  contractNeededHint:
    "The council has the contract; a supplier can ask it for contract.json, or send the return for the council to check.",
  unreadable: (message: string, hint: string | undefined) =>
    stopLine(`${message}${hint ? `\n  ${hint}` : ""}`),
  tally: (files: number, valid: number, invalid: number, unreadable: number) =>
    `\n${files} files: ${valid} valid, ${invalid} not valid, ${unreadable} unreadable.`,
  noMatch: (pattern: string) => `No file matches ${pattern}.`,
  /** Where a finding of the contract a return carries is (read/contract-copy.ts). */
  copyPlace: (file: string) => `the copy of the contract in ${file}`,
  checkedAgainstCopy: (id: string, file: string, sha256: string) =>
    stopLine(
      `no contract.json here: checked against the copy of contract ${JSON.stringify(id)} that ${file} carries (made from a contract.json with SHA-256 ${sha256.slice(0, 12)}...); the council checks it again against its own.`,
    ),
  copyNotUsed: (problem: string) => ` (${problem}, so it is not used)`,
} as const;
