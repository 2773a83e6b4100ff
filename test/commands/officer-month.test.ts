import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { editCell } from "../helpers/data-copy.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * The officer's month as an installed user runs it: in an empty folder, nothing of this repository
 * in reach but the CLI itself (bin/kpi-report.js, run from dist/ by path, with the temp folder as
 * the working directory). The supplier's files are real ones, made by openpyxl
 * (test/fixtures/commands/README.md says how).
 */
const fixtures = fileURLToPath(new URL("../fixtures/commands/", import.meta.url));
const OCTOBER = "Vecteo October 2022 return.xlsx";
const emptyFolder = () => mkdtempSync(join(tmpdir(), "kpi-officer-"));
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Every file under returns/ and reviews/, by path, with its hash: what must never change. */
function inputs(data: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(data, path)] = sha(path);
    }
  };
  walk(join(data, "returns"));
  walk(join(data, "reviews"));
  return out;
}

/** python3 with openpyxl, to fill the review as an officer would; the tests that need it say so when it is missing. */
const python = ["/usr/bin/python3", "python3"].find(
  (p) => spawnSync(p, ["-c", "import openpyxl"]).status === 0,
);

describe("the officer's month, in an empty folder", () => {
  it("init ws --example, then build --month 2022-09 --data ws writes the appendices, and leaves every input as it was", () => {
    const cwd = emptyFolder();
    const init = runCli(["init", "ws", "--example"], { cwd });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain("Started the data folder ws");
    const before = inputs(join(cwd, "ws"));
    expect(Object.keys(before)).toHaveLength(14);
    const build = runCli(["build", "--month", "2022-09", "--data", "ws"], { cwd });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toBe("");
    for (const file of [
      "appendices-2022-09.pdf",
      "appendices-2022-09.docx",
      "results-2022-09.json",
      "manifest.json",
    ])
      expect(existsSync(join(cwd, "out", file))).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, "out", "results-2022-09.json"), "utf8")).summary.line).toBe(
      "24 KPIs achieved, 3 not met: KPI 5, 26 and 27",
    );
    expect(inputs(join(cwd, "ws"))).toEqual(before);
  });

  it("add files a supplier's file under its month, unchanged; a second add without --replace changes nothing", () => {
    const cwd = emptyFolder();
    expect(runCli(["init", "ws"], { cwd }).code).toBe(0);
    cpSync(join(fixtures, OCTOBER), join(cwd, OCTOBER));
    const add = runCli(["add", OCTOBER, "--data", "ws"], { cwd });
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain(`Filed ${OCTOBER} as ${join("ws", "returns", "2022-10.xlsx")}`);
    expect(sha(join(cwd, "ws", "returns", "2022-10.xlsx"))).toBe(sha(join(fixtures, OCTOBER)));
    const filed = inputs(join(cwd, "ws"));
    expect(runCli(["add", OCTOBER, "--data", "ws"], { cwd }).stdout).toContain("nothing changed");
    expect(inputs(join(cwd, "ws"))).toEqual(filed);
  });

  it("refuses to replace a month's return without --replace, and with it keeps the one it replaced", async () => {
    const cwd = emptyFolder();
    expect(runCli(["init", "ws"], { cwd }).code).toBe(0);
    cpSync(join(fixtures, OCTOBER), join(cwd, OCTOBER));
    expect(runCli(["add", OCTOBER, "--data", "ws"], { cwd }).code).toBe(0);
    // The supplier's corrected file, another name and other bytes, the same month.
    const corrected = join(cwd, "Vecteo October 2022 return (corrected).xlsx");
    cpSync(join(fixtures, OCTOBER), corrected);
    await editCell(
      corrected,
      "KPIs",
      "J6",
      "One new starter's meet and greet was a day late (family away on holiday)",
    );
    const filed = inputs(join(cwd, "ws"));
    const refused = runCli(["add", corrected, "--data", "ws"], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${join("ws", "returns", "2022-10.xlsx")} already holds a return for 2022-10; nothing changed.`,
    );
    expect(refused.stderr).toContain("--replace");
    expect(inputs(join(cwd, "ws"))).toEqual(filed);

    const replaced = runCli(["add", corrected, "--data", "ws", "--replace"], { cwd });
    expect(replaced.code, replaced.stderr).toBe(0);
    const first = filed[join("returns", "2022-10.xlsx")]!;
    const kept = join("returns", "replaced", `2022-10.${first.slice(0, 12)}.xlsx`);
    expect(replaced.stdout).toContain(`kept as ${join("ws", kept)}`);
    expect(inputs(join(cwd, "ws"))).toEqual({
      [join("returns", "2022-10.xlsx")]: sha(corrected),
      [kept]: first,
    });
  });

  it("refuses to file a return with errors, and files nothing", () => {
    const cwd = emptyFolder();
    expect(runCli(["init", "ws"], { cwd }).code).toBe(0);
    expect(
      runCli(["template", "--month", "2022-10", "--data", "ws", "--out", "blank.xlsx"], { cwd }).code,
    ).toBe(0);
    const blank = runCli(["add", "blank.xlsx", "--data", "ws"], { cwd });
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain("status-missing");
    expect(blank.stderr).toContain("blank.xlsx was not filed");
    expect(inputs(join(cwd, "ws"))).toEqual({});
  });

  it("a return carrying a council field is refused at that cell, and its override never reaches a verdict", () => {
    const cwd = emptyFolder();
    expect(runCli(["init", "ws", "--example"], { cwd }).code).toBe(0);
    const file = join(fixtures, "october-council-override-in-return.xlsx");
    const check = runCli(["validate", file, "--data", "ws", "--format", "json"], { cwd });
    expect(check.code).toBe(1);
    const places = JSON.parse(check.stdout).files[0].findings.map(
      (f: { code: string; sheet: string; cell: string }) => [f.code, `${f.sheet}!${f.cell}`],
    );
    expect(places).toEqual([
      ["council-field-in-return", "KPIs!L6"],
      ["council-field-in-return", "KPIs!M6"],
    ]);
    // Not filed, and not judged: the CLI's only ways to a verdict refuse it.
    const add = runCli(["add", file, "--data", "ws"], { cwd });
    expect(add.code).toBe(1);
    expect(add.stderr).toContain("KPIs!L6");
    expect(existsSync(join(cwd, "ws", "returns", "2022-10.xlsx"))).toBe(false);
    cpSync(file, join(cwd, "ws", "returns", "2022-10.xlsx"));
    const status = runCli(["status", "--month", "2022-10", "--data", "ws", "--format", "json"], { cwd });
    expect(status.code).toBe(1);
    // With --format json the refusal is a findings document on stdout, and no verdict is given.
    expect(JSON.parse(status.stdout).files[0].findings.map((f: { code: string }) => f.code)).toEqual([
      "council-field-in-return",
      "council-field-in-return",
    ]);
    expect(status.stdout).not.toContain("summary");
    expect(status.stderr).toContain("council-field-in-return");
    const build = runCli(["build", "--month", "2022-10", "--data", "ws"], { cwd });
    expect(build.code).toBe(1);
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it.skipIf(!python)(
    "the same month with the override in the council's review changes the verdict, and says so",
    async () => {
      const cwd = emptyFolder();
      expect(runCli(["init", "ws", "--example"], { cwd }).code).toBe(0);
      cpSync(join(fixtures, OCTOBER), join(cwd, OCTOBER));
      expect(runCli(["add", OCTOBER, "--data", "ws"], { cwd }).code).toBe(0);

      const alone = runCli(["status", "--month", "2022-10", "--data", "ws", "--format", "json"], { cwd });
      expect(alone.code, alone.stderr).toBe(0);
      expect(alone.stderr).toContain("no council review for 2022-10: outcomes are the figures alone");
      expect(JSON.parse(alone.stdout).summary.line).toBe("26 KPIs achieved, 1 not met: KPI 5");

      const review = runCli(["review", "--month", "2022-10", "--data", "ws"], { cwd });
      expect(review.code, review.stderr).toBe(0);
      const reviewFile = join(cwd, "ws", "reviews", "2022-10.xlsx");
      expect(runCli(["review", "--month", "2022-10", "--data", "ws"], { cwd }).code).toBe(2);
      const filled = spawnSync(python!, [join(fixtures, "fill-october-review.py"), reviewFile, reviewFile]);
      expect(filled.status, String(filled.stderr)).toBe(0);
      expect(runCli(["validate", reviewFile, "--data", "ws"], { cwd }).stdout).toContain(
        "valid, no problems found",
      );

      const reviewed = runCli(["status", "--month", "2022-10", "--data", "ws"], { cwd });
      expect(reviewed.code, reviewed.stderr).toBe(0);
      expect(reviewed.stderr).not.toContain("no council review");
      expect(reviewed.stdout).toContain(
        "KPI 5 overridden to met: The late meet and greet was at the family's request",
      );
      // The terminal table wraps at 80 columns off a terminal: the row starts with the figures, the
      // direction against September (not met then, met now by the council's override) and the outcome;
      // the wrapped lines of each column follow, so flattened the words interleave.
      const row5 = reviewed.stdout
        .slice(reviewed.stdout.search(/^5 /m), reviewed.stdout.search(/^6 /m))
        .replace(/\s+/g, " ");
      // The direction says why too (status gives every direction its reason).
      expect(row5).toBe(
        "5 Pre transport 100% 42 of 43 ▲ better: met, Met comms (97.7%) where September (overridden; 2022 was not figures give met; verdicts not met) compared, as the council overrode this month's figures ",
      );
      expect(reviewed.stdout).toContain("27 KPIs achieved, none not met");

      const before = inputs(join(cwd, "ws"));
      const build = runCli(["build", "--month", "2022-10", "--data", "ws"], { cwd });
      expect(build.code, build.stderr).toBe(0);
      expect(inputs(join(cwd, "ws"))).toEqual(before);
      const manifest = JSON.parse(readFileSync(join(cwd, "out", "manifest.json"), "utf8"));
      const october = manifest.reports[0].inputs.find((i: { month: string }) => i.month === "2022-10");
      expect(october.return).toEqual({
        file: join("ws", "returns", "2022-10.xlsx"),
        sha256: sha(join(cwd, "ws", "returns", "2022-10.xlsx")),
      });
      expect(october.review).toEqual({
        file: join("ws", "reviews", "2022-10.xlsx"),
        sha256: sha(reviewFile),
      });

      // The supplier sends a corrected return after the review was made: add says so, and so do validate and status.
      const corrected = join(cwd, "corrected.xlsx");
      cpSync(join(fixtures, OCTOBER), corrected);
      await editCell(corrected, "KPIs", "F6", 41);
      const replaced = runCli(["add", corrected, "--data", "ws", "--replace"], { cwd });
      expect(replaced.code, replaced.stderr).toBe(0);
      expect(replaced.stderr).toContain("was made from the return it replaced");
      const stale = runCli(["validate", reviewFile, "--data", "ws", "--format", "json"], { cwd });
      expect(stale.code).toBe(0);
      expect(
        JSON.parse(stale.stdout).files[0].findings.map((f: { code: string; cell: string }) => [
          f.code,
          f.cell,
        ]),
      ).toEqual([["review-return-changed", "E6"]]);
      expect(runCli(["status", "--month", "2022-10", "--data", "ws"], { cwd }).stderr).toContain(
        "review-return-changed",
      );
    },
  );
});

describe("finding the data folder", () => {
  it("says where it looked and how to start one, when no folder holds a contract", () => {
    const cwd = emptyFolder();
    const run = runCli(["validate", join(fixtures, OCTOBER)], { cwd, env: { KPI_REPORT_DATA: "" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`no contract.json in ${join(cwd, "data")} (the default, ./data)`);
    // validate is a supplier's check as often as the council's: it names the contract the file names.
    expect(run.stderr).toContain("validate needs the council's contract");
    expect(run.stderr).toContain("--data DIR");
    const status = runCli(["status", "--month", "2022-09"], { cwd, env: { KPI_REPORT_DATA: "" } });
    expect(status.stderr).toContain("kpi-report init data");
    const fromEnv = runCli(["status", "--month", "2022-09"], { cwd, env: { KPI_REPORT_DATA: "elsewhere" } });
    expect(fromEnv.stderr).toContain("(from KPI_REPORT_DATA)");
  });

  it("uses KPI_REPORT_DATA when --data is not given, and --data over it", () => {
    const cwd = emptyFolder();
    expect(runCli(["init", "ws", "--example"], { cwd }).code).toBe(0);
    const run = runCli(["status", "--month", "2022-09"], { cwd, env: { KPI_REPORT_DATA: "ws" } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
    expect(
      runCli(["status", "--month", "2022-09", "--data", "missing"], { cwd, env: { KPI_REPORT_DATA: "ws" } })
        .stderr,
    ).toContain("(given by --data)");
  });

  it("ignores files in returns/ not named YYYY-MM.xlsx, naming each, and never takes one for a month", () => {
    const cwd = emptyFolder();
    expect(runCli(["init", "ws", "--example"], { cwd }).code).toBe(0);
    cpSync(join(fixtures, OCTOBER), join(cwd, "ws", "returns", OCTOBER));
    cpSync(join(fixtures, OCTOBER), join(cwd, "ws", "returns", "~$2022-10.xlsx"));
    const run = runCli(["status", "--month", "2022-09", "--data", "ws"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${join("ws", "returns", OCTOBER)} is ignored: not named YYYY-MM.xlsx`);
    expect(run.stderr).toContain(`${join("ws", "returns", "~$2022-10.xlsx")} is ignored: an Excel lock file`);
    const october = runCli(["status", "--month", "2022-10", "--data", "ws"], { cwd });
    expect(october.code).toBe(2);
    expect(october.stderr).toContain("There is no return for 2022-10");
  });

  it("init leaves a folder that already holds a contract alone", () => {
    const cwd = emptyFolder();
    expect(runCli(["init", "ws"], { cwd }).code).toBe(0);
    const contract = sha(join(cwd, "ws", "contract.json"));
    const again = runCli(["init", "ws", "--example"], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("nothing was changed");
    expect(readdirSync(join(cwd, "ws", "returns"))).toEqual([]);
    expect(sha(join(cwd, "ws", "contract.json"))).toBe(contract);
  });
});
