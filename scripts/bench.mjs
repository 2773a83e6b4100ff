// `npm run bench`: how long kpi-report takes and how much memory it needs, on realistic inputs,
// against the targets of issue 5. A measurement, not a test: it exits 0 whether targets are met or
// missed, and prints MISSED beside each one missed. docs/performance.md records a run.
//
//   npm run bench                          build, then measure every case (about 3-4 minutes on 2 cores)
//   node scripts/bench.mjs --quick         1 run of each case, no warm-up, no 270-KPI case (development)
//   node scripts/bench.mjs --runs 7        more runs of each case (the slow cases get --slow-runs, default 3)
//   node scripts/bench.mjs --keep          keep the generated inputs and outputs (the folder is printed)
//   node scripts/bench.mjs --json FILE     also write the figures as JSON
//   node scripts/bench.mjs --inputs DIR    only write the generated inputs to DIR (history-60, lots-270), for profiling
//
// Method
// - Every case runs the real CLI as a child process: `node bin/kpi-report.js ...`, cwd the repo.
// - Wall time: from spawn to exit, measured here. Reported: the median and the minimum over the runs,
//   after one untimed warm-up run of each case (the files and Node's code cache are then warm).
// - Peak memory: the child's maximum resident set size, from GNU `/usr/bin/time -f %M` when present;
//   otherwise the CLI is run in-process by scripts/bench-child.mjs, which reports
//   process.resourceUsage().maxRSS (the same figure, as the kernel keeps it). The peak over the runs.
// - LibreOffice, where `soffice` is installed: `soffice --headless --convert-to pdf` of our own
//   September DOCX, each run with a fresh profile (-env:UserInstallation=file:///tmp/...), after one
//   warm-up. It runs in turn with our September cases (node, validate, status, build, soffice; round
//   after round), so a noisy machine slows both alike; each ratio is the median of the per-round ratios.
// - Inputs are generated in a temporary folder (never in the repo) through dist/, the code the CLI
//   uses: buildReturnWorkbook writes each return, so they are returns as the template makes them.
//   (a) data/ as it is; (b) 60 months 2017-10..2022-09 for the real contract, each KPI's row taken
//   from the real returns (mostly September's) with new figures and the month's own wording;
//   (c) the same 60 months for a contract of 270 KPIs (the 27 real ones x 10 lots, renumbered 1-270)
//   and 120 MSRs (the 12 real ones x 10, each linking its own lot's KPIs); (d) the batch: 50 reports,
//   2018-08..2022-09, from (b) with `--month A..B` in one process; (e) a 1.5 MB zip bomb given to
//   validate (scripts/zip-bomb.mjs), refused with exit 2; (f) the worst shapes of issue 22
//   (scripts/hostile-shapes.mjs: 100,000 deep, 10,000 sheets, 200,000 cells below the read rows,
//   220,000 shared strings, 30 MB of Compliments, one 14-million-character string in 78,400 cells,
//   999 parts), each validated, and one filed and built.

