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
 * Where words are placed, never written: model/, every file of commands/ (the subcommands and the
 * helpers that word their errors: folders, atomic writes, locks, the data source, the build config,
 * the manifest, the options), and the CLI (cli.ts, and cli-words.ts, which picks commander's words
 * by its error code).
 */
const PLACES_WORDS = ["model", "commands", "cli-words.ts"];

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
    const files = PLACES_WORDS.flatMap(filesOf).map((file) => relative(SRC, file).replaceAll("\\", "/"));
    expect(files.length).toBeGreaterThan(40);
    expect(files).toEqual(
      expect.arrayContaining([
        "commands/folders.ts",
        "commands/io.ts",
        "commands/option-words.ts",
        "cli-words.ts",
      ]),
    );
  });

  it.each(PLACES_WORDS)("src/%s writes no sentence or label", (place) => {
    const found = filesOf(place).flatMap((file) =>
      wordsIn(relative(SRC, file).replaceAll("\\", "/"), readFileSync(file, "utf8")),
    );
    expect(found).toEqual([]);
  });

  it("fails on a sentence written in a command's helper or the CLI", () => {
    const source = [
      `throw new OutputError(\`Cannot write \${path}: \${fsReason(error)}.\`, path);`,
      `const hint = "Run kpi-report --help for the commands.";`,
      `if (folder.origin === "given by --data") flag = dataFlag(true, dir);`,
      `throw new OutputError(OUTPUT_WORDS.cannotWrite(path, fsReason(error)), path);`,
      `const code = (error as NodeJS.ErrnoException).code === "EEXIST";`,
    ].join("\n");
    expect(wordsIn("commands/io.ts", source)).toEqual([
      "commands/io.ts:1: Cannot write …: ….",
      "commands/io.ts:2: Run kpi-report --help for the commands.",
      "commands/io.ts:3: given by --data",
    ]);
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
