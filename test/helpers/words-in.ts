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

export function wordsIn(file: string, source: string): string[] {
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
      if (READS_AS_WORDS.test(text) && !CODES.has(text) && !isErrorArgument(node)) {
        const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file}:${line + 1}: ${text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}