import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  fetchTypst,
  modelText,
  reportModel,
  TYPST_PACKAGE,
  TYPST_VERSION,
  typstSource,
  wordCount,
} from "./bench-typst.mjs";
import { writeShapes } from "./hostile-shapes.mjs";
import { zipBomb } from "./zip-bomb.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "kpi-report.js");
const CHILD = join(ROOT, "scripts", "bench-child.mjs");

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const options = { quick: false, keep: false, runs: 5, slowRuns: 3, json: undefined, typst: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") options.quick = true;
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--no-typst") options.typst = false;
    else if (arg === "--runs") options.runs = positive(argv[++i], arg);
    else if (arg === "--slow-runs") options.slowRuns = positive(argv[++i], arg);
    else if (arg === "--json") options.json = argv[++i];
    else if (arg === "--inputs") options.inputs = argv[++i];
    else if (arg === "--help" || arg === "-h") {
      console.log(
        "usage: node scripts/bench.mjs [--quick] [--runs N] [--slow-runs N] [--keep] [--json FILE] [--inputs DIR] [--no-typst]",
      );
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${arg} (try --help)`);
      process.exit(2);
    }
  }
  if (options.quick) Object.assign(options, { runs: 1, slowRuns: 1 });
  return options;
}

function positive(text, flag) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: ${flag} needs a whole number of runs, 1 or more`);
    process.exit(2);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round1 = (x) => Math.round(x * 10) / 10;
const fmtS = (x) => (x === undefined ? "-" : x.toFixed(3));
const fmtMiB = (kib) => (kib === undefined ? "n/a" : (kib / 1024).toFixed(0));

/** A small seeded generator (mulberry32): the same inputs on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (rng, xs) => xs[Math.floor(rng() * xs.length)];

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
function monthRange(from, to) {
  const months = [];
  let [y, m] = from.split("-").map(Number);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > to) return months;
    months.push(month);
    if (++m === 13) [y, m] = [y + 1, 1];
  }
}
const monthName = (month) => MONTH_NAMES[Number(month.slice(5, 7)) - 1];

function sh(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Measuring one run of a command

/** How peak memory is measured: GNU time if it works here, else the in-process child. */
function rssMethod(dir) {
  const probe = join(dir, "time-probe");
  const result = spawnSync("/usr/bin/time", ["-f", "%M", "-o", probe, process.execPath, "-e", "0"], {
    encoding: "utf8",
  });
  if (result.status === 0 && existsSync(probe) && /^\d+\s*$/.test(readFileSync(probe, "utf8")))
    return "gnu-time";
  return "self";
}

/**
 * Runs a command once; resolves to { seconds, rssKiB, code, stderr }.
 * `cli` commands are kpi-report argument lists; `exec` commands are [program, ...args].
 */
function runOnce(job, ctx) {
  const rssFile = join(ctx.dir, `rss-${process.pid}-${ctx.counter++}`);
  let command;
  let args;
  const env = { ...process.env, NO_COLOR: "1" };
  if (ctx.method === "gnu-time") {
    const inner = job.cli
      ? [process.execPath, BIN, ...job.cli]
      : job.floor
        ? [process.execPath, "-e", "0"]
        : job.exec;
    [command, args] = ["/usr/bin/time", ["-f", "%M", "-o", rssFile, ...inner]];
  } else if (job.cli || job.floor) {
    [command, args] = [process.execPath, [CHILD, ...(job.floor ? ["--floor"] : job.cli)]];
    env.KPI_BENCH_RSS_FILE = rssFile;
  } else {
    [command, args] = [job.exec[0], job.exec.slice(1)];
  }
  if (job.before) job.before();
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let rssKiB;
      if (existsSync(rssFile)) {
        const text = readFileSync(rssFile, "utf8");
        // GNU time writes "Command exited with non-zero status N" before the figure when it fails.
        const last = text.trim().split("\n").pop();
        if (/^\d+$/.test(last ?? "")) rssKiB = Number(last);
        rmSync(rssFile, { force: true });
      }
      resolve({ seconds, rssKiB, code, stderr });
    });
  });
}

async function run(job, ctx) {
  const result = await runOnce(job, ctx);
  if (result.code !== (job.exitCode ?? 0)) {
    throw new Error(
      `${job.name}: exit code ${result.code}\n  ${describe(job)}\n${result.stderr.trim().split("\n").slice(-15).join("\n")}`,
    );
  }
  return result;
}

const describe = (job) =>
  job.cli ? `node bin/kpi-report.js ${job.cli.join(" ")}` : job.floor ? "node -e 0" : job.exec.join(" ");

/** Runs each job of `jobs` in turn, `rounds` times (after `warmup` untimed rounds); samples per job. */
async function rounds(jobs, count, warmup, ctx) {
  for (let w = 0; w < warmup; w++) for (const job of jobs) await run(job, ctx);
  const samples = new Map(jobs.map((j) => [j.name, []]));
  for (let r = 0; r < count; r++) {
    for (const job of jobs) {
      const result = await run(job, ctx);
      samples.get(job.name).push(result);
      process.stderr.write(
        `  ${job.name}: ${result.seconds.toFixed(3)} s${result.rssKiB ? `, ${fmtMiB(result.rssKiB)} MiB` : ""}\n`,
      );
    }
  }
  return samples;
}

function summarise(name, samples) {
  const seconds = samples.map((s) => s.seconds);
  const rss = samples.map((s) => s.rssKiB).filter((x) => x !== undefined);
  return {
    name,
    runs: samples.length,
    median: median(seconds),
    min: Math.min(...seconds),
    peakKiB: rss.length ? Math.max(...rss) : undefined,
    seconds,
  };
}

// ---------------------------------------------------------------------------------------------
// Inputs

async function loadDist() {
  const at = (path) => import(pathToFileURL(join(ROOT, "dist", path)).href);
  const [
    { buildReturnWorkbook },
    { buildReviewWorkbook },
    { loadContract },
    { readWorkbook },
    { validateReturn },
    { validateReview },
  ] = await Promise.all([
    at("read/return-template.js"),
    at("read/review-template.js"),
    at("read/contract.js"),
    at("read/workbook.js"),
    at("validate/validate-return.js"),
    at("validate/validate-review.js"),
  ]);
  return {
    buildReturnWorkbook,
    buildReviewWorkbook,
    loadContract,
    readWorkbook,
    validateReturn,
    validateReview,
  };
}

const REAL_MONTHS = ["2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09"];

/** The real returns, read and validated through dist/ as the CLI reads them. */
async function readRealReturns(dist, contract) {
  const returns = new Map();
  for (const month of REAL_MONTHS) {
    const file = join(ROOT, "data", "returns", `${month}.xlsx`);
    const result = dist.validateReturn(await dist.readWorkbook(file), contract, { month });
    if (!result.value)
      throw new Error(`bench: the bundled return ${file} does not validate; fix data/ first.`);
    returns.set(month, result.value);
  }
  return returns;
}

