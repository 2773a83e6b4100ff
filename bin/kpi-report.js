#!/usr/bin/env node
// The esbuild bundle of src/cli.ts (scripts/bundle.mjs); dist/cli.js is the same code unbundled.
// A chunk of the bundle missing stops the import before cli.ts can speak: said here in its words
// (src/errors.ts, InstallError), exit 4, rather than as a Node stack with exit 1, which means findings.
import module from "node:module";
import { availableParallelism } from "node:os";
import v8 from "node:v8";

// On Node 22.1 and later, V8's compiled code of the bundle is kept in Node's compile cache (a folder
// in the system's temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), as npm and tsc do:
// validate took 734 M instructions on Node 24 without it, 648 M with it (docs/performance.md).
// Node 20 has no such cache, and runs as before.
module.enableCompileCache?.();

// WebAssembly (HarfBuzz: the PDF's shaper, the DOCX's font subsetter) stays on V8's baseline
// compiler. By default its hot functions are compiled again by the optimising tier on background
// threads, which a run this short never earns back: subsetting the DOCX's two faces then cost
// about 0.3 s of CPU and 30 MB more, waited for at exit (docs/performance.md). Set before any
// WebAssembly is compiled, so it holds for every module, in every thread.
v8.setFlagsFromString("--liftoff-only");

// On two cores or fewer the build's two threads (this one and the PDF's) keep every core busy, and
// V8's optimising compiler works beside them on background threads: with its inlining, those
// threads took about a third of a long build's CPU (270 KPIs over 60 months: 2.8-3.6 s of 7.7-10 s),
// most of it the compiler's. Without it the compiles are far cheaper and the code they make about
// as fast here: that build took 8-19% less CPU in all, a batch of 20 reports 7-14%
// (docs/performance.md). Where there are cores to spare, the compiler's threads cost the build
// nothing, and V8 keeps its default.
if (availableParallelism() <= 2) v8.setFlagsFromString("--no-turbo-inlining");

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
