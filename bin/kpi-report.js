#!/usr/bin/env node
// The esbuild bundle of src/cli.ts (scripts/bundle.mjs); dist/cli.js is the same code unbundled.
// A chunk of the bundle missing stops the import before cli.ts can speak: said here in its words
// (src/errors.ts, InstallError), exit 4, rather than as a Node stack with exit 1, which means findings.
import module from "node:module";

// On Node 22.1 and later, V8's compiled code of the bundle is kept in Node's compile cache (a folder
// in the system's temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), as npm and tsc do:
// validate took 734 M instructions on Node 24 without it, 648 M with it (docs/performance.md).
// Node 20 has no such cache, and runs as before.
module.enableCompileCache?.();

try {
  await import("../dist/bundle/cli.js");
} catch (error) {
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(String(error?.message))?.[1];
  if (!missing) throw error;
  const message = `the installation is damaged: ${missing} is missing; reinstall kpi-report (npm install kpi-report, or npm ci in its folder).`;
  // --format json (or -f json, but on build -f is --formats): the JSON document cli.ts prints when a run stops.
  const argv = process.argv.slice(2);
  const short = argv.includes("build") ? [] : ["-f"];
  const json = argv.some(
    (word, i) =>
      word === "--format=json" ||
      (short.length > 0 && word === "-fjson") ||
      (["--format", ...short].includes(word) && argv[i + 1] === "json"),
  );
  if (json)
    process.stdout.write(
      `${JSON.stringify({ version: 1, valid: false, error: { kind: "install", message } }, null, 2)}\n`,
    );
  process.stderr.write(`kpi-report: ${message}\n`);
  process.exitCode = 4;
}
