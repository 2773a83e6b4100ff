// Bundles the CLI with esbuild into dist/bundle/: src/cli.ts and every package it imports, split
// into chunks along the CLI's dynamic imports, so each command still loads only what it needs
// (`validate` never loads the chunks holding pdfkit or docx).
//
// Why bundle at all: a build used to load about 1,250 files (exceljs and its dependencies, all of
// date-fns, pdfkit and fontkit), and finding, reading and compiling them was a third of a September
// build's time. A handful of chunks load in a fraction of that (docs/performance.md).
//
// dist/bundle-meta.json is esbuild's metafile: which source files and packages went into which
// chunk. test/commands/lazy-load.test.ts reads it to tell which packages a command loaded.

import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { plugins } from "./bundle-plugins.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const outdir = `${root}dist/bundle`;

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The worker is its own entry: a build starts it as a file beside the chunk that asks for it.
  entryPoints: { cli: "src/cli.ts", "render-worker": "src/commands/render-worker.ts" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir,
  metafile: true,
  // The CommonJS packages (exceljs, pdfkit, handlebars...) call require() for Node's own modules;
  // an ES module has no require of its own, so each chunk gets one.
  banner: {
    js: 'import { createRequire as __kpiCreateRequire } from "node:module"; const require = __kpiCreateRequire(import.meta.url);',
  },
  // Imports whose code is replaced, each with why (scripts/bundle-plugins.mjs).
  plugins,
  // jsonc-parser's "main" is a UMD build whose require() calls sit inside a factory esbuild cannot
  // follow, so the bundle would fail at run time; its ES module build ("module") bundles cleanly.
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  // Minified, names too: keeping every function's and class's name (esbuild's keepNames) cost
  // each run 3-4% more instructions (docs/performance.md), for the thousands of functions in zod,
  // pdfkit, fontkit and docx. A stack trace under KPI_REPORT_DEBUG=1 still gives the chunk, line
  // and column; readable code, with our names, is in dist/ (`node dist/cli.js`).
  minify: true,
  // resvg is a native addon (a .node binary per platform, picked by npm): it cannot be bundled, so
  // it stays a runtime dependency that the DOCX chunk imports, and only the DOCX renderer loads it.
  // harfbuzzjs finds its .wasm beside its own module (import.meta.url), so it stays one too, loaded
  // by the PDF renderer alone.
  external: ["@resvg/resvg-js", "harfbuzzjs"],
  logLevel: "warning",
  legalComments: "linked",
});
// Beside the bundle, not in it: the package ships dist/bundle alone (package.json "files").
writeFileSync(`${root}dist/bundle-meta.json`, JSON.stringify(result.metafile));
