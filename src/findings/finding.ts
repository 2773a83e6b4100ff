import * as z from "zod";

export const SeveritySchema = z.enum(["error", "warning"]);

/** One problem found in an input. Data, never an exception: see the brief in docs/findings.md. */
export const FindingSchema = z
  .object({
    code: z.string(),
    severity: SeveritySchema,
    /** The file the finding is about, when a run reads several. */
    file: z.string().optional(),
    sheet: z.string().optional(),
    /** An A1 address ("E7"), or absent for whole-sheet or whole-file findings. */
    cell: z.string().optional(),
    message: z.string(),
    found: z.string().optional(),
    expected: z.string().optional(),
  })
  .strict();

export type Severity = z.infer<typeof SeveritySchema>;
export type Finding = z.infer<typeof FindingSchema>;

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
