import type { z } from "zod";
import { DOCUMENT_FORMATS } from "../render/registry.js";

/**
 * What each option allows, in words, with an example: a bad value is told as
 * "--month 2022-13: months are YYYY-MM, e.g. 2022-09", never in the schema library's words.
 */
export const OPTION_WORDS: Record<string, { allowed: string; example: string }> = {
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
  formats: {
    allowed: `formats are ${DOCUMENT_FORMATS.join(", ")}, comma-separated`,
    example: "pdf or pdf,html",
  },
  format: { allowed: "the output is text or json", example: "json" },
  validateFormat: {
    allowed: "the output is text, json or github (annotations for GitHub Actions)",
    example: "github",
  },
  startPage: { allowed: "the first page number is a whole number, 1 or more", example: "5" },
  maxErrors: { allowed: "the most findings to list is a whole number, 1 or more", example: "50" },
};

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
  const rule = OPTION_WORDS[words[key] ?? key];
  const allowed = rule ? `${rule.allowed}, e.g. ${rule.example}` : "see --help";
  // A custom issue is a sentence of our own (a refine): it says what is wrong in its own words.
  if (issue.code === "custom")
    return given === undefined ? issue.message : `${flag} ${shown(given)}: ${issue.message}; ${allowed}`;
  if (given === undefined) return `${flag} is required: ${allowed}`;
  return `${flag} ${shown(given)}: ${allowed}`;
}
