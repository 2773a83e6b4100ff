// The esbuild plugins of scripts/bundle.mjs: imports whose code the bundle replaces, each with why.
// Every replacement was measured (docs/performance.md), and test/commands/lazy-load.test.ts checks
// the replaced packages are absent from the bundle.

import { readFile } from "node:fs/promises";

/**
 * A plugin that gives an import `specifier` (only when a file under `from` asks for it, if given)
 * the module `contents` instead; `relative` resolves the contents' own imports beside the importer.
 */
function replaceImport(name, { specifier, from, contents, relative = false }) {
  return {
    name,
    setup(build) {
      build.onResolve({ filter: specifier }, (args) =>
        from === undefined || from.test(args.importer)
          ? { path: name, namespace: name, pluginData: args.resolveDir }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: name }, (args) => ({
        contents,
        loader: "js",
        ...(relative ? { resolveDir: args.pluginData } : {}),
      }));
    },
  };
}

/** A module whose every export, if it is ever called, says `why` instead. */
const refusing = (exports, why) =>
  exports
    .map(
      (name) =>
        `export ${name === "default" ? "default" : `const ${name} =`} () => { throw new Error(${JSON.stringify(why)}); };`,
    )
    .join("\n");

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
          `native-image-hash: docx no longer hashes images with ${call}; see scripts/bundle-plugins.mjs.`,
        );
      const contents = `import { createHash as __kpiCreateHash } from "node:crypto";\n${source.replace(call, '__kpiCreateHash("sha1")')}`;
      return { contents, loader: "js" };
    });
  },
};

export const plugins = [
  // fontkit decompresses WOFF2 fonts with a brotli decoder whose tables are 1.4 MB of JavaScript,
  // over half the PDF chunk, parsed by every build. We embed TrueType files only.
  replaceImport("no-woff2", {
    specifier: /^brotli\/decompress(\.js)?$/,
    contents: refusing(["default"], "kpi-report embeds TrueType fonts only; WOFF2 is not supported."),
  }),
  // pdfkit imports AES for encrypted PDFs, which builds 2 tables of 65,536 entries in JavaScript
  // when the PDF renderer is imported (about 5 ms of each build). No password is ever passed to pdfkit.
  replaceImport("no-encryption", {
    specifier: /^@noble\/ciphers\/aes(\.js)?$/,
    contents: refusing(["cbc", "ecb"], "kpi-report writes unencrypted PDFs only."),
  }),
  // commander requires node:child_process (and node:net beneath it) for subcommands that are
  // separate executables, which we do not have: about 15 M instructions of every command.
  replaceImport("no-executable-subcommands", {
    specifier: /^node:child_process$/,
    from: /[\\/]commander[\\/]/,
    contents: refusing(["spawn"], "kpi-report has no executable subcommands."),
  }),
  nativeImageHash,
  // handlebars builds each template's code with source-map's SourceNode when that package loads,
  // and with its own string builder when it does not; we never ask it for a source map, so the
  // code is the same either way, and a build loads 28 KB less.
  replaceImport("no-template-source-maps", {
    specifier: /^source-map$/,
    from: /[\\/]handlebars[\\/]/,
    contents: "module.exports = {};",
  }),
  // zod's namespace re-exports every locale (about 40 languages, 0.37 MB). Our messages are our
  // own English, and zod configures English itself from locales/en.js.
  replaceImport("zod-english-only", {
    specifier: /^\.\.\/locales\/index\.js$/,
    from: /[\\/]zod[\\/]/,
    contents: 'export { default as en } from "../locales/en.js";',
    relative: true,
  }),
  // fontkit and linebreak unpack their Unicode tables (unicode-trie) when the PDF renderer is
  // imported: base64 text decoded by base64-js, then inflated by tiny-inflate, both JavaScript run
  // once, cold: 90 of the 210 ms of CPU that importing the PDF renderer took. Node decodes base64
  // and inflates natively, to the same bytes, so every line break and glyph is unchanged.
  replaceImport("native-inflate", {
    specifier: /^tiny-inflate$/,
    // tiny-inflate's contract: raw DEFLATE `source` inflated into `dest`, which is returned (cut
    // to the inflated length when that is shorter; bytes beyond dest's length are dropped).
    contents: `const { inflateRawSync } = require("node:zlib");
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};`,
  }),
  replaceImport("native-base64", {
    specifier: /^base64-js$/,
    contents: `module.exports = {
  toByteArray: (text) => new Uint8Array(Buffer.from(text, "base64")),
  fromByteArray: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
  byteLength: (text) => Buffer.from(text, "base64").length,
};`,
  }),
];
