import type * as z from "zod";
import { DOCUMENT_FORMATS } from "../render/registry.js";
import { OPTION_PROBLEM, optionWords } from "../words/commands/options.js";

/** What each option allows, in words, with an example (words/commands/options.ts), for this build's formats. */
export const OPTION_WORDS = optionWords(DOCUMENT_FORMATS);

export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** A value as typed: bare, or quoted when empty or spaced so it can be seen. */
export function shown(value: unknown): string {
  const text = Array.isArray(value) ? value.join(" ") : String(value);
  return text === "" || /\s/.test(text) ? JSON.stringify(text) : text;
}

/** One sentence for the first issue of a failed parse of the options. */
export function optionProblem(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  words: Record<string, string> = {},
): string {
  const key = String(issue.path[0] ?? "");
  const flag = flagOf(key);
  const given = raw[key];
  const allowed = OPTION_PROBLEM.allowed(OPTION_WORDS[words[key] ?? key]);
  // A custom issue is a sentence of our own (a refine): it says what is wrong in its own words.
  if (issue.code === "custom")
    return given === undefined
      ? issue.message
      : OPTION_PROBLEM.own(flag, shown(given), issue.message, allowed);
  if (given === undefined) return OPTION_PROBLEM.required(flag, allowed);
  return OPTION_PROBLEM.given(flag, shown(given), allowed);
}
