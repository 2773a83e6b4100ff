import Handlebars from "handlebars";
import { InputError } from "../errors.js";
import type { Contract } from "../schema/contract.js";
import type { MonthResults } from "../schema/results.js";
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
