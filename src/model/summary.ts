import Handlebars from "handlebars";
import { TemplateError } from "../errors.js";
import { closest } from "../text/closest.js";
import type { Contract } from "../schema/contract.js";
import type { MonthResults } from "../schema/results.js";
import { joinList, kpiList, monthLabel } from "../words/index.js";
import { outcomeClauses } from "../words/summary.js";
import { TEMPLATE_WORDS } from "../words/template.js";

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
const HINT = TEMPLATE_WORDS.hint;

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
    // The names were checked above; what is left is a helper used wrongly ({{plural}} without its words).
    const what = (e.message ?? String(error))
      .split(" - ")[0]!
      .split("\n")[0]!
      .replace(/ in \[object Object\]/g, "");
    const column = e.lineNumber ? (e.column ?? 0) + 1 : undefined;
    throw new TemplateError(TEMPLATE_WORDS.notFilled(what, e.lineNumber || undefined, column), HINT);
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
        TEMPLATE_WORDS.mismatch(mismatch[1]!, mismatch[2]!, Number(mismatch[3]), Number(mismatch[4]) + 1),
        HINT,
      );
    const caret = /\n(-*)\^/.exec(message)?.[1]?.length;
    const [at, column] = line
      ? [Number(line), caret !== undefined ? caret + 1 : undefined]
      : [undefined, undefined];
    const words = /OPEN_ENDBLOCK/.test(message) ? TEMPLATE_WORDS.openBlock : TEMPLATE_WORDS.incomplete;
    throw new TemplateError(words(at, column), HINT);
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
        const near = closest(original, known);
        throw new TemplateError(
          TEMPLATE_WORDS.unknownName(original, near, start?.line, start ? start.column + 1 : undefined),
          `${HINT} ${TEMPLATE_WORDS.names(names)}`,
        );
      }
    }
    if (n.type === "PartialStatement" || n.type === "PartialBlockStatement") {
      throw new TemplateError(TEMPLATE_WORDS.partial(n.loc?.start.line), HINT);
    }
    for (const [key, child] of Object.entries(n)) if (key !== "loc") visit(child);
  };
  visit(node);
}
