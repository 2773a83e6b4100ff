// Records every module a Node process loads, for test/commands/lazy-load.test.ts:
//   KPI_MODULE_LOG=/tmp/modules.log node --import ./test/helpers/record-modules.mjs bin/kpi-report.js ...
// writes one line per module: "esm <url>" for each ES module specifier resolved (seen by the resolve
// hook registered below, which runs on Node's loader thread), and at exit "cjs <path>" for each
// CommonJS module in require.cache (pdfkit, exceljs and their dependencies are CommonJS; loaded
// through `import`, they land there as well). Node 20.6 or later (module.register).

import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { isMainThread } from "node:worker_threads";

const log = process.env.KPI_MODULE_LOG;

/** The loader hook: runs on the loader thread for every import, static or dynamic. */
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (log) appendFileSync(log, `esm ${result.url}\n`);
  return result;
}

// This file is also loaded by the loader thread, as the hooks module: register only from the main thread.
if (isMainThread && log) {
  register(import.meta.url);
  const cache = createRequire(import.meta.url).cache;
  process.on("exit", () => appendFileSync(log, Object.keys(cache).map((path) => `cjs ${path}\n`).join("")));
}
