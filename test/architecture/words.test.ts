import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { wordsIn } from "../helpers/words-in.js";

/**
 * Every sentence and label a reader sees is worded once, in src/words/ (docs/architecture.md says
 * where a new one goes): the folders listed here place words, they never write them. A string
 * literal there is a code, a key or a format's name; one that reads as words ("two words", or a
 * capitalised word like "Rank") fails, naming the file and line, so it moves to src/words/.
 */
const SRC = join(dirname(fileURLToPath(import.meta.url)), "../../src");
/**
 * Where words are placed, never written: model/, and the subcommands that print (the rest of
 * commands/, its error wording for folders, files and locks, is still to move).
 */
const PLACES_WORDS = [
  "model",
  ...["add", "build", "contract", "init", "review", "status", "template", "validate"].map(
    (command) => `commands/${command}.ts`,
  ),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("words are written in src/words/ only", () => {
  const filesOf = (place: string) =>
    place.endsWith(".ts") ? [join(SRC, place)] : sourceFiles(join(SRC, place));

  it("reads the files (a walk that found nothing would pass anything)", () => {
    expect(PLACES_WORDS.flatMap(filesOf).length).toBeGreaterThan(15);
  });

  it.each(PLACES_WORDS)("src/%s writes no sentence or label", (place) => {
    const found = filesOf(place).flatMap((file) =>
      wordsIn(relative(SRC, file).replaceAll("\\", "/"), readFileSync(file, "utf8")),
    );
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