/** September's council review, read and validated through dist/: where the synthetic months' MSR comments come from. */
async function readRealReview(dist, contract) {
  const file = join(ROOT, "data", "reviews", "2022-09.xlsx");
  const result = dist.validateReview(await dist.readWorkbook(file), contract, { month: "2022-09" });
  if (!result.value) throw new Error(`bench: the bundled review ${file} does not validate; fix data/ first.`);
  return result.value;
}

const EXTRA_NOTES = [
  "Figures checked against the driver logs.",
  "SCC compliance officer sampled the records this month.",
  "Sub-contractor figures included.",
  "See the attached log for the detail of each case.",
  "Two cases carried over from last month have now been closed.",
  "Process reviewed at the monthly contract meeting.",
];

/** Replaces month names in real wording with the synthetic month's, so text reads as of that month. */
const retime = (text, month) =>
  text?.replace(new RegExp(`\\b(${MONTH_NAMES.join("|")})s?\\b`, "g"), monthName(month));

/**
 * One KPI's row for a synthetic month: a real row for the same KPI (September's most of the time,
 * another month's otherwise), with new figures consistent with each other, the month's name in
 * the wording, and now and then a note added.
 */
function syntheticRow(def, number, month, real, rng) {
  if (def.target.kind === "report") {
    // A quarterly report: delivered in Feb, May, Aug and Nov (as in the real August), "not due" between.
    const m = Number(month.slice(5, 7));
    return m % 3 === 2
      ? {
          kpi: number,
          status: "measured",
          achieved: 1,
          total: 1,
          commentary: "Please see attached report by Vecteo",
        }
      : {
          kpi: number,
          status: "not due",
          commentary: m % 3 === 0 ? "reported last month" : "reported two months ago",
        };
  }
  const from = rng() < 0.6 ? real.get("2022-09") : real.get(pick(rng, REAL_MONTHS));
  const base = from.kpis.find((row) => row.kpi === def.number);
  const row = structuredClone(base);
  row.kpi = number;
  if (row.status === "measured") {
    let pct;
    if (row.achieved !== undefined) {
      const total = 1 + Math.floor(rng() * 40);
      const achieved = rng() < 0.8 ? total : Math.max(0, total - 1 - Math.floor(rng() * 3));
      Object.assign(row, { achieved, total });
      if (row.percentage !== undefined) row.percentage = pct = round1((achieved / total) * 100);
      else pct = round1((achieved / total) * 100);
    } else if (row.count !== undefined) {
      row.count = Math.floor(rng() * 4);
    } else if (row.percentage !== undefined) {
      row.percentage = pct = rng() < 0.75 ? 100 : round1(85 + rng() * 14.9);
    }
    if (pct !== undefined) row.commentary = row.commentary.replace(/\d+(\.\d+)?%+/, `${pct}%`);
  }
  row.commentary = retime(row.commentary, month);
  if (rng() < 0.3) row.commentary = `${row.commentary}${row.commentary ? " " : ""}${pick(rng, EXTRA_NOTES)}`;
  return row;
}

/** A synthetic return for `month` of `contract`, whose KPIs are lots of the real ones (see bigContract). */
function syntheticReturn(contract, month, real, rng, realKpiOf) {
  const compliments = pick(rng, [...real.values()].map((r) => r.compliments).filter(Boolean));
  return {
    contract: contract.id,
    month,
    supplier: "Vecteo",
    compliments: retime(compliments, month),
    kpis: contract.kpis.map((kpi) => syntheticRow(realKpiOf(kpi), kpi.number, month, real, rng)),
  };
}

/**
 * The council's review of a synthetic month: September's MSR comments, retimed. Its reference
 * columns are left empty: a build never reads them, and filling them would mean judging every
 * month here first.
 */
function syntheticReview(contract, month, septemberReview, realMsrOf) {
  return {
    contract: contract.id,
    month,
    kpis: [],
    msrComments: contract.msrs.map((msr) => {
      const comment = septemberReview.msrComments.find((c) => c.msr === realMsrOf(msr).number).comment;
      return {
        msr: msr.number,
        comment: retime(comment, month).replace(
          /UPDATE \w+:/g,
          `UPDATE ${monthName(month).slice(0, 3).toUpperCase()}:`,
        ),
      };
    }),
  };
}

/** The real contract as 10 lots: 270 KPIs numbered 1-270 and 120 MSRs, each linking its own lot's KPIs. */
function bigContract(real, lots) {
  const kpis = [];
  const msrs = [];
  for (let lot = 0; lot < lots; lot++) {
    const suffix = lot === 0 ? "" : ` (lot ${lot + 1})`;
    const kpiNumber = (n) => lot * real.kpis.length + n;
    for (const kpi of real.kpis)
      kpis.push({
        ...structuredClone(kpi),
        number: kpiNumber(kpi.number),
        shortName: `${kpi.shortName}${suffix}`,
        description: `${kpi.description}${suffix}`,
      });
    for (const msr of real.msrs)
      msrs.push({
        number: lot * real.msrs.length + msr.number,
        text: `${msr.text}${suffix}`,
        linkedKpis: msr.linkedKpis.map(kpiNumber),
      });
  }
  return {
    ...structuredClone(real),
    id: "vecteo-send-transport-lots",
    title: `${real.title} (${lots} lots)`,
    kpis,
    msrs,
  };
}

