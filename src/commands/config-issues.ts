import type * as z from "zod";
import { OPTION_WORDS } from "./option-words.js";
import { JSON_PROBLEM } from "../words/commands/data.js";
import { OPTION_PROBLEM } from "../words/commands/options.js";

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
    : JSON_PROBLEM.theFile;
}

/**
 * A JSON file's problems (a build config, a contract) as lines a person can act on, in words of our
 * own (words/commands/data.ts). `fields` names what an entry may hold, where the file has one kind of entry.
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
        return JSON_PROBLEM.unknownFields(at, issue.keys, fields);
      case "invalid_type":
        return found === undefined
          ? JSON_PROBLEM.missing(at)
          : JSON_PROBLEM.wrongType(at, found, issue.expected);
      case "invalid_value":
        return JSON_PROBLEM.notOneOf(at, found, issue.values);
      case "too_small":
        return JSON_PROBLEM.empty(at);
      default: {
        const words = OPTION_WORDS[last === "month" ? "months" : String(last)];
        // zod's message for a refinement of our own schema is ours; its stock messages are not used.
        const own =
          issue.code === "custom" || (issue.code === "invalid_format" && !/^Invalid/.test(issue.message));
        const value = found !== undefined && typeof found !== "object" ? JSON_PROBLEM.is(found) : "";
        return JSON_PROBLEM.bad(
          at,
          value,
          words ? OPTION_PROBLEM.allowed(words) : own ? issue.message : JSON_PROBLEM.unusable,
        );
      }
    }
  });
  if (issues.length > limit) lines.push(JSON_PROBLEM.more(issues.length - limit));
  return lines.map(JSON_PROBLEM.line).join("\n");
}
