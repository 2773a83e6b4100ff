import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "kpi-report.js");
const hook = pathToFileURL(join(root, "test", "helpers", "record-modules.mjs")).href;

/** esbuild's record of the bundle: which packages went into which chunk of dist/bundle. */
function packagesByChunk(): Map<string, Set<string>> {
  const meta = JSON.parse(readFileSync(join(root, "dist", "bundle-meta.json"), "utf8")) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  const byChunk = new Map<string, Set<string>>();
  for (const [output, { inputs }] of Object.entries(meta.outputs)) {
    // Our own renderers count as "packages" too, by their folder: src/render/pdf and so on.
    const renderer = (input: string) =>
      /^src\/render\/(pdf|docx|html|text|json|markdown)\//.exec(input)?.[0].slice(0, -1);
    byChunk.set(
      join(root, output),
      new Set(Object.keys(inputs).flatMap((input) => packageOf(input) ?? renderer(input) ?? [])),
    );
  }
  return byChunk;
}

function packageOf(path: string): string | undefined {
  const match = /(?:^|[\\/])node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path);
  return match?.[1]?.replace("\\", "/");
}

/**
 * Runs the built CLI with every module it loads recorded; the npm packages among them: those
 * loaded from node_modules, and those bundled into the chunks of dist/bundle it loaded.
 */
function packagesLoaded(args: readonly string[]): {
  code: number | null;
  stderr: string;
  packages: Set<string>;
  builtins: Set<string>;
  cli: boolean;
} {
  const dir = mkdtempSync(join(tmpdir(), "kpi-lazy-"));
  const log = join(dir, "modules.log");
  const run = spawnSync(
    process.execPath,
    ["--import", hook, bin, ...args.map((a) => a.replace("$TMP", dir))],
    {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", KPI_MODULE_LOG: log },
      encoding: "utf8",
    },
  );
  const lines = readFileSync(log, "utf8").split("\n").filter(Boolean);
  const builtins = new Set(lines.flatMap((line) => /^builtin (\S+)$/.exec(line)?.[1] ?? []));
  const files = lines
    .filter((line) => !line.startsWith("builtin "))
    .map((line) => line.replace(/^(esm|cjs) /, ""))
    .map((file) => (file.startsWith("file:") ? fileURLToPath(file) : file));
  const chunks = packagesByChunk();
  const packages = new Set<string>();
  for (const file of files) {
    const direct = packageOf(file);
    if (direct) packages.add(direct);
    for (const name of chunks.get(file) ?? []) packages.add(name);
  }
  return {
    code: run.status,
    stderr: run.stderr,
    packages,
    builtins,
    cli: files.includes(join(root, "dist", "bundle", "cli.js")),
  };
}

