import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The pipeline's direction, checked over the real import graph of src/ rather than only written down
 * (docs/architecture.md): a module may import its own stage or one below it, never one above, and no
 * two folders may import each other, however long the way round.
 */
const SRC = join(dirname(fileURLToPath(import.meta.url)), "../../src");

/** Lowest first. A folder of src/ missing here fails the test: a new one must be given its place. */
const STAGES: readonly (readonly string[])[] = [
  ["types", "errors.ts", "package-root.ts", "text", "zip"], // tools every stage may use
  ["schema"],
  ["findings"],
  ["read"],
  ["validate"],
  ["evaluate"],
  ["words"], // every sentence built from results (evaluate returns codes and numbers)
  ["model"],
  ["render"],
  ["commands"],
  ["cli.ts", "cli-words.ts"],
];

interface Edge {
  from: string; // path below src/, as "evaluate/trend.ts"
  to: string;
}

/** The top-level entry of src/ a module belongs to: its folder, or the file itself at the top. */
const folderOf = (path: string) => path.split("/")[0]!;

function rankOf(folder: string): number {
  const rank = STAGES.findIndex((stage) => stage.includes(folder));
  if (rank < 0)
    throw new Error(`src/${folder} has no stage in test/architecture/imports.test.ts: give it one`);
  return rank;
}

/** Every import that goes up the pipeline, and every cycle between folders. */
function directionProblems(edges: readonly Edge[]): string[] {
  const problems: string[] = [];
  const folders = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a === b) continue;
    if (rankOf(b) > rankOf(a)) problems.push(`upward import: ${from} imports ${to}`);
    if (!folders.has(a)) folders.set(a, new Set());
    folders.get(a)!.add(b);
  }
  for (const cycle of folderCycles(folders))
    problems.push(`folders that reach each other: ${cycle.join(", ")}`);
  return problems;
}

/** Tarjan's strongly connected components of more than one folder: folders each reachable from the others. */
function folderCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do component.unshift((member = stack.pop()!));
    while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** src/'s imports as TypeScript reads them: static, type-only, re-exports and import(). */
function importGraph(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file).replaceAll("\\", "/");
    for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      if (!fileName.startsWith(".")) continue; // a package
      const to = relative(SRC, normalize(join(dirname(file), fileName)))
        .replaceAll("\\", "/")
        .replace(/\.js$/, ".ts");
      if (to.startsWith("..")) throw new Error(`${from} imports ${fileName}, outside src/`);
      edges.push({ from, to });
    }
  }
  return edges;
}

describe("the pipeline's direction", () => {
  const edges = importGraph();

  it("reads the real graph (a parser that found nothing would pass anything)", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: "words/direction.ts", to: "evaluate/index.ts" });
    expect(edges).toContainEqual({ from: "model/appendix-1.ts", to: "words/index.ts" });
  });

  it("has no import up the pipeline and no cycle between folders in src/", () => {
    expect(directionProblems(edges)).toEqual([]);
  });

  it("gives every folder of src/ a stage", () => {
    const unplaced = readdirSync(SRC).filter((entry) => !STAGES.flat().includes(entry));
    expect(unplaced).toEqual([]);
  });

  it("fails on an upward import added to the real graph", () => {
    const broken = [...edges, { from: "evaluate/trend.ts", to: "model/report.ts" }];
    expect(directionProblems(broken)).toEqual([
      "upward import: evaluate/trend.ts imports model/report.ts",
      "folders that reach each other: evaluate, model, words",
    ]);
  });

  it("fails on a cycle between folders of the same stage", () => {
    const graph = [
      { from: "text/a.ts", to: "zip/b.ts" },
      { from: "zip/b.ts", to: "types/c.ts" },
      { from: "types/c.ts", to: "text/d.ts" },
    ];
    expect(directionProblems(graph)).toEqual(["folders that reach each other: text, types, zip"]);
  });

  it("keeps sentences out of evaluate/: words/ is above it", () => {
    const broken = [...edges, { from: "evaluate/summary.ts", to: "words/summary.ts" }];
    expect(directionProblems(broken)).toContain(
      "upward import: evaluate/summary.ts imports words/summary.ts",
    );
  });

  it("allows imports down the pipeline and within a folder", () => {
    const graph = [
      { from: "render/pdf/index.ts", to: "model/report.ts" },
      { from: "model/report.ts", to: "evaluate/index.ts" },
      { from: "evaluate/trend.ts", to: "evaluate/months.ts" },
      { from: "cli.ts", to: "commands/build.ts" },
    ];
    expect(directionProblems(graph)).toEqual([]);
  });
});
