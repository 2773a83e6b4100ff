import { spawnSync } from "node:child_process";
import {
  chmodSync,
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
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "kpi-usage-"));
const at = (name: string) => join(work, name);

/** Words of the libraries underneath, and of Node's file system, that a user must never be shown. */
const LIBRARY_WORDS =
  /Invalid input|expected|received|EEXIST|ENOENT|EACCES|EPERM|EROFS|ENOTDIR|\[object Object\]|\bat .*:\d+:\d+|Error:|undefined|NaN/i;

/** A data folder like the bundled one, with its own summary template. */
function dataWithTemplate(name: string, template: string): void {
  cpSync(join(root, "data"), at(name), { recursive: true });
  mkdirSync(at(`${name}/templates`), { recursive: true });
  writeFileSync(at(`${name}/templates/summary.hbs`), template);
}

beforeAll(() => {
  writeFileSync(at("blocker"), "a file where a folder should be");
  dataWithTemplate("typo", "For {{monthLabel}}:\n{{mett}} KPIs met.");
  dataWithTemplate("typo-in-if", "{{#if notMett}}Some were not met.{{/if}}");
  dataWithTemplate("unclosed", "{{#if notMet}}Some were not met.");
  dataWithTemplate("mismatch", "{{#if notMet}}Some were not met.{{/each}}");
  dataWithTemplate("braces", "{{met KPIs met.");
  dataWithTemplate("helper", '{{plurl met "KPI" "KPIs"}}');
  writeFileSync(at("not-json.json"), "{ builds: [");
  writeFileSync(
    at("odd-config.json"),
    JSON.stringify({ builds: [{ data: "data", month: "2022-09", colour: "red" }] }),
  );
  writeFileSync(at("empty-config.json"), JSON.stringify({ builds: [] }));
  mkdirSync(at("folder.xlsx"));
  const contract = JSON.parse(readFileSync(join(root, "data", "contract.json"), "utf8"));
  contract.kpis[2].rank = "high";
  contract.kpis[3].colour = "red";
  delete contract.msrs[0].text;
  writeFileSync(at("odd-contract.json"), JSON.stringify(contract));
  writeFileSync(at("typed-config.json"), JSON.stringify({ builds: [{ data: 3, month: "2022-09" }] }));
});

