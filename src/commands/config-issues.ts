import type { z } from "zod";
import { OPTION_WORDS } from "./option-words.js";

const TYPE_WORDS: Record<string, string> = {
  string: "text in quotes",
  number: "a number",
  array: "a list in [ ]",
  object: "an object in { }",
  boolean: "true or false",
};

/** Where in the config: builds[0].month. */
function where(path: readonly PropertyKey[]): string {
  return path.length ? path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") : "the file";
}

/** A build config's problems as lines a person can act on, in words of our own. */
export function configProblems(issues: readonly z.core.$ZodIssue[], fields: readonly string[], limit = 10): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const at = where(issue.path);
    const last = [...issue.path].reverse().find((p) => typeof p === "string");
    switch (issue.code) {
      case "unrecognized_keys":
        return `${at}: ${issue.keys.map((k) => `"${k}"`).join(", ")} is not a field of a build; the fields are ${fields.join(", ")}`;
      case "invalid_type":
        return (issue as { input?: unknown }).input === undefined ? `${at} is missing` : `${at} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
      case "too_small":
        return `${at} must not be empty`;
      default: {
        const words = OPTION_WORDS[last === "month" ? "months" : String(last)];
        return `${at}: ${words ? `${words.allowed}, e.g. ${words.example}` : "not a value kpi-report can use here"}`;
      }
    }
  });
  if (issues.length > limit) lines.push(`... and ${issues.length - limit} more`);
  return lines.map((l) => `  - ${l}`).join("\n");
}
