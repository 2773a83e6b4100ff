// Summarises V8 CPU profiles (.cpuprofile, from `node --cpu-prof`) by self time: the functions, the
// source files and the packages where the time is spent. Used for docs/performance.md:
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/kpi-report.js build --month 2022-09 --out /tmp/o
//   node scripts/bench-cpuprofile.mjs /tmp/prof/*.cpuprofile [--top 25]
//
// Several profiles (e.g. one per run) are added together. Self time is the time a function was on
// top of the stack; "(garbage collector)", "(program)" (native code, e.g. inflate or the compiler)
// and "(idle)" are V8's own entries.

import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
if (!args.length) {
  console.error("usage: node scripts/bench-cpuprofile.mjs FILE.cpuprofile... [--top N]");
  process.exit(2);
}

const byFunction = new Map();
const byFile = new Map();
const byPackage = new Map();
const inclusive = new Map();
let loading = 0;
let total = 0;
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);

function where(url) {
  if (!url) return "(native)";
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  return path.startsWith("/") ? relative(ROOT, path) : path;
}
function packageOf(file) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (match) return match[1];
  if (file.startsWith("dist/")) return `kpi-report ${file.split("/").slice(0, 2).join("/")}`;
  if (file.startsWith("node:")) return "node (built-in)";
  return file;
}

for (const file of args) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  // Each sample names the node on top of the stack; timeDeltas[i] is the time before sample i.
  const selfMs = new Map();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // Total (inclusive) time of kpi-report's own functions, and of loading code (any frame of Node's module loaders).
  for (const [id, ms] of selfMs) {
    const seen = new Set();
    let inLoader = false;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { callFrame } = nodes.get(at);
      const file = where(callFrame.url);
      if (file.startsWith("node:internal/modules/")) inLoader = true;
      if (file.startsWith("dist/"))
        seen.add(
          `${callFrame.functionName || (callFrame.lineNumber === 0 ? "(module body)" : "(anonymous)")}  ${file}:${callFrame.lineNumber + 1}`,
        );
    }
    for (const key of seen) add(inclusive, key, ms);
    if (inLoader) loading += ms;
  }
  for (const [id, ms] of selfMs) {
    const { callFrame } = nodes.get(id);
    const file = where(callFrame.url);
    const name = callFrame.functionName || "(anonymous)";
    total += ms;
    add(byFunction, `${name}  ${file}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ""}`, ms);
    add(byFile, file, ms);
    add(byPackage, callFrame.url ? packageOf(file) : name, ms);
  }
}

function print(title, map, n) {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

console.log(
  `${args.length} profile${args.length === 1 ? "" : "s"}, ${total.toFixed(0)} ms sampled; ${loading.toFixed(0)} ms (${((100 * loading) / total).toFixed(1)}%) with a module loader on the stack (loading and first running code)`,
);
print("By package or kpi-report folder (self time)", byPackage, 15);
print("By file (self time)", byFile, 15);
print("By function (self time)", byFunction, top);
print("kpi-report's own functions, total time (self and everything they call)", inclusive, top);
