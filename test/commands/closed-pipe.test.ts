import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildContractWorkbook } from "../../src/read/contract-template.js";
import { bundledContract } from "../helpers/contract.js";

/**
 * `kpi-report ... | head -1`: the reader goes away before the CLI has printed everything. Here the
 * reader closes before the CLI prints anything at all, so every command's first write meets a closed
 * pipe, on every machine, whatever the timing: the test cannot pass by the output fitting in the
 * pipe's buffer. The command ends quietly, with exit 0, and does its work all the same.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "kpi-report.js");
const fixtures = fileURLToPath(new URL("../fixtures/commands/", import.meta.url));
const OCTOBER = "Vecteo October 2022 return.xlsx";
const work = mkdtempSync(join(tmpdir(), "kpi-pipe-"));
const at = (name: string) => join(work, name);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What Node prints for an unhandled error: the words of a stack trace. */
const STACK = /EPIPE|Unhandled|node:events|\bat .*:\d+:\d+|Error:/;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the CLI with the read end of its stdout (or stderr) closed at once. */
function intoClosedPipe(args: string[], closed: "stdout" | "stderr" = "stdout"): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const open = closed === "stdout" ? child.stderr : child.stdout;
    child[closed].destroy();
    open.setEncoding("utf8");
    if (closed === "stdout") open.on("data", (text: string) => (stderr += text));
    else open.resume();
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe("a reader that closes early", () => {
  // [the command, its arguments; `@name` is a path under the test's own folder]
  const CASES: [string, string[], () => void][] = [
    ["--help", ["--help"], () => undefined],
    ["bare kpi-report (the help)", [], () => undefined],
    ["a command's --help", ["build", "--help"], () => undefined],
    ["--version", ["--version"], () => undefined],
    ["status", ["status", "--month", "2022-09"], () => undefined],
    ["status as JSON", ["status", "-m", "2022-09", "-f", "json"], () => undefined],
    ["validate, many files", ["validate", "data/returns/*.xlsx", "data/reviews/*.xlsx"], () => undefined],
    ["validate as JSON", ["validate", "data/returns/*.xlsx", "--format", "json"], () => undefined],
    ["validate for GitHub", ["validate", "data/returns/*.xlsx", "--format", "github"], () => undefined],
    ["init", ["init", "@ws"], () => expect(existsSync(at("ws/contract.json"))).toBe(true)],
    [
      "template",
      ["template", "--month", "2022-10", "--out", "@blank.xlsx"],
      () => expect(existsSync(at("blank.xlsx"))).toBe(true),
    ],
    [
      "add",
      ["add", "@october.xlsx", "--data", "@ws"],
      () => expect(existsSync(at("ws/returns/2022-10.xlsx"))).toBe(true),
    ],
    [
      "review",
      ["review", "--month", "2022-10", "--data", "@ws"],
      () => expect(existsSync(at("ws/reviews/2022-10.xlsx"))).toBe(true),
    ],
    [
      "contract",
      ["contract", "@contract.xlsx", "--out", "@contract.json"],
      () => expect(existsSync(at("contract.json"))).toBe(true),
    ],
    [
      "build",
      ["build", "--month", "2022-09", "--formats", "html", "--out", "@out"],
      () => expect(existsSync(at("out/manifest.json"))).toBe(true),
    ],
  ];

  // In order: add files into the folder init made, review needs the return add filed.
  it.each(CASES)("%s ends with exit 0, no stack, and its work done", async (_, args, done) => {
    if (args[0] === "add") cpSync(join(fixtures, OCTOBER), at("october.xlsx"));
    if (args[0] === "contract")
      writeFileSync(at("contract.xlsx"), await buildContractWorkbook(bundledContract()));
    const run = await intoClosedPipe(args.map((a) => (a.startsWith("@") ? at(a.slice(1)) : a)));
    expect(run.stderr).not.toMatch(STACK);
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(0);
    done();
  });

  it("a run that fails keeps its exit code, and says nothing of the pipe", async () => {
    const run = await intoClosedPipe(["status", "--month", "2030-01", "--format", "json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kpi-report: There is no return for 2030-01/);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("a closed stderr ends as quietly: the usage error's exit code, nothing thrown", async () => {
    const run = await intoClosedPipe(["status", "--month", "2022-13"], "stderr");
    expect(run.code).toBe(2);
    expect(run.signal).toBeNull();
  });
});
