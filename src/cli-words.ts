import type { CommanderError } from "commander";
import { OPTION_WORDS } from "./commands/option-words.js";
import { CLI_WORDS } from "./words/commands/cli.js";
import { OPTION_PROBLEM } from "./words/commands/options.js";

/**
 * Commander's messages in this tool's words (words/commands/cli.ts): what was given, what is
 * allowed, an example. Commander has already parsed the line; only its wording is replaced.
 */
export function commanderProblem(
  error: CommanderError,
  command: string | undefined,
  commands: readonly string[],
): { message: string; hint: string } {
  const text = error.message.replace(/^error: /, "");
  const quoted = [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const hint = command ? CLI_WORDS.commandHint(command) : CLI_WORDS.usageHint;
  switch (error.code) {
    case "commander.unknownCommand":
      return {
        message: CLI_WORDS.unknownCommand(quoted[0]!, commands, didYouMean(text)),
        hint: CLI_WORDS.usageHint,
      };
    case "commander.unknownOption":
      return { message: CLI_WORDS.unknownOption(quoted[0]!, command, didYouMean(text)), hint };
    case "commander.optionMissingArgument": {
      // Commander quotes the option as declared ("-m, --month <YYYY-MM>"): the long flag names it.
      const parts = (quoted[0] ?? "").split(/[ ,]+/);
      const flag = parts.find((p) => p.startsWith("--")) ?? parts[0] ?? "";
      const key = flag.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      const words = OPTION_WORDS[command === "build" && key === "month" ? "months" : key];
      return { message: CLI_WORDS.needsValue(flag, words && OPTION_PROBLEM.allowed(words)), hint };
    }
    case "commander.missingArgument":
      return { message: CLI_WORDS.needsFile(command), hint };
    case "commander.excessArguments":
      return { message: CLI_WORDS.optionsOnly(command), hint };
    case "commander.conflictingOption": {
      const [a, b] = quoted.map((q) => q.split(" ")[0]);
      return { message: CLI_WORDS.conflicting(a, b), hint };
    }
    default:
      return { message: text, hint };
  }
}

function didYouMean(text: string): string {
  const match = /\(Did you mean (.+)\?\)/.exec(text);
  return match ? CLI_WORDS.didYouMean(match[1]!) : "";
}
