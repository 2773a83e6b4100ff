import { PERCENT_TOLERANCE, type KpiStatus } from "../schema/return.js";
import type { KpiColumnKey } from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import type { Place } from "./cells.js";
import type { Id } from "../schema/id.js";

export interface Figures {
  achieved: number | undefined;
  total: number | undefined;
  count: number | undefined;
  percentage: number | undefined;
}

const FIGURES = ["achieved", "total", "count", "percentage"] as const;

/**
 * The rules between a row's status and its figures. `unreadable` names the cells that already
 * have a finding of their own: a rule that depends on one of them says nothing, since what the
 * cell really holds is unknown until it is fixed.
 */
export function checkFigures(
  kpi: Id,
  status: KpiStatus | undefined,
  figures: Figures,
  unreadable: ReadonlySet<KpiColumnKey>,
  place: (key: KpiColumnKey) => Place,
  percentageMaybeFraction = false,
): Finding[] {
  const findings: Finding[] = [];
  const { achieved, total, percentage } = figures;
  const given = FIGURES.filter((key) => figures[key] !== undefined);
  const anyUnreadable = FIGURES.some((key) => unreadable.has(key));
  if (status === "measured" && given.length === 0 && !anyUnreadable) {
    findings.push(
      finding("figures-missing", `KPI ${kpi} is "measured" but has no figures.`, {
        ...place("achieved"),
        found: "no Achieved, Out of, Count or Percentage",
        expected: "the figures, or another status",
      }),
    );
  }
  if (status !== undefined && status !== "measured" && given.length > 0) {
    findings.push(
      finding(
        "figures-unexpected",
        `KPI ${kpi} is "${status}" but has figures (${given.map((k) => place(k).label).join(", ")}).`,
        { ...place(given[0]!), found: "figures", expected: `no figures, or the status "measured"` },
      ),
    );
  }
  if (
    (achieved === undefined) !== (total === undefined) &&
    !unreadable.has("achieved") &&
    !unreadable.has("total")
  ) {
    const [has, missing] =
      achieved === undefined ? (["total", "achieved"] as const) : (["achieved", "total"] as const);
    findings.push(
      finding(
        "achieved-without-total",
        `KPI ${kpi} gives ${place(has).label} without ${place(missing).label}.`,
        { ...place(missing), found: "nothing", expected: "both Achieved and Out of, or neither" },
      ),
    );
  }
  const countsUnknown = unreadable.has("achieved") || unreadable.has("total");
  if (
    percentageMaybeFraction &&
    percentage !== undefined &&
    (achieved === undefined || total === undefined) &&
    !countsUnknown
  ) {
    // With counts, the counts settle it (below); without, only the supplier knows which was meant.
    // A count cell with a finding of its own may settle it once fixed, so until then this says nothing.
    const cell = place("percentage");
    findings.push(
      finding(
        "percentage-ambiguous",
        `KPI ${kpi}: ${cell.label} in ${cell.cell} is ${percentage}, with no percentage format: did you mean ${fromFraction(percentage)}%? It is read as typed, ${percentage}%; type ${fromFraction(percentage)} (or ${fromFraction(percentage)}%) if that is what you meant.`,
        {
          ...cell,
          found: String(percentage),
          expected: `${percentage} if ${percentage}% is meant; ${fromFraction(percentage)} for ${fromFraction(percentage)}%`,
        },
      ),
    );
  }
  if (achieved === undefined || total === undefined) return findings;
  if (achieved > total) {
    findings.push(
      finding(
        "achieved-exceeds-total",
        `KPI ${kpi}: Achieved (${achieved}) is more than Out of (${total}).`,
        { ...place("achieved"), found: `${achieved} of ${total}`, expected: `at most ${total}` },
      ),
    );
  } else if (total === 0) {
    findings.push(
      finding("total-zero", `KPI ${kpi}: Out of is 0, read as no activity this month.`, {
        ...place("total"),
        found: "0",
        expected: 'the number of cases, or the status "not applicable"',
      }),
    );
  } else if (
    percentage !== undefined &&
    Math.abs((achieved / total) * 100 - percentage) > PERCENT_TOLERANCE
  ) {
    const computed = Math.round((achieved / total) * 1000) / 10;
    // 0.995 beside 199 of 200: a fraction typed where the percentage belongs.
    const asFraction =
      percentageMaybeFraction &&
      Math.abs((achieved / total) * 100 - fromFraction(percentage)) <= PERCENT_TOLERANCE
        ? ` It looks like a fraction: type ${fromFraction(percentage)}, or ${fromFraction(percentage)}%.`
        : "";
    findings.push(
      finding(
        "percentage-contradicts",
        `KPI ${kpi}: ${percentage}% does not match ${achieved} of ${total} (${computed}%).${asFraction}`,
        { ...place("percentage"), found: `${percentage}`, expected: `${computed}, or leave it empty` },
      ),
    );
  }
  return findings;
}

/** A fraction as the percentage it would be: 0.995 as 99.5, without the float's 99.49999999999999. */
function fromFraction(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}
