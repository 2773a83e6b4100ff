import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest's global setup: the whole run's temporary files go into one folder of the system's temp
 * folder (TMPDIR, which the workers, and every CLI they start, inherit; each test file has its own
 * folder inside it, removed when the file ends: test/helpers/file-temp.ts). Once the run is over the
 * folder must be empty: whatever is left is named and fails the run, and then removed all the same.
 * The system's temp folder is kept in KPI_TEST_SYSTEM_TMPDIR for a test that needs a place another
 * user can reach (bad-usage.test.ts, running the CLI as `nobody`).
 */
export default function setup(): () => void {
  const system = tmpdir();
  const run = mkdtempSync(join(system, "kpi-suite-"));
  process.env.KPI_TEST_SYSTEM_TMPDIR = system;
  process.env.TMPDIR = run;
  return () => {
    process.env.TMPDIR = system;
    const left = readdirSync(run);
    rmSync(run, { recursive: true, force: true });
    if (left.length === 0) return;
    // Vitest reports an error thrown here but still exits 0: the exit code is set here.
    console.error(
      `\nThe tests left ${left.length} entries in the temp folder, which a test file must remove: ${left.sort().join(", ")}`,
    );
    process.exitCode = 1;
  };
}
