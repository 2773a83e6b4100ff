import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { copyData } from "../helpers/data-copy.js";

/**
 * Ctrl-C (SIGINT) or SIGTERM while a run has its temporary files on disk: the run removes them (and
 * its probes and locks), prints nothing, and exits as a shell expects of a stopped program, 128 plus
 * the signal's number. The run is held at that moment by a preloaded hook (test/helpers/stall-writes.mjs)
 * and signalled once it says it is there: no time is guessed at or asserted.
 */
const bin = fileURLToPath(new URL("../../bin/kpi-report.js", import.meta.url));
const stall = fileURLToPath(new URL("../helpers/stall-writes.mjs", import.meta.url));
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function stopped(args: string[], signal: NodeJS.Signals, root: string) {
  const mark = join(root, "stalled");
  const child = spawn(process.execPath, ["--import", stall, bin, ...args], {
    env: { ...process.env, NO_COLOR: "1", KPI_STALL_MARK: mark },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  return new Promise<{ code: number | null; stdout: string; stderr: string; held: string; present: boolean }>(
    (resolve, reject) => {
      const wait = setInterval(() => {
        // The mark is made, then written: it is read once its one line is whole.
        const held = existsSync(mark) ? readFileSync(mark, "utf8") : "";
        if (held.endsWith("\n")) {
          clearInterval(wait);
          // The temporary file the run is about to put in place is there when the signal comes.
          const present = existsSync(held.slice(held.indexOf(" ") + 1).trim());
          child.kill(signal);
          void closed.then((code) => resolve({ code, stdout, stderr, held, present }));
        }
      }, 20);
      // A run that ends without reaching a write (it failed) is a failure of the test, said as such.
      void closed.then((code) => {
        clearInterval(wait);
        if (!existsSync(mark)) reject(new Error(`the run ended (${code}) before it wrote: ${stderr}`));
      });
    },
  );
}

/** Every file of a run that is not a finished file: temporary files, probes, locks. */
const leftovers = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith(".") || n.endsWith(".lock")) : [];

function folder() {
  const data = copyData();
  const root = join(data, "..");
  made.push(root);
  return { data, root, out: join(root, "out") };
}

describe("a run stopped by a signal", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "build, %s with its temporary files on disk: they are removed, exit %i, nothing said",
    async (signal, code) => {
      const { data, root, out } = folder();
      const run = await stopped(
        ["build", "-m", "2022-09", "-f", "html,docx", "-d", data, "-o", out, "--quiet"],
        signal,
        root,
      );
      expect(run.held).toMatch(/^rename .*\.kpi-tmp\n$/);
      expect(run.present).toBe(true);
      expect(run.code).toBe(code);
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe("");
      expect(leftovers(out)).toEqual([]);
      // Nothing of the set was put in place: the run stopped before its first rename.
      expect(readdirSync(out)).toEqual([]);
    },
  );

  it("add, SIGINT as it files: nothing is filed and nothing is left beside the returns", async () => {
    const { data, root } = folder();
    const returns = join(data, "returns");
    const incoming = join(root, "return.xlsx");
    renameSync(join(returns, "2022-09.xlsx"), incoming);
    const run = await stopped(["add", incoming, "-d", data], "SIGINT", root);
    expect(run.held).toMatch(/^link .*2022-09\.xlsx\..*\.kpi-tmp\n$/);
    expect(run.present).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toBe("");
    expect(existsSync(join(returns, "2022-09.xlsx"))).toBe(false);
    expect(leftovers(returns)).toEqual([]);
  });

  it("review, SIGTERM as it writes: no review, and nothing left beside the reviews", async () => {
    const { data, root } = folder();
    const reviews = join(data, "reviews");
    rmSync(join(reviews, "2022-09.xlsx"));
    const run = await stopped(["review", "-m", "2022-09", "-d", data], "SIGTERM", root);
    expect(run.present).toBe(true);
    expect(run.code).toBe(143);
    expect(run.stderr).toBe("");
    expect(existsSync(join(reviews, "2022-09.xlsx"))).toBe(false);
    expect(leftovers(reviews)).toEqual([]);
  });
});