describe("each command loads only what it needs", () => {
  it("validate loads neither pdfkit nor docx", () => {
    const run = packagesLoaded(["validate", "data/returns/2022-09.xlsx"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.cli).toBe(true);
    expect(run.packages).toContain("commander");
    expect(run.packages).not.toContain("pdfkit");
    expect(run.packages).not.toContain("docx");
    expect(run.packages).not.toContain("@resvg/resvg-js");
    expect(run.packages).not.toContain("harfbuzzjs");
    // A file named plainly is no pattern: the glob matcher is loaded only for one that may be.
    expect(run.packages).not.toContain("tinyglobby");
    expect(run.packages).not.toContain("picomatch");
    // Returns are read by our reader (saxes); exceljs only writes the template.
    expect(run.packages).toContain("saxes");
    expect(run.packages).not.toContain("exceljs");
    for (const renderer of ["pdf", "docx", "html", "text", "json", "markdown"])
      expect(run.packages).not.toContain(`src/render/${renderer}`);
    // commander's require of it, for executable subcommands we do not have, is left out (scripts/bundle-plugins.mjs).
    expect(run.builtins).toContain("zlib");
    expect(run.builtins).not.toContain("child_process");
  });

  it("status loads neither pdfkit nor docx, and of the renderers only the terminal's", () => {
    const run = packagesLoaded(["status", "--month", "2022-09"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.cli).toBe(true);
    expect(run.packages).not.toContain("pdfkit");
    expect(run.packages).not.toContain("docx");
    expect(run.packages).not.toContain("exceljs");
    expect(run.packages).toContain("src/render/text");
    for (const renderer of ["pdf", "docx", "html", "json", "markdown"])
      expect(run.packages).not.toContain(`src/render/${renderer}`);
  });

  it("template does not load pdfkit", () => {
    const run = packagesLoaded(["template", "--month", "2022-10", "--out", "$TMP/return-2022-10.xlsx"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.cli).toBe(true);
    expect(run.packages).not.toContain("pdfkit");
    expect(run.packages).toContain("exceljs");
  });

  it.each([
    ["validate of a council review", ["validate", "data/reviews/2022-09.xlsx"]],
    ["review", ["review", "--month", "2022-09", "--out", "$TMP/review-2022-09.xlsx"]],
    ["add", ["add", "data/returns/2022-09.xlsx", "--data", "data"]],
  ])("%s loads neither pdfkit nor docx", (_name, args) => {
    const run = packagesLoaded(args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.cli).toBe(true);
    expect(run.packages).not.toContain("pdfkit");
    expect(run.packages).not.toContain("docx");
  });

  it("build loads both, so the recording sees them when they are loaded", () => {
    const run = packagesLoaded(["build", "--month", "2022-09", "--out", "$TMP", "--quiet"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.packages).toContain("pdfkit");
    expect(run.packages).toContain("docx");
    expect(run.packages).not.toContain("exceljs");
    for (const renderer of ["pdf", "docx", "html", "json"])
      expect(run.packages).toContain(`src/render/${renderer}`);
    // The DOCX's chart picture is drawn by resvg, a native addon outside the bundle; the PDF's
    // words are shaped by harfbuzzjs, outside it too.
    // (its addon's package for this platform, loaded directly: src/render/chart/png.ts).
    expect([...run.packages].some((name) => name.startsWith("@resvg/resvg-js"))).toBe(true);
    expect(run.packages).toContain("harfbuzzjs");
  });

  it("a build without the DOCX never loads resvg", () => {
    const run = packagesLoaded([
      "build",
      "--month",
      "2022-09",
      "--out",
      "$TMP",
      "--quiet",
      "--formats",
      "pdf,html",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.packages).toContain("src/render/html");
    expect([...run.packages].filter((name) => name.startsWith("@resvg/"))).toEqual([]);
  });
});

describe("the bundle leaves out what no command uses", () => {
  /** Every file of a package with code in the bundle, from esbuild's record. */
  const bundled = (() => {
    const meta = JSON.parse(readFileSync(join(root, "dist", "bundle-meta.json"), "utf8")) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    return Object.values(meta.outputs).flatMap(({ inputs }) =>
      Object.keys(inputs).filter(
        (input) => input.includes("node_modules") && inputs[input]!.bytesInOutput > 0,
      ),
    );
  })();
  const holds = (path: string) => bundled.some((input) => input.includes(`node_modules/${path}`));

  it.each([
    // scripts/bundle-plugins.mjs replaces these imports with a line that says why.
    ["WOFF2's brotli decoder (we embed TrueType only)", "brotli/"],
    ["pdfkit's AES (we never encrypt a PDF)", "@noble/ciphers/"],
    ["source-map (handlebars builds templates' code without it)", "source-map/"],
    ["zod's languages other than English", "zod/v4/locales/de.js"],
    // zod imported as a namespace lets esbuild drop what we never call (biome.jsonc forbids `{ z }`).
    ["zod's JSON Schema reader", "zod/v4/classic/from-json-schema.js"],
  ])("leaves out %s", (_what, path) => {
    expect(bundled.length).toBeGreaterThan(100);
    expect(holds(path)).toBe(false);
  });

  it("still holds what it replaces them beside", () => {
    expect(holds("pdfkit/")).toBe(true);
    expect(holds("zod/v4/locales/en.js")).toBe(true);
  });
});
