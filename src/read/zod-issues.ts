import type { z } from "zod";

/** zod's issues as lines a person can act on: "kpis[3].rank: expected a number". */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], limit = 20): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const where = issue.path.length ? issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") : "(top level)";
    return `  - ${where}: ${issue.message}`;
  });
  if (issues.length > limit) lines.push(`  - ... and ${issues.length - limit} more`);
  return lines.join("\n");
}
