import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DIRECTIONS } from "../../src/schema/results.js";

/**
 * Every sentence and label a reader sees is worded once, in src/words/ (docs/architecture.md says
 * where a new one goes): the folders listed here place words, they never write them. A string
 * literal there is a code, a key or a format's name; one that reads as words ("two words", or a
 * capitalised word like "Rank") fails, naming the file and line, so it moves to src/words/.
 */
const SRC = join(dirname(fileURLToPath(import.meta.url)), "../../src");
const PLACES_WORDS = ["model"];

/** Two words, or a capitalised word alone or leading ("Rank", "Not met"); "PathExpression" is a code. */
const READS_AS_WORDS = /\p{L}{2,}[ ,:;.]+\p{L}|^\p{Lu}\p{Ll}+($|[^\p{L}])/u;
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

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("words are written in src/words/ only", () => {
  const files = PLACES_WORDS.flatMap((folder) => sourceFiles(join(SRC, folder)));

  it("reads the folders (a walk that found nothing would pass anything)", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(PLACES_WORDS)("src/%s/ writes no sentence or label", (folder) => {
    const found = files
      .filter((file) => relative(SRC, file).startsWith(`${folder}/`))
      .flatMap((file) => wordsIn(relative(SRC, file), readFileSync(file, "utf8")));
    expect(found).toEqual([]);
  });

  it("fails on a sentence or label written in a builder", () => {
    const source = [
      `import { x } from "./some words.js";`,
      `const caption = \`KPIs not met, \${month}\`;`,
      `const header = { header: "Rank", width: 30 };`,
      `const style = para(text, "strong");`,
      `const kind = "PathExpression";`,
      `const direction = "not comparable";`,
      `if (!ok) throw new Error("The results were not compared.");`,
    ].join("\n");
    expect(wordsIn("model/example.ts", source)).toEqual([
      "model/example.ts:2: KPIs not met, …",
      "model/example.ts:3: Rank",
    ]);
  });
});
