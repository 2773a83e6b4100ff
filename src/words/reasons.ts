import type { KpiResult, Reason } from "../schema/results.js";
import { outcomeWords } from "./outcomes.js";
import { judgedFigures, percentText, reportedShort } from "./figures.js";
import { monthLabel } from "./months.js";
import { NO_TARGET_TEXT, offPeriodText, targetReasonText } from "./targets.js";

/** Drops a trailing full stop so the council's reason can sit inside a sentence of ours. */
const clause = (text: string) => text.trim().replace(/\.+$/, "");

const STATUS: Record<
  Extract<Reason, { code: "not-captured" | "not-applicable" | "no-service" | "not-due" }>["code"],
  string
> = {
  "not-captured": "Not captured this month",
  "not-applicable": "Not applicable this month",
  "no-service": "No service running",
  "not-due": "Not due this month",
};

/** Why the figures give their outcome: "17 of 27 (63%) is below the 98% target", "Report delivered this month". */
export function figuresReason(result: Pick<KpiResult, "reason" | "actual">): string {
  const { reason, actual } = result;
  switch (reason.code) {
    case "no-activity":
      return "No activity this month (0 of 0)";
    case "meets-target":
    case "below-target": {
      const judged =
        reason.basis === "counts" ? judgedFigures(actual)! : `Stated ${percentText(actual.shown!)}`;
      return `${judged} ${reason.code === "meets-target" ? "meets" : "is below"} the ${percentText(reason.target)} target`;
    }
    case "zero-total":
      return `Measured, but ${reason.achieved} of 0 cannot be judged`;
    case "no-figures":
      return "Measured, but no figures given";
    case "no-count":
      return "Measured, but no count given";
    case "no-row":
      return "No figure in the return";
    case "under-limit":
    case "over-limit": {
      const share = reportedShort(actual);
      return `${counted(reason)}${share ? `, ${share}` : ""}`;
    }
    case "reported-unknown":
      return `${counted(reason)}, but no figure for how many were reported (target ${percentText(reason.reportedAtLeast)})`;
    case "under-reported":
      return `${counted(reason)}, but only ${reportedShort(actual)} (target ${percentText(reason.reportedAtLeast)})`;
    case "covered":
      return `Report delivered in ${monthLabel(reason.month)} covers this period`;
    case "report-delivered":
      return "Report delivered this month";
    case "no-report": {
      const before = reason.monthsBefore;
      return `No report delivered this month${before === 0 ? "" : `, nor in the returns for the previous ${before === 1 ? "month" : `${before} months`}`}`;
    }
    case "within-target":
    case "outside-target":
      return targetReasonText(reason, actual);
    case "off-period":
      return offPeriodText(reason.frequency, reason.nextDue);
    case "no-target":
      return NO_TARGET_TEXT;
    default:
      return STATUS[reason.code];
  }
}

const counted = (r: { count: number; below: number }) =>
  `${r.count} this month (target fewer than ${r.below})`;

/** The reason a reader sees: the council's override when there is one (with what the figures gave), else the figures'. */
export function reasonText(
  result: Pick<KpiResult, "reason" | "actual" | "override" | "computedOutcome">,
): string {
  if (!result.override) return figuresReason(result);
  return `Overridden by the council: ${clause(result.override.reason)} (figures give: ${outcomeWords(result.computedOutcome)})`;
}
