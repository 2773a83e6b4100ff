#!/usr/bin/env node
// The esbuild bundle of src/cli.ts (scripts/bundle.mjs); dist/cli.js is the same code unbundled.
// A chunk of the bundle missing stops the import before cli.ts can speak: said here in its words
// (src/errors.ts, InstallError), exit 4, rather than as a Node stack with exit 1, which means findings.
try {
  await import("../dist/bundle/cli.js");
} catch (error) {
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(String(error?.message))?.[1];
  if (!missing) throw error;
  process.stderr.write(
    `kpi-report: the installation is damaged: ${missing} is missing; reinstall kpi-report (npm install kpi-report, or npm ci in its folder).\n`,
  );
  process.exitCode = 4;
}
