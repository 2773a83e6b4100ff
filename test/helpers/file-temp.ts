import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, expect } from "vitest";

/**
 * Each test file's temporary files (mkdtemp, a CLI's output, chromium's profile, npm's tarball) go into
 * a folder of its own, TMPDIR while the file runs, removed with all it holds when the file ends:
 * after the file's own afterAll hooks, which vitest runs in reverse order, so a browser is closed
 * first. What a test makes elsewhere is its own to remove; the suite's global setup
 * (test/helpers/suite-temp.ts) fails the run on anything left in its folder.
 */
const outer = tmpdir();
const mine = mkdtempSync(
  join(outer, `${basename(expect.getState().testPath ?? "file").replace(/\.test\.ts$/, "")}-`),
);
process.env.TMPDIR = mine;

afterAll(() => {
  process.env.TMPDIR = outer;
  rmSync(mine, { recursive: true, force: true, maxRetries: 3 });
});
