import type * as z from "zod";
import { closest } from "../text/closest.js";

/** A contract as read, and where each value came from ("line 3, column 5", "KPIs!G4"), when known. */
export interface LocatedContract {
  value: unknown;
  place(path: readonly PropertyKey[]): string | undefined;
}

/**
 * A contract's schema problems as lines an officer can act on, each with its line and column and
 * the KPI or MSR it is in counted from 1 as a person counts ("KPI 3a (the 4th in kpis)"), in words
 * of our own: zod's stock messages ("Invalid input") are never shown.
 */

const TYPE_WORDS: Record<string, string> = {
  string: "text in double quotes",
  number: "a number",
  int: "a whole number",
  array: "a list in [ ]",
  object: "an object in { }",
  boolean: "true or false",
  tuple: "a list in [ ]",
  "number or string": "a whole number or text in double quotes",
};

const ENTRY_NAMES: Record<string, string> = { kpis: "KPI", msrs: "MSR" };
const MAX_LINES = 20;

export function contractProblems(
  issues: readonly z.core.$ZodIssue[],
  parsed: LocatedContract,
  schema: z.ZodType,
): string[] {
  const all = flatten(issues, []);
  // A misspelt key is said once, as "did you mean", not again as the key it meant being missing.
  const meant = new Set(
    all.flatMap((i) =>
      i.code === "unrecognized_keys"
        ? i.keys
            .map((k) => closest(k, keysAt(schema, i.path)))
            .filter((k) => k !== undefined)
            .map((k) => JSON.stringify([...i.path, k]))
        : [],
    ),
  );
  const kept = all.filter(
    (i) =>
      !(
        i.code === "invalid_type" &&
        valueAt(parsed.value, i.path) === undefined &&
        meant.has(JSON.stringify(i.path))
      ),
  );
  const lines = kept.map((issue) => {
    const path = issue.path;
    const keyPath =
      issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...path, issue.keys[0]!] : path;
    const position = parsed.place(keyPath);
    const subject = describePath(path, parsed.value);
    return `${position ? `${position}: ` : ""}${subject}${body(issue, valueAt(parsed.value, path), schema, path)}`;
  });
  return lines.length > MAX_LINES
    ? [...lines.slice(0, MAX_LINES), `... and ${lines.length - MAX_LINES} more`]
    : lines;
}

/** A union's failure as the issues of the option the entry was most likely meant to be. */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== "invalid_union" || !issue.errors.length)
      return [{ ...issue, path } as z.core.$ZodIssue];
    // A value of the wrong type for every option (an id given as true): one line naming every type it may be.
    const types = issue.errors.map((e) =>
      e.length === 1 && e[0]!.code === "invalid_type" ? e[0]!.expected : "",
    );
    if (types.every((t) => t !== "") && issue.errors.every((e) => e[0]!.path.length === 0))
      return [{ ...issue.errors[0]![0]!, path, expected: types.join(" or ") } as z.core.$ZodIssue];
    // The option whose kind matched (no complaint about "kind"), else the one with fewest complaints.
    const ranked = [...issue.errors].sort((a, b) => kindMiss(a) - kindMiss(b) || a.length - b.length);
    return flatten(ranked[0]!, path);
  });
}

/** An option of the wrong type altogether (a list where an object was given) is the least likely meant; then one whose kind missed. */
const kindMiss = (issues: readonly z.core.$ZodIssue[]) =>
  issues.some((i) => i.path.length === 0 && i.code === "invalid_type")
    ? 2
    : issues.some((i) => i.path.length === 1 && i.path[0] === "kind")
      ? 1
      : 0;

