import type { z } from "zod";
import { OPTION_WORDS } from "./option-words.js";

const TYPE_WORDS: Record<string, string> = {
  string: "text in quotes",
  number: "a number",
  array: "a list in [ ]",
  object: "an object in { }",
  boolean: "true or false",
};

/** The value the file has at `path` (zod does not keep it by default). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path)
    value =
      value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Where in the config: builds[0].month. */
function where(path: readonly PropertyKey[]): string {
  return path.length
    ? path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("")
    : "the file";
}

/**
 * A JSON file's problems (a build config, a contract) as lines a person can act on, in words of our
 * own. `fields` names what an entry may hold, where the file has one kind of entry.
 */
export function configProblems(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  fields?: readonly string[],
  limit = 10,
): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const at = where(issue.path);
    const found = valueAt(root, issue.path);
    const last = [...issue.path].reverse().find((p) => typeof p === "string");
    switch (issue.code) {
      case "unrecognized_keys":
        return `${at}: ${issue.keys.map((k) => `"${k}"`).join(", ")} is not a field kpi-report reads here${fields ? `; the fields are ${fields.join(", ")}` : ""}`;
      case "invalid_type":
        return found === undefined
          ? `${at} is missing`
          : `${at} is ${JSON.stringify(found)}: it must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
      case "invalid_value":
        return `${at} is ${JSON.stringify(found)}: it must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
      case "too_small":
        return `${at} must not be empty`;
      default: {
        const words = OPTION_WORDS[last === "month" ? "months" : String(last)];
        // zod's message for a refinement of our own schema is ours; its stock messages are not used.
        const own =
          issue.code === "custom" || (issue.code === "invalid_format" && !/^Invalid/.test(issue.message));
        const value = found !== undefined && typeof found !== "object" ? ` is ${JSON.stringify(found)}` : "";
        return `${at}${value}: ${words ? `${words.allowed}, e.g. ${words.example}` : own ? issue.message : "not a value kpi-report can use here"}`;
      }
    }
  });
  if (issues.length > limit) lines.push(`... and ${issues.length - limit} more`);
  return lines.map((l) => `  - ${l}`).join("\n");
}
