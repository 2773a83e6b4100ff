// Records every module a Node process loads, for test/commands/lazy-load.test.ts:
//   KPI_MODULE_LOG=/tmp/modules.log node --import ./test/helpers/record-modules.mjs bin/kpi-report.js ...
// writes one line per module: "esm <url>" for each ES module specifier resolved (seen by the resolve
// hook in record-hooks.mjs, which runs on Node's loader thread), and at exit "cjs <path>" for each
// CommonJS module in require.cache, and "builtin <name>" for each of Node's own modules loaded
// (process.moduleLoadList, Node's record of them). Worker threads inherit --import, so a build's PDF
// thread is recorded too. Node 20.6 or later (module.register).

import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const log = process.env.KPI_MODULE_LOG;

if (log) {
  register(new URL("./record-hooks.mjs", import.meta.url));
  const cache = createRequire(import.meta.url).cache;
  const builtins = () =>
    (process.moduleLoadList ?? []).flatMap((entry) => /^NativeModule (\S+)$/.exec(entry)?.[1] ?? []);
  process.on("exit", () =>
    appendFileSync(
      log,
      [
        ...Object.keys(cache).map((path) => `cjs ${path}\n`),
        ...builtins().map((name) => `builtin ${name}\n`),
      ].join(""),
    ),
  );
}