function body(
  issue: z.core.$ZodIssue,
  found: unknown,
  schema: z.ZodType,
  path: readonly PropertyKey[],
): string {
  const shown = found !== undefined && typeof found !== "object" ? ` is ${JSON.stringify(found)}` : "";
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = keysAt(schema, path);
      return issue.keys
        .map((key) => {
          const near = closest(key, known);
          return `: "${key}" is not a key kpi-report reads here; ${near ? `did you mean "${near}"?` : `the keys are ${known.map((k) => `"${k}"`).join(", ")}`}`;
        })
        .join("; ");
    }
    case "invalid_type":
      if (found === undefined) return " is missing";
      return `${shown || ` is ${typeWord(found)}`}: it must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return `${shown}: it must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`}`;
    case "invalid_union":
      // A discriminated union whose "kind" matched no option (zod lists the kinds there are).
      return "options" in issue && Array.isArray(issue.options)
        ? `${shown}: it must be one of ${(issue.options as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`
        : `${shown}: not a value kpi-report can use here`;
    case "too_small":
      if (issue.origin === "number")
        return `${shown}: it must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum}`;
      if (issue.origin === "array" && Number(issue.minimum) > 1)
        return `: the list must have at least ${issue.minimum} entries`;
      return " must not be empty";
    case "too_big":
      if (issue.origin === "number")
        return `${shown}: it must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}`;
      if (issue.origin === "array") return `: the list must have at most ${issue.maximum} entries`;
      return `: it must be at most ${issue.maximum} characters`;
    default: {
      // A refinement of our own schema carries our message; zod's stock ones start "Invalid".
      const own = !/^Invalid|^Too (big|small)/.test(issue.message);
      return `${shown}: ${own ? issue.message : "not a value kpi-report can use here"}`;
    }
  }
}

function typeWord(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : JSON.stringify(value);
}

/** "KPI 3a (the 4th in kpis), target.atLeast" or "the 2nd MSR in msrs, text". */
export function describePath(path: readonly PropertyKey[], root: unknown): string {
  if (!path.length) return "the file";
  let rest = path;
  let entry = "";
  const name = ENTRY_NAMES[String(path[0])];
  if (name && typeof path[1] === "number") {
    const item = valueAt(root, path.slice(0, 2));
    const id =
      item !== null && typeof item === "object"
        ? ((item as Record<string, unknown>).id ?? (item as Record<string, unknown>).number)
        : undefined;
    const nth = ordinal(path[1] + 1);
    entry =
      typeof id === "string" || typeof id === "number"
        ? `${name} ${id} (the ${nth} in ${String(path[0])})`
        : `the ${nth} ${name} in ${String(path[0])}`;
    rest = path.slice(2);
  }
  const field = rest
    .map((k, i) => (typeof k === "number" ? ` (its ${ordinal(k + 1)} entry)` : `${i ? "." : ""}${String(k)}`))
    .join("");
  return [entry, field].filter(Boolean).join(", ");
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path)
    value =
      value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The keys the schema allows for the object at `path` (every option's, under a union). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType[] = [schema as unknown as z.core.$ZodType];
  const keys = new Set<string>();
  const unwrap = (s: z.core.$ZodType): z.core.$ZodType[] => {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (
      def.type === "optional" ||
      def.type === "default" ||
      def.type === "nullable" ||
      def.type === "prefault"
    )
      return unwrap(def.innerType as z.core.$ZodType);
    if (def.type === "pipe") return unwrap(def.in as z.core.$ZodType);
    if (def.type === "union") return (def.options as z.core.$ZodType[]).flatMap(unwrap);
    return [s];
  };
  for (const key of path) {
    current = current.flatMap(unwrap).flatMap((s) => {
      const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === "object" && typeof key === "string")
        return (def.shape as Record<string, z.core.$ZodType>)[key] ?? [];
      if (def.type === "array" && typeof key === "number") return [def.element as z.core.$ZodType];
      if (def.type === "tuple" && typeof key === "number") return (def.items as z.core.$ZodType[])[key] ?? [];
      return [];
    });
  }
  for (const s of current.flatMap(unwrap)) {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === "object") for (const k of Object.keys(def.shape as object)) keys.add(k);
  }
  return [...keys];
}
