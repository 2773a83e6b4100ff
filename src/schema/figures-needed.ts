import type { Target } from "./contract.js";

/**
 * Which figures a KPI's target needs, in the words of the return's "Figures needed" column (the
 * template writes them on each KPI row) and of validate's `figure-needed` warning, which quotes
 * them: decided once, here, so what the supplier is asked for and what the warning says it lacks
 * cannot drift apart. Each mirrors what the evaluator reads for that kind of target
 * (src/evaluate/*-target.ts), so a supplier who follows it is never "not captured".
 */
export function figuresNeeded(target: Target): string {
  switch (target.kind) {
    case "percentage":
      return "Achieved and Out of (e.g. 17 and 27). Percentage only where no counts exist.";
    case "value":
    case "average":
      return `The figure in Count${target.unit ? ` (in ${target.unit})` : ""}${target.decimals === 0 ? "" : `, up to ${target.decimals ?? 2} decimal places`}.`;
    case "count":
      return target.reportedAtLeast === undefined
        ? "Count."
        : "Count, and how many of them were reported: Achieved and Out of (or Percentage). With a Count of 0, nothing more.";
    case "report":
      return "In the month the report is delivered: 1 in Achieved and 1 in Out of.";
  }
}
