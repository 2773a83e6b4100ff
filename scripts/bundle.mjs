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
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/**
 * fontkit decompresses WOFF2 fonts with a brotli decoder whose tables are 1.4 MB of JavaScript,
 * over half the PDF chunk, parsed by every build. We embed TrueType files only, so the decoder is
 * replaced by one that says so, should a WOFF2 font ever be given to pdfkit.
 */
const noWoff2 = {
  name: "no-woff2",
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({
      path: "brotli-decompress",
      namespace: "no-woff2",
    }));
    build.onLoad({ filter: /.*/, namespace: "no-woff2" }, () => ({
      contents:
        'export default function decompress() { throw new Error("kpi-report embeds TrueType fonts only; WOFF2 is not supported."); }',
      loader: "js",
    }));
  },
};

/**
 * pdfkit imports AES from @noble/ciphers for encrypted PDFs, which build 2 tables of 65,536 entries in
 * JavaScript when the PDF renderer is imported (about 5 ms of each build, a CPU profile). We never
 * encrypt a PDF (no password is ever passed to pdfkit), so the import is replaced by one that says so.
 */
const noEncryption = {
  name: "no-encryption",
  setup(build) {
    build.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, () => ({
      path: "noble-aes",
      namespace: "no-encryption",
    }));
    build.onLoad({ filter: /.*/, namespace: "no-encryption" }, () => ({
      contents: `const refuse = () => { throw new Error("kpi-report writes unencrypted PDFs only."); };
export const cbc = refuse;
export const ecb = refuse;`,
      loader: "js",
    }));
  },
};

/**
 * commander requires node:child_process for subcommands that are separate executables, which we do
 * not have; loading it (and node:net beneath it) cost every command about 15 M instructions, over 1%
 * of `validate`. commander's require of it is given a module that says so if it is ever called.
 */
const noExecutableSubcommands = {
  name: "no-executable-subcommands",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: "child-process", namespace: "no-executable-subcommands" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "no-executable-subcommands" }, () => ({
      contents: `module.exports = { spawn() { throw new Error("kpi-report has no executable subcommands."); } };`,
      loader: "js",
    }));
  },
};

/**
 * docx names each image by the SHA-1 of its bytes, which it computes with a JavaScript copy of
 * hash.js built into its own bundle: 21 ms for the 94 KB chart of September, cold, against 0.5 ms
 * for Node's. That one call is given Node's hash instead (the same hex digest, so the same file
 * name); if docx ever words it differently, the bundle stops with this plugin's name, not silently.
 */
const nativeImageHash = {
  name: "native-image-hash",
  setup(build) {
    const call = "import_hash.default.sha1()";
    build.onLoad({ filter: /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (source.split(call).length !== 2)
        throw new Error(
          `native-image-hash: docx no longer hashes images with ${call}; see scripts/bundle.mjs.`,
        );
      const contents = `import { createHash as __kpiCreateHash } from "node:crypto";\n${source.replace(call, '__kpiCreateHash("sha1")')}`;
      return { contents, loader: "js" };
    });
  },
};

/**
 * handlebars builds the code of each template with source-map's SourceNode when that package loads,
 * and with its own string builder when it does not; we never ask it for a source map, so the code
 * is the same either way. Without it, a build loads 28 KB less and joins strings instead.
 */
const noTemplateSourceMaps = {
  name: "no-template-source-maps",
  setup(build) {
    build.onResolve({ filter: /^source-map$/ }, (args) =>
      /[\\/]handlebars[\\/]/.test(args.importer)
        ? { path: "source-map", namespace: "no-template-source-maps" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "no-template-source-maps" }, () => ({
      contents: "module.exports = {};",
      loader: "js",
    }));
  },
};

/**
 * zod's namespace re-exports every locale (about 40 languages, 0.37 MB of the bundle), which a
 * bundler cannot drop because `z` is imported whole. Our messages are our own English, and zod
 * configures English itself from locales/en.js, so the index of locales is replaced by English alone.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: "zod-locales", namespace: "zod-english-only", pluginData: args.resolveDir }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: 'export { default as en } from "../locales/en.js";',
      resolveDir: args.pluginData,
      loader: "js",
    }));
  },
};

/**
 * fontkit and linebreak unpack their Unicode tables (unicode-trie) when the PDF renderer is
 * imported: base64 text decoded by base64-js, then inflated by tiny-inflate, both in JavaScript that
 * runs once, cold: 90 of the 210 ms of CPU that importing the PDF renderer took (a CPU profile,
 * docs/performance.md). Node decodes base64 and inflates natively, to the same bytes, so the two
 * packages are given Node's own: the tables, and so every line break and glyph, are unchanged.
 */
const nativeUnpacking = {
  name: "native-unpacking",
  setup(build) {
    build.onResolve({ filter: /^(tiny-inflate|base64-js)$/ }, (args) => ({
      path: args.path,
      namespace: "native-unpacking",
    }));
    build.onLoad({ filter: /^tiny-inflate$/, namespace: "native-unpacking" }, () => ({
      // tiny-inflate's contract: raw DEFLATE `source` inflated into `dest`, which is returned (cut
      // to the inflated length when that is shorter; bytes beyond dest's length are dropped).
      contents: `const { inflateRawSync } = require("node:zlib");
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};`,
      loader: "js",
    }));
    build.onLoad({ filter: /^base64-js$/, namespace: "native-unpacking" }, () => ({
      contents: `module.exports = {
  toByteArray: (text) => new Uint8Array(Buffer.from(text, "base64")),
  fromByteArray: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
  byteLength: (text) => Buffer.from(text, "base64").length,
};`,
      loader: "js",
    }));
  },
};

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
  plugins: [
    noWoff2,
    noEncryption,
    noExecutableSubcommands,
    nativeImageHash,
    noTemplateSourceMaps,
    zodEnglishOnly,
    nativeUnpacking,
  ],
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
