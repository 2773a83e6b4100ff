import type { CommanderError } from "commander";
import { OPTION_WORDS } from "./commands/option-words.js";

/** What each command is for, as a "did you mean" can't say: the line under an unknown command. */
const USAGE_HINT =
  "Run kpi-report --help for the commands, or kpi-report COMMAND --help for one command's options and examples.";

/**
 * Commander's messages in this tool's words: what was given, what is allowed, an example.
 * Commander has already parsed the line; only its wording is replaced.
 */
export function commanderProblem(
  error: CommanderError,
  command: string | undefined,
  commands: readonly string[],
): { message: string; hint: string } {
  const text = error.message.replace(/^error: /, "");
  const quoted = [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const hint = command ? `Run kpi-report ${command} --help for its options and examples.` : USAGE_HINT;
  switch (error.code) {
    case "commander.unknownCommand":
      return {
        message: `${quoted[0]} is not a command: the commands are ${commands.join(", ")}.${didYouMean(text)}`,
        hint: USAGE_HINT,
      };
    case "commander.unknownOption":
      return {
        message: `${quoted[0]} is not an option of ${command ?? "kpi-report"}.${didYouMean(text)}`,
        hint,
      };
    case "commander.optionMissingArgument": {
      // Commander quotes the option as declared ("-m, --month <YYYY-MM>"): the long flag names it.
      const parts = (quoted[0] ?? "").split(/[ ,]+/);
      const flag = parts.find((p) => p.startsWith("--")) ?? parts[0] ?? "";
      const key = flag.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      const words = OPTION_WORDS[command === "build" && key === "month" ? "months" : key];
      return {
        message: `${flag} needs a value${words ? `: ${words.allowed}, e.g. ${words.example}` : "."}`,
        hint,
      };
    }
    case "commander.missingArgument":
      return {
        message: `${command} needs the file to check, e.g. kpi-report ${command} data/returns/2022-09.xlsx`,
        hint,
      };
    case "commander.excessArguments":
      return {
        message: `${command} takes options only, and was also given a word that is not one, e.g. kpi-report ${command} --month 2022-09`,
        hint,
      };
    case "commander.conflictingOption": {
      const [a, b] = quoted.map((q) => q.split(" ")[0]);
      return { message: `${a} cannot be used with ${b}: choose one.`, hint };
    }
    default:
      return { message: text, hint };
  }
}

function didYouMean(text: string): string {
  const match = /\(Did you mean (.+)\?\)/.exec(text);
  return match ? ` Did you mean ${match[1]}?` : "";
}
