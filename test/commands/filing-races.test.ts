import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyData, editCell } from "../helpers/data-copy.js";
import { returnBytes, runCliAsync, validReturn } from "../validate/helpers.js";

/**
 * Two officers at once. The existence check and the write were two steps: 3 times in 30, two adds of
 * different returns for one month both printed "Filed" and one return was in neither returns/ nor
 * returns/replaced/. Each round here starts both runs together and checks what is on disk after;
 * no clock is read, and a round that would once have lost a file fails on what the folder holds.
 */
const ROUNDS = 8;
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function round() {
  const data = copyData();
  made.push(join(data, ".."));
  const files = await Promise.all(
    ["first", "second"].map(async (name) => {
      const values = validReturn();
      values.kpis[0]!.commentary = `the ${name} officer's copy`;
      const path = join(data, "..", `${name}.xlsx`);
      const bytes = await returnBytes(values);
      writeFileSync(path, bytes);
      return { path, sha: sha(bytes) };
    }),
  );
  const target = join(data, "returns", "2022-10.xlsx");
  const replaced = join(data, "returns", "replaced");
  const held = () => {
    const kept = (() => {
      try {
        return readdirSync(replaced).map((name) => sha(readFileSync(join(replaced, name))));
      } catch {
        return [];
      }
    })();
    return { filed: sha(readFileSync(target)), kept };
  };
  return {
    data,
    files,
    target,
    held,
    hidden: () => readdirSync(join(data, "returns")).filter((n) => n.startsWith(".")),
  };
}

describe("two adds for one month at once", () => {
  it(`exactly one files and the other is refused in one line, every time (${ROUNDS} rounds)`, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { data, files, held, hidden } = await round();
      const runs = await Promise.all(files.map((f) => runCliAsync(["add", f.path, "--data", data])));
      const codes = runs.map((r) => r.code).sort();
      expect(codes, runs.map((r) => r.stderr).join("\n")).toEqual([0, 2]);
      const winner = runs.findIndex((r) => r.code === 0);
      const loser = runs[1 - winner]!;
      expect(runs[winner]!.stdout).toContain("Filed");
      expect(loser.stderr).toMatch(
        /^kpi-report: .*2022-10\.xlsx already holds a return for 2022-10; nothing changed\.\n/,
      );
      expect(loser.stdout).not.toContain("Filed");
      expect(held()).toEqual({ filed: files[winner]!.sha, kept: [] });
      expect(hidden()).toEqual([]);
    }
  });

  it(`with --replace, both survive: one filed, the other kept in replaced/ (${ROUNDS} rounds)`, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { data, files, held, hidden } = await round();
      const runs = await Promise.all(
        files.map((f) => runCliAsync(["add", f.path, "--data", data, "--replace"])),
      );
      expect(
        runs.map((r) => r.code),
        runs.map((r) => r.stderr).join("\n"),
      ).toEqual([0, 0]);
      const { filed, kept } = held();
      expect([filed, ...kept].sort()).toEqual(files.map((f) => f.sha).sort());
      // The one that filed second says what it replaced; the one filed first replaced nothing.
      expect(runs.filter((r) => r.stdout.includes("The return it replaced is kept as")).length).toBe(1);
      expect(hidden()).toEqual([]);
    }
  });

  it(`with --replace over a return already filed, all three survive (${ROUNDS / 2} rounds)`, async () => {
    for (let i = 0; i < ROUNDS / 2; i++) {
      const { data, files, target, held } = await round();
      const original = await returnBytes(validReturn());
      writeFileSync(target, original);
      const runs = await Promise.all(
        files.map((f) => runCliAsync(["add", f.path, "--data", data, "--replace"])),
      );
      expect(runs.map((r) => r.code)).toEqual([0, 0]);
      const { filed, kept } = held();
      expect([filed, ...kept].sort()).toEqual([sha(original), ...files.map((f) => f.sha)].sort());
    }
  });
});

describe("two reviews of one month at once", () => {
  it(`exactly one writes; the other is refused and the written review is whole (${ROUNDS / 2} rounds)`, async () => {
    for (let i = 0; i < ROUNDS / 2; i++) {
      const data = copyData();
      made.push(join(data, ".."));
      const out = join(data, "..", "review.xlsx");
      const runs = await Promise.all(
        [0, 1].map(() => runCliAsync(["review", "--month", "2022-09", "--data", data, "--out", out])),
      );
      expect(runs.map((r) => r.code).sort(), runs.map((r) => r.stderr).join("\n")).toEqual([0, 2]);
      expect(runs.find((r) => r.code === 2)!.stderr).toContain("already exists");
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    }
  });
});

describe("add during a build, and after a killed add", () => {
  it(`a build meanwhile records the return it used, and add --replace keeps the one it replaced (${ROUNDS / 2} rounds)`, async () => {
    for (let i = 0; i < ROUNDS / 2; i++) {
      const data = copyData();
      made.push(join(data, ".."));
      const target = join(data, "returns", "2022-09.xlsx");
      const before = sha(readFileSync(target));
      const corrected = join(data, "..", "corrected.xlsx");
      writeFileSync(corrected, readFileSync(target));
      await editCell(corrected, "KPIs", "J2", `corrected in round ${i}`);
      const out = join(data, "..", "out");
      const [build, add] = await Promise.all([
        runCliAsync(["build", "--month", "2022-09", "--formats", "html", "--data", data, "--out", out]),
        runCliAsync(["add", corrected, "--data", data, "--replace"]),
      ]);
      expect([build.code, add.code], build.stderr + add.stderr).toEqual([0, 0]);
      const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
        reports: { inputs: { month: string; return: { sha256: string } }[] }[];
      };
      const recorded = manifest.reports[0]!.inputs.find((x) => x.month === "2022-09")!.return.sha256;
      const usedCorrected = readFileSync(join(out, "results-2022-09.json"), "utf8").includes(
        `corrected in round ${i}`,
      );
      expect(recorded).toBe(usedCorrected ? sha(readFileSync(corrected)) : before);
      expect(
        readdirSync(join(data, "returns", "replaced")).map((n) =>
          sha(readFileSync(join(data, "returns", "replaced", n))),
        ),
      ).toEqual([before]);
    }
  });

  it("the temporary files and lock a killed add left are removed by the next add", async () => {
    const { data, files, target } = await round();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const left = [`.2022-10.xlsx.${dead}-0badc0de.kpi-tmp`, `.2022-10.xlsx.lock`];
    writeFileSync(join(data, "returns", left[0]!), "half a return");
    writeFileSync(join(data, "returns", left[1]!), `${dead} ${hostname()}\n`);
    writeFileSync(target, readFileSync(files[0]!.path));
    const run = await runCliAsync(["add", files[1]!.path, "--data", data, "--replace"]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(data, "returns")).filter((n) => n.startsWith("."))).toEqual([]);
    expect(sha(readFileSync(target))).toBe(files[1]!.sha);
  });
});
