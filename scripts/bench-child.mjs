// Runs the kpi-report CLI in this process, exactly as bin/kpi-report.js does, and on exit writes
// this process's peak memory (process.resourceUsage().maxRSS, in KiB) to $KPI_BENCH_RSS_FILE.
//
// scripts/bench.mjs uses it to measure peak memory only where GNU /usr/bin/time is missing:
//   KPI_BENCH_RSS_FILE=/tmp/rss node scripts/bench-child.mjs build --month 2022-09
//   KPI_BENCH_RSS_FILE=/tmp/rss node scripts/bench-child.mjs --floor     (Node's own start, for the floor)

import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const rssFile = process.env.KPI_BENCH_RSS_FILE;
process.on("exit", () => {
  if (rssFile) writeFileSync(rssFile, `${process.resourceUsage().maxRSS}\n`);
});

const args = process.argv.slice(2);
if (args[0] !== "--floor") {
  // The CLI reads process.argv.slice(2) when imported, as it does under bin/kpi-report.js.
  process.argv = [process.argv[0], fileURLToPath(new URL("../bin/kpi-report.js", import.meta.url)), ...args];
  await import("../bin/kpi-report.js");
}
