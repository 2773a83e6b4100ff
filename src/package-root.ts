import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The installed package's own folder and package.json. Found by walking up from this module,
 * because the same code runs at different depths: as the esbuild bundle (dist/bundle/*.js, what
 * bin/kpi-report.js runs) and as tsc's output (dist/**, which the scripts and some tests import).
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, "package.json");
    if (
      existsSync(candidate) &&
      (JSON.parse(readFileSync(candidate, "utf8")) as { name?: string }).name === "kpi-report"
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`kpi-report's package.json was not found above ${start}`);
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

export const PACKAGE = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
};
