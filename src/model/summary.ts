import Handlebars from "handlebars";
import { TemplateError } from "../errors.js";
import { closest } from "../text/closest.js";
import type { Contract } from "../schema/contract.js";
import type { MonthResults } from "../schema/results.js";
import type { Outcome } from "../schema/return.js";
import { joinList, kpiList, monthLabel } from "../words/index.js";
import { compareIds } from "../schema/id.js";

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
  const numbers = (outcome: Outcome) =>
    results.kpis
      .filter((k) => k.outcome === outcome)
      .map((k) => k.number)
      .sort(compareIds);
  const clauses: string[] = [];
  const s = results.summary;
  if (s.green !== undefined) {
    // A contract with RAG bands: every judged KPI green, amber or red.
    clauses.push(s.green === 0 ? "none was green" : `${s.green} ${were(s.green)} green`);
    if (s.amberKpis?.length) clauses.push(`${s.amberKpis.length} amber (${kpiList(s.amberKpis)})`);
    if (s.redKpis?.length) clauses.push(`${s.redKpis.length} red (${kpiList(s.redKpis)})`);
  } else {
    const met = numbers("met").length;
    clauses.push(met === 0 ? "none was fully achieved" : `${met} ${were(met)} fully achieved`);
    const notMet = numbers("not-met");
    if (notMet.length)
      clauses.push(`${notMet.length} did not fully meet the requirements (${kpiList(notMet)})`);
  }
  const notCaptured = numbers("not-captured");
  if (notCaptured.length)
    clauses.push(
      `${notCaptured.length} could not be judged because the figures were not captured (${kpiList(notCaptured)})`,
    );
  const notApplicable = numbers("not-applicable").length;
  if (notApplicable) clauses.push(`${notApplicable} ${were(notApplicable)} not applicable`);
  const notDue = numbers("not-due").length;
  if (notDue) clauses.push(`${notDue} ${were(notDue)} not due this month`);
  return clauses;
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
    outcomes: joinList(outcomeClauses(results)),
  };
}

const BUILT_IN_HELPERS = ["if", "unless", "each", "with", "else", "this"];
const HINT = "templates/README.md lists the names a template can use.";

/**
 * Fills the officer-editable summary template. Its own Handlebars instance keeps helpers
 * local, and noEscape because the output is plain text, not HTML.
 */
export function renderSummary(templateSource: string, context: SummaryContext): string {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("plural", (n: unknown, one: unknown, many: unknown) => (n === 1 ? one : many));
  // Every name is checked before the template runs: strict mode alone lets `{{#if mett}}` pass.
  checkNames(
    parseTemplate(handlebars, templateSource),
    [...Object.keys(context), "plural"],
    [...Object.keys(handlebars.helpers), ...BUILT_IN_HELPERS],
  );
  try {
    const template = handlebars.compile(templateSource, { noEscape: true, strict: true });
    return template(context).replace(/\s+/g, " ").trim();
  } catch (error) {
    // A template is the officer's own text: its mistakes are input errors, told in words.
    const e = error as { lineNumber?: number; column?: number; message?: string };
    const at = e.lineNumber ? `line ${e.lineNumber}, column ${(e.column ?? 0) + 1}: ` : "";
    // The names were checked above; what is left is a helper used wrongly ({{plural}} without its words).
    const what = (e.message ?? String(error))
      .split(" - ")[0]!
      .split("\n")[0]!
      .replace(/ in \[object Object\]/g, "");
    throw new TemplateError(`${at}it could not be filled in: ${what}.`, HINT);
  }
}

type Node = { type?: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

function parseTemplate(handlebars: typeof Handlebars, source: string): Node {
  try {
    return handlebars.parse(source) as unknown as Node;
  } catch (error) {
    // Handlebars says "Parse error on line 3: ... got 'EOF'": the line is kept, the rest said in words.
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message)?.[1];
    const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(message);
    if (mismatch)
      throw new TemplateError(
        `line ${mismatch[3]}, column ${Number(mismatch[4]) + 1}: {{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}.`,
        HINT,
      );
    const caret = /\n(-*)\^/.exec(message)?.[1]?.length;
    const at = line ? `line ${line}${caret !== undefined ? `, near column ${caret + 1}` : ""}: ` : "";
    const what = /OPEN_ENDBLOCK/.test(message)
      ? "the template ends inside a {{#block}}, which needs its {{/block}} (for example {{#if notMet}} ... {{/if}})"
      : "a {{ }} is not complete: a name goes inside the braces, as in {{met}}, and every {{ is closed by }}";
    throw new TemplateError(`${at}${what}.`, HINT);
  }
}

/** Every name the template uses must be one the context or a helper has; else the nearest one is offered. */
function checkNames(node: Node, names: readonly string[], helpers: readonly string[]): void {
  const known = [...names, ...helpers];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    const n = value as Node;
    if (n.type === "PathExpression" && !n.data) {
      const original = String(n.original);
      if (!known.includes(original)) {
        const start = n.loc?.start;
        const at = start ? `line ${start.line}, column ${start.column + 1}: ` : "";
        const near = closest(original, known);
        throw new TemplateError(
          `${at}"${original}" is not a name a template can use${near ? `; did you mean "${near}"?` : "."}`,
          `${HINT} They are: ${names.join(", ")}.`,
        );
      }
    }
    if (n.type === "PartialStatement" || n.type === "PartialBlockStatement") {
      throw new TemplateError(
        `${n.loc ? `line ${n.loc.start.line}: ` : ""}a template cannot include another ({{> ...}}).`,
        HINT,
      );
    }
    for (const [key, child] of Object.entries(n)) if (key !== "loc") visit(child);
  };
  visit(node);
}
