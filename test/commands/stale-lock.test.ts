import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withLock } from "../../src/commands/file-lock.js";

/**
 * A lock left by a run that was killed is stale, and every run waiting for it may judge so at the same
 * moment. Exactly one may take it: the others must then wait for that one, never remove its fresh lock
 * believing it the stale one. Each round leaves a dead run's lock and starts many takers at once; each
 * counts who is inside, and no round may ever count two.
 */
const dir = mkdtempSync(join(tmpdir(), "kpi-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dead = spawnSync(process.execPath, ["-e", ""]).pid!;

const ROUNDS = 150;
const TAKERS = 8;

describe("a stale lock and many runs that find it at once", () => {
  it(`is taken by one at a time, every round (${ROUNDS} rounds of ${TAKERS})`, async () => {
    const lock = join(dir, ".manifest.json.lock");
    let overlaps = 0;
    let entries = 0;
    for (let round = 0; round < ROUNDS; round++) {
      writeFileSync(lock, `${dead} ${hostname()}\n`);
      let inside = 0;
      await Promise.all(
        Array.from({ length: TAKERS }, () =>
          withLock(lock, "the test's manifest", async () => {
            inside++;
            entries++;
            if (inside > 1) overlaps++;
            // Long enough for another taker's removal and create to land, if the lock let it.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
            inside--;
          }),
        ),
      );
    }
    expect(entries).toBe(ROUNDS * TAKERS);
    expect(overlaps).toBe(0);
    // Every lock, and anything a takeover made, is gone when the work is done.
    expect(readdirSync(dir)).toEqual([]);
  });
});
