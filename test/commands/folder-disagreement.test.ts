import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyData } from "../helpers/data-copy.js";
import { runCliAsync } from "../validate/helpers.js";

/**
 * The states a build killed partway can leave, made by hand (no kill, no timing): `status` and the
 * next `build` each name the disagreement in one line, and a build of the month mends it, after which
 * both are silent. (build-races.test.ts kills real builds at random moments.)
 */
let data: string;
let root: string;
beforeAll(() => {
  data = copyData();
  root = join(data, "..");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
const build = (out: string, month: string) =>
  runCliAsync(["build", "-m", month, "-f", "html", "-d", data, "-o", out, "--quiet"]);
const status = (out: string) => runCliAsync(["status", "-m", "2022-09", "-d", data, "-o", out]);
const manifest = (out: string) => join(out, "manifest.json");
/** The lines of stderr that speak of the folder. */
const named = (stderr: string) => stderr.split("\n").filter((l) => l.includes("disagrees with its folder"));

const cases: [string, (out: string) => void, string, string][] = [
  [
    "a recorded file missing",
    (out) => rmSync(join(out, "appendices-2022-08.html")),
    "appendices-2022-08.html is missing",
    "2022-08",
  ],
  [
    "a recorded file that is not the bytes recorded",
    (out) => writeFileSync(join(out, "results-2022-08.json"), "{}\n"),
    "results-2022-08.json is not the file it records",
    "2022-08",
  ],
  [
    "a month's files with no entry",
    (out) => {
      const text = JSON.parse(readFileSync(manifest(out), "utf8"));
      text.reports = text.reports.filter((r: { month: string }) => r.month !== "2022-08");
      writeFileSync(manifest(out), JSON.stringify(text));
    },
    "appendices-2022-08.html is not in it and results-2022-08.json is not in it",
    "2022-08",
  ],
  [
    "a temporary file of a run that no longer runs",
    (out) => writeFileSync(join(out, `.appendices-2022-08.pdf.${dead}-0123abcd.kpi-tmp`), "half"),
    `a temporary file is left behind (.appendices-2022-08.pdf.${dead}-0123abcd.kpi-tmp)`,
    "",
  ],
];

describe("a folder its manifest does not describe", () => {
  it.each(cases)(
    "%s: status and build name it in one line, and the build mends it",
    async (_, breakIt, what, month) => {
      const out = join(root, `out-${cases.findIndex((c) => c[2] === what)}`);
      expect((await build(out, "2022-08,2022-09")).code).toBe(0);
      expect(named((await status(out)).stderr)).toEqual([]);
      breakIt(out);

      const told = await status(out);
      expect(told.code).toBe(0);
      const mend = month
        ? `To mend it: kpi-report build --month ${month} --data ${data} --out ${out}.`
        : "The next build into the folder removes the temporary files.";
      expect(named(told.stderr)).toEqual([
        `kpi-report: warning: ${manifest(out)} disagrees with its folder, as after a build stopped partway: ${what}. ${mend}`,
      ]);
      // The verdict is still given: the folder's state does not change the month's outcomes.
      expect(told.stdout).toContain("KPI 1");

      // A build of another month names it as status does, and what it does about it.
      const other = await runCliAsync(["build", "-m", "2022-07", "-f", "html", "-d", data, "-o", out]);
      expect(other.code).toBe(0);
      expect(named(other.stderr)).toEqual([
        `kpi-report: warning: ${manifest(out)} disagrees with its folder, as after a build stopped partway: ${what}. ${month ? mend : "This build removes the temporary files."}`,
      ]);
      expect(readdirSync(out).filter((n) => n.endsWith(".kpi-tmp"))).toEqual([]);

      if (month) {
        // The month's entry was dropped (the manifest vouches for nothing it did not record), so its
        // files are now the ones with no entry; building the month again writes them and its entry.
        const again = await runCliAsync(["build", "-m", month, "-f", "html", "-d", data, "-o", out]);
        expect(again.code).toBe(0);
        expect(named(again.stderr)).toHaveLength(1);
        expect(named(again.stderr)[0]).toMatch(/ is not in it\. This build writes 2022-08 again\.$/);
      }
      expect(named((await status(out)).stderr)).toEqual([]);
      expect(
        JSON.parse(readFileSync(manifest(out), "utf8")).reports.map((r: { month: string }) => r.month),
      ).toEqual(["2022-07", "2022-08", "2022-09"]);
    },
  );
});