async function writeDataFolder(dist, dir, contract, months, real, seed) {
  mkdirSync(join(dir, "returns"), { recursive: true });
  mkdirSync(join(dir, "reviews"), { recursive: true });
  writeFileSync(join(dir, "contract.json"), `${JSON.stringify(contract, null, 2)}\n`);
  const realById = new Map(real.contract.kpis.map((k) => [k.number, k]));
  const realMsrById = new Map(real.contract.msrs.map((m) => [m.number, m]));
  const n = real.contract.kpis.length;
  const nm = real.contract.msrs.length;
  const realKpiOf = (kpi) => realById.get(((kpi.number - 1) % n) + 1);
  const realMsrOf = (msr) => realMsrById.get(((msr.number - 1) % nm) + 1);
  const rng = random(seed);
  for (const month of months) {
    const value = syntheticReturn(contract, month, real.returns, rng, realKpiOf);
    const [y, m] = month.split("-").map(Number);
    const created = new Date(Date.UTC(y, m, 1));
    writeFileSync(
      join(dir, "returns", `${month}.xlsx`),
      await dist.buildReturnWorkbook(contract, month, value, created),
    );
    const review = syntheticReview(contract, month, real.review, realMsrOf);
    const empty = { kpis: new Map(), msrs: new Map() };
    writeFileSync(
      join(dir, "reviews", `${month}.xlsx`),
      await dist.buildReviewWorkbook(contract, month, empty, review, created),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The report

function table(rows) {
  const head = ["case", "runs", "median s", "min s", "peak MiB", "target", "result"];
  const body = rows.map((r) => [
    r.label,
    String(r.runs ?? "-"),
    fmtS(r.median),
    fmtS(r.min),
    fmtMiB(r.peakKiB),
    r.target ?? "-",
    r.result ?? "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i >= 1 && i <= 4 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`,
    ...body.map(line),
  ].join("\n");
}

const verdict = (ok, why) => (ok === undefined ? `skipped (${why})` : ok ? "pass" : `MISSED (${why})`);

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, "dist", "cli.js")) || !existsSync(join(ROOT, "dist", "bundle", "cli.js"))) {
    console.error("bench: dist/ is missing; run `npm run bench` (it builds first) or `npm run build`.");
    process.exit(2);
  }
  if (options.inputs) {
    await makeInputs(options, options.inputs);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "kpi-bench-"));
  try {
    await measure(options, dir);
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** The generated data folders: 60 months of the real contract, and (unless --quick) 270 KPIs over the same months. */
async function makeInputs(options, dir) {
  const t0 = Date.now();
  const dist = await loadDist();
  const { contract } = await dist.loadContract(join(ROOT, "data", "contract.json"));
  const real = {
    contract,
    returns: await readRealReturns(dist, contract),
    review: await readRealReview(dist, contract),
  };
  const history = monthRange("2017-10", "2022-09");
  const historyDir = join(dir, "history-60");
  await writeDataFolder(
    dist,
    historyDir,
    JSON.parse(readFileSync(join(ROOT, "data", "contract.json"), "utf8")),
    history,
    real,
    60,
  );
  const bigDir = join(dir, "lots-270");
  if (!options.quick)
    await writeDataFolder(
      dist,
      bigDir,
      bigContract(JSON.parse(readFileSync(join(ROOT, "data", "contract.json"), "utf8")), 10),
      history,
      real,
      270,
    );
  const size = (data) =>
    readdirSync(join(data, "returns")).reduce((sum, f) => sum + statSync(join(data, "returns", f)).size, 0) /
    history.length /
    1024;
  console.log(
    `  generated ${history.length} returns of 27 KPIs (${size(historyDir).toFixed(0)} KB each)${options.quick ? "" : ` and ${history.length} of 270 KPIs (${size(bigDir).toFixed(0)} KB each)`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { dist, history, historyDir, bigDir };
}

async function measure(options, dir) {
  const ctx = { dir, counter: 0, method: rssMethod(dir) };
  const soffice = sh("sh", ["-c", "command -v soffice"]);
  const git = sh("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"]);
  const dirty = sh("git", ["-C", ROOT, "status", "--porcelain", "--untracked-files=no", "--", "src"]);

  console.log("kpi-report benchmark");
  console.log(
    `  machine: ${availableParallelism()} CPUs (${cpus()[0]?.model?.trim() ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform} ${process.arch}`,
  );
  console.log(
    `  node ${process.version}; kpi-report ${git ?? "(not a git checkout)"}${dirty ? " with uncommitted changes in src/" : ""}`,
  );
  console.log(
    `  peak memory: ${ctx.method === "gnu-time" ? "GNU /usr/bin/time -f %M (child's max RSS)" : "process.resourceUsage().maxRSS via scripts/bench-child.mjs"}`,
  );
  console.log(
    `  LibreOffice: ${soffice ? `${soffice} (${sh(soffice, ["--version"])?.split("\n")[0] ?? "version unknown"})` : "not installed"}`,
  );
  console.log(
    `  runs: ${options.runs} per case, ${options.slowRuns} for the two slowest${options.quick ? " (--quick: no warm-up, no 270-KPI case)" : ", after one warm-up each"}`,
  );
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(" ");
  console.log(
    `  load average at start: ${load()}${loadavg()[0] > availableParallelism() / 2 ? " (the machine is busy: times will be longer and noisier than on an idle one)" : ""}`,
  );
  console.log(
    `  inputs and outputs: ${dir}${options.keep ? " (kept)" : " (removed at the end; --keep keeps them)"}`,
  );

  const { dist, history, historyDir, bigDir } = await makeInputs(options, dir);

  const out = (name) => join(dir, "out", name);
  // Every generated return must be clean, or every build below would stop at exit code 1.
  for (const data of options.quick ? [historyDir] : [historyDir, bigDir]) {
    await run(
      {
        name: "check inputs",
        cli: ["build", "--check", "--quiet", "--data", data, "--month", history.at(-1), "--from", history[0]],
      },
      ctx,
    );
  }
  console.log("");

  const warm = options.quick ? 0 : 1;
  const results = {};

  // 1. Node's start, and the September cases, in turn with LibreOffice.
  const septOut = out("sept");
  const docx = join(septOut, "appendices-2022-09.docx");
  const sept = [
    { name: "node", floor: true },
    { name: "validate", cli: ["validate", "data/returns/2022-09.xlsx"] },
    { name: "status", cli: ["status", "--month", "2022-09"] },
    { name: "build", cli: ["build", "--month", "2022-09", "--out", septOut, "--quiet"] },
  ];
  if (soffice) {
    await run(sept[3], ctx); // our DOCX, for LibreOffice to convert
    let profile = 0;
    const loOut = join(dir, "out", "libreoffice");
    sept.push({
      name: "soffice",
      get exec() {
        return [
          soffice,
          `-env:UserInstallation=${pathToFileURL(join(dir, "lo-profiles", String(profile))).href}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          loOut,
          docx,
        ];
      },
      before() {
        profile++; // a fresh profile for every run, as on a clean CI runner
      },
    });
  }
  console.log(`September 2022, the bundled data: ${sept.map((j) => j.name).join(", ")}, in turn`);
  const septSamples = await rounds(sept, options.runs, warm, ctx);
  for (const [name, samples] of septSamples) results[name] = summarise(name, samples);
  if (soffice && !existsSync(join(dir, "out", "libreoffice", "appendices-2022-09.pdf")))
    throw new Error("soffice ran but wrote no PDF; its time would mean nothing.");
  const ratio = (name) => {
    if (!soffice) return undefined;
    const ours = septSamples.get(name);
    const theirs = septSamples.get("soffice");
    return median(ours.map((s, i) => s.seconds / theirs[i].seconds));
  };
  results.build.ratio = ratio("build");
  results.validate.ratio = ratio("validate");
  results.status.ratio = ratio("status");

  // 1b. The September PDF alone, in turn with Typst typesetting the same words (scripts/bench-typst.mjs).
  results.typst = await typstYardstick(options, dir, ctx, warm);

  // 2. 60 months of history: the default 12 months shown, and all 60.
  console.log("60 months of history (2017-10..2022-09), real contract");
  const hist = [
    {
      name: "history-12",
      cli: ["build", "--data", historyDir, "--month", "2022-09", "--out", out("history-12"), "--quiet"],
    },
    {
      name: "history-60",
      cli: [
        "build",
        "--data",
        historyDir,
        "--month",
        "2022-09",
        "--from",
        history[0],
        "--out",
        out("history-60"),
        "--quiet",
      ],
    },
  ];
  for (const [name, samples] of await rounds(hist, options.runs, warm, ctx))
    results[name] = summarise(name, samples);

  // 3. 270 KPIs x 60 months, every month shown.
  if (!options.quick) {
    console.log("270 KPIs x 60 months, every month shown");
    const big = [
      {
        name: "lots-270x60",
        cli: [
          "build",
          "--data",
          bigDir,
          "--month",
          "2022-09",
          "--from",
          history[0],
          "--out",
          out("lots-270"),
          "--quiet",
        ],
      },
    ];
    for (const [name, samples] of await rounds(big, options.slowRuns, warm, ctx))
      results[name] = summarise(name, samples);
  }

  // 3b. Reading the 60 returns in this process (the reader already loaded and warmed on the bundled
  // returns): the part of a 60-month build that is the reader's own (target: under 0.4 s for 270 KPIs).
  const reading = {};
  for (const [name, data] of options.quick
    ? [["read-60x27", historyDir]]
    : [
        ["read-60x27", historyDir],
        ["read-60x270", bigDir],
      ]) {
    const files = readdirSync(join(data, "returns"))
      .sort()
      .map((f) => join(data, "returns", f));
    const passes = [];
    for (let i = 0; i < Math.max(3, options.runs); i++) {
      const t0 = performance.now();
      for (const file of files) await dist.readWorkbook(file);
      passes.push((performance.now() - t0) / 1000);
    }
    reading[name] = {
      runs: passes.length,
      median: median(passes),
      min: Math.min(...passes),
      first: passes[0],
    };
    console.log(
      `  ${name}: read ${files.length} returns in ${reading[name].first.toFixed(3)} s the first time, ${reading[name].median.toFixed(3)} s median of ${passes.length}`,
    );
  }
  results.reading = reading;

  // 4. A batch of 50 reports in one process, in turn with a single report from the same data.
  const batchMonths = history.slice(-50);
  console.log(
    `Batch: ${batchMonths.length} reports (--month ${batchMonths[0]}..${batchMonths.at(-1)}) in one process, in turn with one report`,
  );
  const batch = [
    {
      name: "batch-1",
      cli: ["build", "--data", historyDir, "--month", "2022-09", "--out", out("batch-1"), "--quiet"],
    },
    {
      name: "batch-50",
      cli: [
        "build",
        "--data",
        historyDir,
        "--month",
        `${batchMonths[0]}..${batchMonths.at(-1)}`,
        "--out",
        out("batch-50"),
        "--quiet",
      ],
    },
  ];
  for (const [name, samples] of await rounds(batch, options.slowRuns, warm, ctx))
    results[name] = summarise(name, samples);
  const perExtra = (results["batch-50"].median - results["batch-1"].median) / (batchMonths.length - 1);

  // 5. A zip bomb: how soon validate refuses it. test/validate/zip-bomb.test.ts bounds the reader by
  // CPU time only (a busy machine stretches wall-clock time); this keeps the wall-clock figure.
  const bombFile = join(dir, "bomb.xlsx");
  writeFileSync(bombFile, zipBomb(1.5 * 1024 * 1024, "lie").bytes);
  console.log("A 1.5 MB zip bomb (about 1.5 GB inflated), refused by validate with exit 2");
  const bomb = [{ name: "zip-bomb", cli: ["validate", bombFile], exitCode: 2 }];
  for (const [name, samples] of await rounds(bomb, options.runs, warm, ctx))
    results[name] = summarise(name, samples);

  // 6. The worst shapes a supplier can email (issue 22, scripts/hostile-shapes.mjs): each small, each
  // answered by validate within its limits; the one a return can be filed with is built too.
  const shapes = writeShapes(join(dir, "hostile"));
  console.log(
    `The worst shapes (scripts/hostile-shapes.mjs): ${shapes.map((s) => s.name).join(", ")}, validated in turn`,
  );
  const shapeJobs = shapes.map((shape) => ({
    name: `shape-${shape.name}`,
    cli: ["validate", shape.path],
    exitCode: shape.exitCode,
  }));
  const strings = shapes.find((s) => s.name.startsWith("strings-"));
  const shapeData = join(dir, "hostile-data");
  cpSync(join(ROOT, "data"), shapeData, { recursive: true });
  cpSync(strings.path, join(shapeData, "returns", "2022-09.xlsx"));
  shapeJobs.push({
    name: "shape-build-strings",
    cli: ["build", "--data", shapeData, "--month", "2022-09", "--out", out("hostile"), "--quiet"],
  });
  for (const [name, samples] of await rounds(shapeJobs, options.slowRuns, warm, ctx))
    results[name] = summarise(name, samples);

  // The table.
  const r = results;
  const mib = (kib) => (kib === undefined ? undefined : kib / 1024);
  const ratioText = (x) => (x === undefined ? "no soffice" : `${x.toFixed(2)}x soffice`);
  const buildOk = r.build.ratio === undefined ? undefined : r.build.ratio <= 0.5;
  const buildMemOk = mib(r.build.peakKiB) === undefined ? undefined : mib(r.build.peakKiB) <= 150;
  const rows = [
    { label: "node -e 0 (floor)", ...r.node },
    {
      label: "validate 2022-09.xlsx",
      ...r.validate,
      target: "<= 0.12x soffice",
      result: verdict(
        r.validate.ratio === undefined ? undefined : r.validate.ratio <= 0.12,
        ratioText(r.validate.ratio),
      ),
    },
    {
      label: "status --month 2022-09",
      ...r.status,
      result: r.status.ratio === undefined ? "" : ratioText(r.status.ratio),
    },
    {
      label: "build --month 2022-09 (pdf, docx, html)",
      ...r.build,
      target: "<= 0.5x soffice, <= 150 MiB",
      result:
        buildOk === false || buildMemOk === false
          ? `MISSED (${[buildOk === false ? ratioText(r.build.ratio) : "", buildMemOk === false ? `${fmtMiB(r.build.peakKiB)} MiB` : ""].filter(Boolean).join(", ")})`
          : buildOk === undefined
            ? `memory ${verdict(buildMemOk, "n/a")}; time skipped (no soffice)`
            : `pass (${ratioText(r.build.ratio)})`,
    },
    ...(soffice
      ? [{ label: "soffice --convert-to pdf (our docx)", ...r.soffice, result: "the yardstick" }]
      : []),
    ...(r.typst.skipped
      ? [
          {
            label: "build --formats pdf against Typst",
            target: "<= 2x Typst",
            result: `skipped (${r.typst.skipped})`,
          },
        ]
      : [
          {
            label: "build --month 2022-09 --formats pdf",
            ...r.typst.pdf,
            target: "<= 2x Typst",
            result: verdict(r.typst.ratio <= 2, `${r.typst.ratio.toFixed(2)}x Typst`),
          },
          { label: `Typst ${TYPST_VERSION}: the same words`, ...r.typst.typst, result: "the yardstick" },
        ]),
    { label: "build, 60 months of history, 12 shown", ...r["history-12"] },
    { label: "build, 60 months of history, 60 shown", ...r["history-60"] },
    ...(r["lots-270x60"]
      ? [
          {
            label: "build, 270 KPIs x 60 months, 60 shown",
            ...r["lots-270x60"],
            target: "< 3 s, < 300 MiB",
            result: (() => {
              const slow = r["lots-270x60"].median >= 3;
              const big = mib(r["lots-270x60"].peakKiB) !== undefined && mib(r["lots-270x60"].peakKiB) >= 300;
              return slow || big
                ? `MISSED (${[slow ? `${r["lots-270x60"].median.toFixed(2)} s` : "", big ? `${fmtMiB(r["lots-270x60"].peakKiB)} MiB` : ""].filter(Boolean).join(", ")})`
                : "pass";
            })(),
          },
        ]
      : [
          {
            label: "build, 270 KPIs x 60 months, 60 shown",
            target: "< 3 s, < 300 MiB",
            result: "skipped (--quick)",
          },
        ]),
    { label: "read 60 returns of 27 KPIs (in process)", ...r.reading["read-60x27"] },
    r.reading["read-60x270"]
      ? {
          label: "read 60 returns of 270 KPIs (in process)",
          ...r.reading["read-60x270"],
          target: "< 0.4 s",
          result: verdict(
            r.reading["read-60x270"].median < 0.4,
            `${r.reading["read-60x270"].median.toFixed(3)} s`,
          ),
        }
      : { label: "read 60 returns of 270 KPIs (in process)", target: "< 0.4 s", result: "skipped (--quick)" },
    { label: "batch: 1 report (same data)", ...r["batch-1"] },
    { label: `batch: ${batchMonths.length} reports in one process`, ...r["batch-50"] },
    {
      label: "  each extra report in the batch",
      median: perExtra,
      target: "< 0.1 s",
      result: verdict(perExtra < 0.1, `${perExtra.toFixed(3)} s`),
    },
    ...shapes.map((shape) =>
      shapeRow(
        `validate ${shape.name} (${(shape.bytes / 1024).toFixed(0)} KB, exit ${shape.exitCode})`,
        r[`shape-${shape.name}`],
      ),
    ),
    shapeRow(`build with ${strings.name} filed as 2022-09`, r["shape-build-strings"]),
    {
      label: "validate a 1.5 MB zip bomb (refused)",
      ...r["zip-bomb"],
      target: "< 1 s, < 300 MiB",
      result: verdict(
        r["zip-bomb"].median < 1 && (mib(r["zip-bomb"].peakKiB) ?? 0) < 300,
        `${r["zip-bomb"].median.toFixed(2)} s`,
      ),
    },
  ];
  console.log("");
  console.log(table(rows));
  console.log("");
  if (soffice) {
    const lo = r.soffice.median;
    console.log(
      `Ratios to LibreOffice (median of per-round ratios; ratio of medians in brackets): build ${r.build.ratio.toFixed(2)} (${(r.build.median / lo).toFixed(2)}), validate ${r.validate.ratio.toFixed(2)} (${(r.validate.median / lo).toFixed(2)}), status ${r.status.ratio.toFixed(2)} (${(r.status.median / lo).toFixed(2)}).`,
    );
  } else {
    console.log(
      "LibreOffice comparison skipped: soffice is not installed. Install it with `apt-get install -y libreoffice-writer-nogui` (Debian/Ubuntu) and run again.",
    );
  }
  if (r.typst.skipped) console.log(`Typst yardstick skipped: ${r.typst.skipped}.`);
  else
    console.log(
      `Typst yardstick: our September PDF ${r.typst.ratio.toFixed(2)}x Typst's time (median of per-round ratios; ratio of medians ${(r.typst.pdf.median / r.typst.typst.median).toFixed(2)}); ours ${r.typst.ours.pages} pages and ${r.typst.ours.words.toLocaleString("en-GB")} words, Typst's ${r.typst.theirs.pages} pages and ${r.typst.theirs.words.toLocaleString("en-GB")} words (words as pdftotext reads each PDF${r.typst.ours.counted === "model" ? "; pdftotext missing, so the model's words, the same for both" : ""}).`,
    );
  console.log(
    `Per extra report in a batch: (T${batchMonths.length} - T1) / ${batchMonths.length - 1} = (${r["batch-50"].median.toFixed(3)} - ${r["batch-1"].median.toFixed(3)}) / ${batchMonths.length - 1} = ${perExtra.toFixed(3)} s.`,
  );
  console.log(`Load average at the end: ${load()}.`);
  const missed = rows.filter((row) => row.result?.startsWith("MISSED"));
  console.log(
    missed.length
      ? `MISSED ${missed.length} target${missed.length === 1 ? "" : "s"}: ${missed.map((m) => m.label.trim()).join("; ")}.`
      : "Every target measured was met.",
  );

  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), git, dirty: Boolean(dirty), rssMethod: ctx.method, soffice: Boolean(soffice), perExtra, results }, null, 2)}\n`,
    );
  }
}

/**
 * Our September PDF (`build --formats pdf`, a whole process from the returns) in turn with Typst
 * typesetting the same words (a whole process from the Typst source, which is made beforehand from
 * the same report model): the per-round ratio's median, and the pages and words of each PDF.
 */
async function typstYardstick(options, dir, ctx, warm) {
  if (!options.typst) return { skipped: "--no-typst" };
  const addon = fetchTypst();
  if (addon.skipped) return { skipped: addon.skipped };
  const source = join(dir, "typst", "appendices-2022-09.typ");
  const theirs = join(dir, "typst", "appendices-2022-09.pdf");
  const oursDir = join(dir, "out", "sept-pdf");
  mkdirSync(dirname(source), { recursive: true });
  const model = await reportModel(ROOT, join(ROOT, "data"), "2022-09");
  writeFileSync(source, typstSource(model));
  const fonts = ["400Regular/SourceSans3_400Regular.ttf", "700Bold/SourceSans3_700Bold.ttf"].map((f) =>
    join(ROOT, "node_modules", "@expo-google-fonts", "source-sans-3", f),
  );
  const jobs = [
    { name: "pdf", cli: ["build", "--month", "2022-09", "--formats", "pdf", "--out", oursDir, "--quiet"] },
    {
      name: "typst",
      exec: [
        process.execPath,
        join(ROOT, "scripts", "bench-typst.mjs"),
        "--typeset",
        addon.entry,
        source,
        theirs,
        ...fonts,
      ],
    },
  ];
  console.log(
    `September's PDF and Typst (${TYPST_PACKAGE} ${TYPST_VERSION}) typesetting the same words, in turn`,
  );
  const samples = await rounds(jobs, options.runs, warm, ctx);
  const ratios = samples.get("pdf").map((s, i) => s.seconds / samples.get("typst")[i].seconds);
  const ours = pdfFacts(join(oursDir, "appendices-2022-09.pdf"), model);
  return {
    pdf: summarise("pdf", samples.get("pdf")),
    typst: summarise("typst", samples.get("typst")),
    ratio: median(ratios),
    ours,
    theirs: pdfFacts(theirs, model),
  };
}

/**
 * A PDF's pages (pdfinfo's count, else its page objects) and words (as pdftotext reads it; without
 * pdftotext, the words of the model's sections, the same figure for both PDFs).
 */
function pdfFacts(file, model) {
  const info = sh("pdfinfo", [file]);
  const pages = info
    ? Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
    : (readFileSync(file)
        .toString("latin1")
        .match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0);
  const text = sh("pdftotext", ["-enc", "UTF-8", file, "-"]);
  if (text !== undefined) return { pages, words: wordCount(text), counted: "pdftotext" };
  return { pages, words: wordCount(modelText(model)), counted: "model" };
}

/** A worst-shape case against issue 22's target: any file under 10 MB answered in under 5 s and 300 MiB. */
function shapeRow(label, result) {
  const mib = result.peakKiB === undefined ? undefined : result.peakKiB / 1024;
  const slow = result.median >= 5;
  const big = mib !== undefined && mib >= 300;
  return {
    label,
    ...result,
    target: "< 5 s, < 300 MiB",
    result:
      slow || big
        ? `MISSED (${[slow ? `${result.median.toFixed(2)} s` : "", big ? `${fmtMiB(result.peakKiB)} MiB` : ""].filter(Boolean).join(", ")})`
        : "pass",
  };
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
