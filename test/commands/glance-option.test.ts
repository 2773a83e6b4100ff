import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

/** build --no-glance, and "glance": false in a build config's entry, leave the summary at a glance out of the appendices. */

const work = mkdtempSync(join(tmpdir(), "kpi-glance-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const headings = (html: string) => [...html.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((m) => m[1]);
const GLANCE = "Summary: September 2022 at a glance";
const APPENDIX_1 = "Appendix 1: KPI schedule, September 2022";

describe("build without the summary at a glance", () => {
  it("--no-glance starts the document with Appendix 1; without it the glance comes first", () => {
    for (const [name, extra] of [
      ["with", []],
      ["without", ["--no-glance"]],
    ] as const) {
      const out = join(work, name);
      const run = runCli([
        "build",
        "--month",
        "2022-09",
        "--formats",
        "html",
        "--quiet",
        "--out",
        out,
        ...extra,
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const h1 = headings(readFileSync(join(out, "appendices-2022-09.html"), "utf8"));
      expect(h1[0]).toBe(name === "with" ? GLANCE : APPENDIX_1);
      expect(h1.includes(GLANCE)).toBe(name === "with");
    }
  });

  it('takes "glance": false from a build config entry, and --no-glance for the entries that do not say', () => {
    const config = join(work, "builds.json");
    const data = resolve("data");
    writeFileSync(
      config,
      JSON.stringify({
        builds: [
          { data, month: "2022-09", glance: false },
          { data, month: "2022-09" },
          { data, month: "2022-09", glance: true },
        ],
      }),
    );
    const out = join(work, "config");
    const first = (entry: number) =>
      headings(readFileSync(join(out, String(entry), "appendices-2022-09.html"), "utf8"))[0];
    expect(runCli(["build", "--config", config, "--formats", "html", "--quiet", "--out", out]).code).toBe(0);
    expect([1, 2, 3].map(first)).toEqual([APPENDIX_1, GLANCE, GLANCE]);
    expect(
      runCli(["build", "--config", config, "--formats", "html", "--quiet", "--out", out, "--no-glance"]).code,
    ).toBe(0);
    expect([1, 2, 3].map(first)).toEqual([APPENDIX_1, APPENDIX_1, GLANCE]);
  });

  it("refuses a glance that is not true or false in a config, naming it", () => {
    const config = join(work, "bad.json");
    writeFileSync(config, JSON.stringify({ builds: [{ data: "data", month: "2022-09", glance: "no" }] }));
    const run = runCli([
      "build",
      "--config",
      config,
      "--formats",
      "html",
      "--quiet",
      "--out",
      join(work, "bad"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("glance");
    expect(run.stderr).not.toMatch(/Invalid input|\[object Object\]/);
  });
});
