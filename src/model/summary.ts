import Handlebars from "handlebars";
import { InputError } from "../errors.js";
import type { Contract } from "../schema/contract.js";
import type { MonthResults } from "../schema/results.js";
import type { Outcome } from "../schema/return.js";
import { kpiList, monthLabel } from "../evaluate/index.js";

/** What the summary template can say. Documented in templates/README.md for officers who edit it. */
export interface SummaryContext {
  month: string;
  monthLabel: string;
  supplier: string;
  council: string;
  met: number;
  notMet: number;
  notMetList: string;
  notCaptured: number;
  notCapturedList: string;
  notApplicable: number;
  notDue: number;
  overridden: number;
  overriddenList: string;
  total: number;
  /** Every outcome that occurs, counted in words: "24 were fully achieved and 3 did not fully meet the requirements (KPI 5, 26 and 27)". */
  outcomes: string;
}

const were = (n: number) => (n === 1 ? "was" : "were");

/**
 * Each outcome that occurs this month, as a clause with its count, in the order a committee
 * reads them; met always comes first (as "none" when there are none), so the clauses add up
 * to every KPI of the contract.
 */
export function outcomeClauses(results: MonthResults): string[] {
  const numbers = (outcome: Outcome) => results.kpis.filter((k) => k.outcome === outcome).map((k) => k.number).sort((a, b) => a - b);
  const clauses: string[] = [];
  const met = numbers("met").length;
  clauses.push(met === 0 ? "none was fully achieved" : `${met} ${were(met)} fully achieved`);
  const notMet = numbers("not-met");
  if (notMet.length) clauses.push(`${notMet.length} did not fully meet the requirements (${kpiList(notMet)})`);
  const notCaptured = numbers("not-captured");
  if (notCaptured.length) clauses.push(`${notCaptured.length} could not be judged because the figures were not captured (${kpiList(notCaptured)})`);
  const notApplicable = numbers("not-applicable").length;
  if (notApplicable) clauses.push(`${notApplicable} ${were(notApplicable)} not applicable`);
  const notDue = numbers("not-due").length;
  if (notDue) clauses.push(`${notDue} ${were(notDue)} not due this month`);
  return clauses;
}

function joinClauses(clauses: readonly string[]): string {
  return clauses.length <= 1 ? clauses.join("") : `${clauses.slice(0, -1).join(", ")} and ${clauses[clauses.length - 1]}`;
}

export function summaryContext(contract: Contract, results: MonthResults): SummaryContext {
  const notCaptured = results.kpis.filter((k) => k.outcome === "not-captured").map((k) => k.number);
  const s = results.summary;
  return {
    month: results.month,
    monthLabel: monthLabel(results.month),
    supplier: contract.supplier,
    council: contract.council,
    met: s.met,
    notMet: s.notMet,
    notMetList: s.notMetKpis.length ? kpiList(s.notMetKpis) : "",
    notCaptured: s.notCaptured,
    notCapturedList: notCaptured.length ? kpiList(notCaptured) : "",
    notApplicable: s.notApplicable,
    notDue: s.notDue,
    overridden: s.overridden.length,
    overriddenList: s.overridden.length ? kpiList(s.overridden) : "",
    total: results.kpis.length,
    outcomes: joinClauses(outcomeClauses(results)),
  };
}

/**
 * Fills the officer-editable summary template. Its own Handlebars instance keeps helpers
 * local, and noEscape because the output is plain text, not HTML.
 */
export function renderSummary(templateSource: string, context: SummaryContext): string {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("plural", (n: unknown, one: unknown, many: unknown) => (n === 1 ? one : many));
  try {
    const template = handlebars.compile(templateSource, { noEscape: true, strict: true });
    return template(context).replace(/\s+/g, " ").trim();
  } catch (error) {
    // A template is the officer's own text: its mistakes are input errors, told in Handlebars' words.
    const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new InputError(`The summary template cannot be used: ${detail}`, undefined, "See templates/README.md for the names a template can use.");
  }
}
