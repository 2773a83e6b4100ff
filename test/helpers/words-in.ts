import ts from "typescript";
import { DIRECTIONS } from "../../src/schema/results.js";

/**
 * The string literals of a source file that read as words: what test/architecture/words.test.ts
 * keeps out of the files that place src/words/' sentences. Each as "file:line: text", a template's
 * substitutions shown as "…".
 */
/** Two words, or a capitalised word alone or leading ("Rank", "Not met"); "PathExpression" is a code. */
const READS_AS_WORDS = /\p{L}{2,}([ ,:;]+|\.\s+)\p{L}|^\p{Lu}\p{Ll}+($|[^\p{L}])/u;
/** Codes that contain a space: a direction of travel is one (src/schema/results.ts). */
const CODES: ReadonlySet<string> = new Set(DIRECTIONS);

/** A programmer's error (a bug, never the user's input) may say what went wrong where it is thrown. */
const isErrorArgument = (node: ts.Node) =>
  ts.isNewExpression(node.parent) &&
  ts.isIdentifier(node.parent.expression) &&
  node.parent.expression.text === "Error";

/**
 * commander's program (src/cli.ts) declares each command's and option's help beside its flag: those
 * arguments are the CLI's catalogue of help, and are left out when `help` is asked for. Any other
 * sentence there (what a run prints) is found as anywhere else.
 */
const HELP_METHODS: ReadonlySet<string> = new Set(["description", "option", "argument", "addHelpText"]);
function isHelpArgument(node: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (
      ts.isNewExpression(parent) &&
      ts.isIdentifier(parent.expression) &&
      parent.expression.text === "Option"
    )
      return true;
    if (ts.isCallExpression(parent) && parent.arguments.includes(at as ts.Expression)) {
      const callee = parent.expression;
      if (ts.isPropertyAccessExpression(callee) && HELP_METHODS.has(callee.name.text)) return true;
      if (ts.isIdentifier(callee) && callee.text === "helpExamples") return true;
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

export function wordsIn(file: string, source: string, options: { help?: boolean } = {}): string[] {
  const found: string[] = [];
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    let texts: string[] | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts = [node.text];
    else if (ts.isTemplateExpression(node))
      texts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    if (texts) {
      const text = texts.join("…");
      if (
        READS_AS_WORDS.test(text) &&
        !CODES.has(text) &&
        !isErrorArgument(node) &&
        !(options.help && isHelpArgument(node))
      ) {
        const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file}:${line + 1}: ${text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}