// [what is tried, the command line, what the message must say]. Paths under `work` are written as @name.
const CASES: [string, string[], RegExp][] = [
  [
    "a month that is not one",
    ["build", "--month", "2022-13"],
    /^kpi-report: --month 2022-13: months are YYYY-MM, a range FROM\.\.TO or a comma-separated list, e\.g\. 2022-09/,
  ],
  [
    "a month without its zero",
    ["status", "--month", "2022-9"],
    /--month 2022-9: months are YYYY-MM, e\.g\. 2022-09/,
  ],
  [
    "a range backwards",
    ["build", "--month", "2022-09..2022-03"],
    /--month 2022-09\.\.2022-03: the range ends before it starts/,
  ],
  [
    "a range with a bad end",
    ["build", "--month", "2022-03..2022-13"],
    /--month 2022-03\.\.2022-13: months are YYYY-MM/,
  ],
  ["no month", ["build"], /--month is required \(or --config FILE\)/],
  ["no month for status", ["status"], /--month is required: months are YYYY-MM, e\.g\. 2022-09/],
  ["a month with no value", ["build", "--month"], /--month needs a value: months are YYYY-MM/],
  [
    "--month and --config",
    ["build", "--month", "2022-09", "--config", "@odd-config.json"],
    /--month and --config cannot be used together/,
  ],
  [
    "a negative start page",
    ["build", "--month", "2022-09", "--start-page", "-3"],
    /--start-page -3: the first page number is a whole number, 1 or more, e\.g\. 5/,
  ],
  [
    "a start page in words",
    ["build", "--month", "2022-09", "--start-page", "abc"],
    /--start-page abc: the first page number is a whole number/,
  ],
  [
    "a fractional start page",
    ["build", "--month", "2022-09", "--start-page", "2.5"],
    /--start-page 2\.5: the first page number is a whole number/,
  ],
  [
    "no formats",
    ["build", "--month", "2022-09", "--formats", ""],
    /--formats "": formats are pdf, docx, html, comma-separated, e\.g\. pdf or pdf,html/,
  ],
  [
    "a format there is not",
    ["build", "--month", "2022-09", "--formats", "pdf,rtf"],
    /--formats pdf,rtf: formats are pdf, docx, html/,
  ],
  [
    "a --from that is not a month",
    ["build", "--month", "2022-09", "--from", "March"],
    /--from March: months are YYYY-MM, e\.g\. 2022-03/,
  ],
  [
    "a --from after the month",
    ["build", "--month", "2022-09", "--from", "2022-10"],
    /--from 2022-10 is after the month 2022-09/,
  ],
  [
    "an empty --summary",
    ["build", "--month", "2022-09", "--summary", ""],
    /--summary "": a file for the markdown summary, e\.g\. out\/summary\.md/,
  ],
  [
    "a --summary that is a folder",
    ["build", "--month", "2022-09", "--summary", "@folder.xlsx"],
    /Cannot write the summary to .*folder\.xlsx: it is a folder/,
  ],
  [
    "--quiet with --verbose",
    ["build", "--month", "2022-09", "--quiet", "--verbose"],
    /--quiet cannot be used with --verbose: choose one/,
  ],
  [
    "--quiet with --verbose on template",
    ["template", "--month", "2022-10", "--quiet", "--verbose"],
    /--quiet cannot be used with --verbose: choose one/,
  ],
  [
    "--quiet with --verbose on add",
    ["add", "x.xlsx", "--quiet", "--verbose"],
    /--quiet cannot be used with --verbose: choose one/,
  ],
  [
    "a misspelt option",
    ["build", "--mnth", "2022-09"],
    /--mnth is not an option of build\. Did you mean --month\?/,
  ],
  [
    "a command there is not",
    ["biuld"],
    /biuld is not a command: the commands are status, build, validate, template/,
  ],
  ["a word status does not take", ["status", "2022-09"], /status takes options only/],
  [
    "a status format there is not",
    ["status", "--month", "2022-09", "--format", "xml"],
    /--format xml: the output is text or json, e\.g\. json/,
  ],
  [
    "a validate format there is not",
    ["validate", "data/returns/2022-09.xlsx", "--format", "html"],
    /--format html: the output is text, json or github/,
  ],
  [
    "validate with no file",
    ["validate"],
    /validate needs the file to check, e\.g\. kpi-report validate data\/returns\/2022-09\.xlsx/,
  ],
  [
    "--max-errors 0",
    ["validate", "data/returns/2022-09.xlsx", "--max-errors", "0"],
    /--max-errors 0: the most findings to list is a whole number, 1 or more, e\.g\. 50/,
  ],
  ["a file that is not there", ["validate", "@nothere.xlsx"], /Cannot find .*nothere\.xlsx/],
  ["a folder named like a file", ["validate", "@folder.xlsx"], /folder\.xlsx/],
  ["a pattern that matches nothing", ["validate", "@none-*.xlsx"], /No file matches .*none-\*\.xlsx/],
  [
    "a month with no return",
    ["build", "--month", "2030-01"],
    /There is no return for 2030-01 in data[\s\S]*Returns available: 2022-03/,
  ],
  [
    "a data folder that is not there",
    ["build", "--month", "2022-09", "--data", "@no-such-data"],
    /no-such-data/,
  ],
  [
    "a config that is not JSON",
    ["build", "--config", "@not-json.json"],
    /The build config .*not-json\.json is not valid JSON/,
  ],
  [
    "a config with a field it does not take",
    ["build", "--config", "@odd-config.json"],
    /odd-config\.json[\s\S]*colour/,
  ],
  [
    "a config with no builds",
    ["build", "--config", "@empty-config.json"],
    /empty-config\.json cannot be used:\n {2}- builds must not be empty/,
  ],
  [
    "a config with a number for a folder",
    ["build", "--config", "@typed-config.json"],
    /builds\[0\]\.data is 3: it must be text in quotes/,
  ],
  [
    "a contract of the wrong shape",
    ["status", "--month", "2022-09", "--contract", "@odd-contract.json"],
    /odd-contract\.json cannot be used:\n {2}- line 1, column \d+: KPI 3 \(the 3rd in kpis\), rank is "high": it must be a number\n {2}- line 1, column \d+: KPI 4 \(the 4th in kpis\): "colour" is not a key kpi-report reads here; the keys are .*\n {2}- line 1, column \d+: MSR 1 \(the 1st in msrs\), text is missing/,
  ],
  [
    "--out a file",
    ["build", "--month", "2022-09", "--out", "README.md"],
    /Cannot write into README\.md: it is a file, not a folder\./,
  ],
  [
    "--out under a file",
    ["build", "--month", "2022-09", "--out", "@blocker/out"],
    /Cannot make the folder .*blocker\/out: .*blocker is a file, not a folder\./,
  ],
  // Root is told procfs makes no folders; another user is refused first, by /proc's mode 555.
  [
    "--out in procfs",
    ["build", "--month", "2022-09", "--out", "/proc/forbidden"],
    /Cannot make the folder \/proc\/forbidden: (\/proc does not allow folders to be made in it|permission denied in \/proc)\./,
  ],
  [
    "template --out in procfs",
    ["template", "--month", "2022-10", "--out", "/proc/forbidden/return.xlsx"],
    /Cannot make the folder \/proc\/forbidden: \/proc does not allow/,
  ],
  [
    "template over a file",
    ["template", "--month", "2022-10", "--out", "README.md"],
    /README\.md already exists; a return may already be filled in there[\s\S]*--force/,
  ],
  [
    "a template with a typo",
    ["build", "--month", "2022-09", "--data", "@typo"],
    /The template .*typo\/templates\/summary\.hbs cannot be used: line 2, column 3: "mett" is not a name a template can use; did you mean "met"\?/,
  ],
  [
    "a typo inside {{#if}}, checked",
    ["build", "--month", "2022-09", "--data", "@typo-in-if", "--check"],
    /summary\.hbs cannot be used: line 1, column 7: "notMett" .*did you mean "notMet"\?/,
  ],
  [
    "a block not closed",
    ["build", "--month", "2022-09", "--data", "@unclosed", "--check"],
    /summary\.hbs cannot be used: line 1, near column \d+: the template ends inside a \{\{#block\}\}/,
  ],
  [
    "a block closed by another",
    ["build", "--month", "2022-09", "--data", "@mismatch", "--check"],
    /summary\.hbs cannot be used: line 1, column \d+: \{\{#if\}\} is closed by \{\{\/each\}\}/,
  ],
  [
    "braces not closed",
    ["build", "--month", "2022-09", "--data", "@braces", "--check"],
    /summary\.hbs cannot be used: line 1, near column \d+: a \{\{ \}\} is not complete/,
  ],
  [
    "a helper misspelt",
    ["build", "--month", "2022-09", "--data", "@helper", "--check"],
    /"plurl" is not a name a template can use; did you mean "plural"\?/,
  ],
];

const expand = (args: string[]) => args.map((a) => (a.startsWith("@") ? at(a.slice(1)) : a));

describe("every mistake in plain words, with exit 2", () => {
  it("tries at least 25 of them", () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it.each(CASES)("%s", (_, args, says) => {
    const out = at(`out-${Math.random().toString(36).slice(2)}`);
    // A build that got past the check would write here, not into the repository's out/.
    const [command, ...rest] = expand(args);
    const run = runCli(
      command === "build" && !args.includes("--out") ? [command, "--out", out, ...rest] : [command!, ...rest],
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(says);
    expect(run.stderr.startsWith("kpi-report: "), run.stderr).toBe(true);
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
    expect(run.stdout).toBe("");
  });

  it("stops at an --out it cannot use before reading any return", () => {
    const run = runCli(["build", "--month", "2022-09", "--out", "/proc/forbidden", "--verbose"]);
    expect(run.code).toBe(2);
    // --verbose says "Contract ...: 27 KPIs" once it has read the data: it never got that far.
    expect(run.stderr).not.toMatch(/Contract|returns read/);
  });

  it("with --format json, commander's own errors are JSON on stdout too, in our words", () => {
    const CAUGHT: [string[], RegExp][] = [
      [
        ["status", "--mnth", "2022-09", "--format", "json"],
        /^--mnth is not an option of status\. Did you mean --month\?$/,
      ],
      [
        ["status", "--format", "json", "--month"],
        /^--month needs a value: months are YYYY-MM, e\.g\. 2022-09$/,
      ],
      [["validate", "--format=json"], /^validate needs the file to check/],
      [["validate", "-f", "json", "--bogus", "x.xlsx"], /^--bogus is not an option of validate\.$/],
      [["status", "-f", "json", "2022-09"], /^status takes options only/],
    ];
    for (const [args, says] of CAUGHT) {
      const run = runCli(args);
      expect(run.code, args.join(" ")).toBe(2);
      const json = JSON.parse(run.stdout) as {
        valid: boolean;
        error: { kind: string; message: string; hint: string };
      };
      expect(json).toMatchObject({ version: 1, valid: false, error: { kind: "usage" } });
      expect(json.error.message).toMatch(says);
      expect(json.error.hint).toMatch(/^Run kpi-report /);
      expect(run.stderr).toContain(`kpi-report: ${json.error.message}`);
    }
    // On build, -f is --formats: `-f json` there is a list of formats, and the error stays text.
    const build = runCli(["build", "-f", "json", "--bogus"]);
    expect(build.code).toBe(2);
    expect(build.stdout).toBe("");
  });

  it("with --format json, prints the error as JSON on stdout too", () => {
    for (const args of [
      ["status", "--month", "2030-01"],
      ["status", "--month", "2022-13"],
      ["validate", "@nothere.xlsx"],
    ]) {
      const run = runCli([...expand(args), "--format", "json"]);
      expect(run.code).toBe(2);
      const json = JSON.parse(run.stdout) as {
        valid: boolean;
        error?: { message: string };
        files?: unknown[];
      };
      expect(json.valid).toBe(false);
      expect(json.error?.message ?? JSON.stringify(json.files)).not.toMatch(LIBRARY_WORDS);
    }
  });
});

/**
 * A folder the user may not write in. Root may write anywhere, so as root (CI) the CLI runs as
 * `nobody`, for whom the folder is another user's (mode 755) or read-only (mode 555). `nobody` may
 * not be able to enter the checkout (a clone under /root or in a `mktemp -d` folder is mode 700), so
 * it runs a copy of what the CLI needs (bin/, dist/bundle/, package.json, templates/, data/) in a
 * folder anyone may read, and a copy of node when the machine's cannot be started by `nobody`.
 * Not as root, "another user's folder" is one root owns: the file system's root folder.
 */
const asRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
/** A temp folder `nobody` can reach: every folder on its path lets others pass (the suite's own are private). */
function publicTemp(): string {
  const passable = (dir: string): boolean =>
    (statSync(dir).mode & 0o001) !== 0 && (dirname(dir) === dir || passable(dirname(dir)));
  const places = [process.env.KPI_TEST_SYSTEM_TMPDIR, tmpdir(), "/tmp", "/var/tmp"].filter(
    (p): p is string => !!p && existsSync(p),
  );
  return places.find((p) => !asRoot || passable(p)) ?? tmpdir();
}
const runnable = mkdtempSync(join(publicTemp(), "kpi-public-"));
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let copied: { node: string; bin: string; data: string } | undefined;

function publicCli(): { node: string; bin: string; data: string } {
  copied ??= copyCli();
  return copied;
}

function copyCli(): { node: string; bin: string; data: string } {
  chmodSync(runnable, 0o755);
  for (const part of ["bin", "dist/bundle", "package.json", "templates", "data"])
    cpSync(join(root, part), join(runnable, part), { recursive: true });
  let node = process.execPath;
  if (asRoot && spawnSync(node, ["-e", ""], NOBODY).status !== 0) {
    node = join(runnable, "node");
    cpSync(process.execPath, node);
    chmodSync(node, 0o755);
  }
  return { node, bin: join(runnable, "bin", "kpi-report.js"), data: join(runnable, "data") };
}

function notMine(): string {
  if (asRoot) return chmodded(0o755);
  return "/";
}

function chmodded(mode: number): string {
  const locked = mkdtempSync(join(publicTemp(), "kpi-locked-"));
  chmodSync(locked, mode);
  return locked;
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(runnable, { recursive: true, force: true });
});

describe.each([
  ["another user's folder", () => notMine()],
  ["a read-only folder", () => chmodded(0o555)],
])("--out in %s", (_, folder) => {
  it("fails with exit 2 and says permission is denied", () => {
    const locked = folder();
    const cli = publicCli();
    const out = join(locked, `kpi-report-out-${process.pid}`);
    const run = spawnSync(
      cli.node,
      [cli.bin, "build", "--month", "2022-09", "--data", cli.data, "--out", out],
      {
        cwd: tmpdir(),
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        ...(asRoot ? NOBODY : {}),
      },
    );
    if (locked !== "/") rmSync(locked, { recursive: true, force: true });
    expect(run.error, `${cli.node} could not be started${asRoot ? " as nobody" : ""}`).toBeUndefined();
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`Cannot make the folder ${literal(out)}: permission denied in ${literal(locked)}\\.`),
    );
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
  });
});

describe("the command line itself", () => {
  it("bare kpi-report prints the help on stdout, exit 0, as --help does", () => {
    const bare = runCli([]);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe("");
    expect(bare.stdout).toBe(runCli(["--help"]).stdout);
    expect(bare.stdout).toMatch(/^Usage: kpi-report \[options\] \[command\]/);
  });

  it("validate of a return that carries no contract, outside any data folder, says in one line what it needs", () => {
    const elsewhere = mkdtempSync(join(work, "elsewhere-"));
    // A return filed before templates carried the contract (contract-copy.test.ts has those that do).
    cpSync(join(root, "data", "returns", "2022-09.xlsx"), join(elsewhere, "return.xlsx"));
    const run = runCli(["validate", "return.xlsx"], { cwd: elsewhere });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toMatch(
      /^kpi-report: To check return\.xlsx, validate needs the council's contract "vecteo-send-transport", which it names: run it in the council's data folder \(where contract\.json is\), or pass --data DIR or --contract FILE\. No contract found: there is no contract\.json in .*data \(the default, \.\/data\)\.$/,
    );
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
    // Given the contract, the same file is checked.
    const checked = runCli(["validate", "return.xlsx", "--contract", join(root, "data", "contract.json")], {
      cwd: elsewhere,
    });
    expect(checked.code, checked.stderr).toBe(0);
  });

  it("--quiet and --verbose on the commands that say what they did", () => {
    const folder = mkdtempSync(join(work, "progress-"));
    const init = runCli(["init", "ws", "--verbose"], { cwd: folder });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toBe("Data folder to start: ws (given as DIR)\n");
    expect(init.stdout).toMatch(/^Started the data folder ws/);
    const quiet = runCli(["template", "-m", "2022-10", "-d", "ws", "--quiet"], { cwd: folder });
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, "", ""]);
    expect(readdirSync(folder)).toContain("return-2022-10.xlsx");
    const verbose = runCli(["template", "-m", "2022-11", "-d", "ws", "--verbose"], { cwd: folder });
    expect(verbose.stderr).toBe(
      `Data folder: ws (given by --data); contract: ${join("ws", "contract.json")}\n`,
    );
    expect(verbose.stdout).toMatch(/^Wrote return-2022-11\.xlsx/);
    for (const command of ["template", "review", "add", "init", "contract", "build"]) {
      const help = runCli([command, "--help"]).stdout;
      expect(help, command).toContain("--quiet");
      expect(help, command).toContain("--verbose");
    }
  });

  it("takes -m, -d, -o and -f for --month, --data, --out and --format (--formats on build)", () => {
    const long = runCli(["status", "--month", "2022-09", "--data", "data", "--format", "json"]);
    const short = runCli(["status", "-m", "2022-09", "-d", "data", "-f", "json"]);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout).toBe(long.stdout);
    expect(JSON.parse(short.stdout).month).toBe("2022-09");
    const out = at("short-out");
    const build = runCli(["build", "-m", "2022-09", "-d", "data", "-o", out, "-f", "html"]);
    expect(build.code, build.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "appendices-2022-09.html",
      "manifest.json",
      "results-2022-09.json",
    ]);
    const template = at("short-template.xlsx");
    expect(runCli(["template", "-m", "2022-10", "-o", template]).code).toBe(0);
    expect(readdirSync(work)).toContain("short-template.xlsx");
    for (const [command, flags] of [
      ["status", ["-m, --month", "-d, --data", "-f, --format"]],
      ["build", ["-m, --month", "-d, --data", "-o, --out", "-f, --formats"]],
      ["validate", ["-m, --month", "-d, --data", "-f, --format"]],
      ["template", ["-m, --month", "-o, --out", "-d, --data"]],
      ["review", ["-m, --month", "-o, --out", "-d, --data"]],
      ["add", ["-d, --data"]],
    ] as const) {
      const help = runCli([command, "--help"]).stdout;
      for (const flag of flags) expect(help, `${command} ${flag}`).toContain(flag);
    }
  });
});
