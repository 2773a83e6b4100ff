import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const MB = 1024 * 1024;

interface Packed {
  filename: string;
  unpackedSize: number;
  files: { path: string }[];
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The package as a user gets it: `npm pack` (of what `npm test` has just built; --ignore-scripts,
 * so packing does not rebuild dist/ under the other tests' feet), installed into a folder of its
 * own, then run from another folder that is not this repository and has no node_modules.
 */
describe("the packed tarball", () => {
  const work = mkdtempSync(join(tmpdir(), "kpi-tarball-"));
  const prefix = join(work, "prefix");
  const elsewhere = join(work, "elsewhere");
  let packed: Packed;
  // The CLI and npm run on the Node running the tests (CI runs them on Node 20 and 24).
  const env = {
    ...process.env,
    NO_COLOR: "1",
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
  };

  beforeAll(() => {
    const pack = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], root, env);
    expect(pack.code, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
    mkdirSync(prefix);
    // --prefer-offline: the one runtime dependency (the font) comes from npm's cache when it is there.
    const install = run(
      "npm",
      [
        "install",
        "--prefix",
        prefix,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        join(work, packed.filename),
      ],
      work,
      env,
    );
    expect(install.code, install.stderr).toBe(0);
    // No warning at all (EBADENGINE, deprecated, peer, install-scripts...). The build runs in
    // `prepack`, before a tarball is made, not in `prepare`, which npm 11 lists on install as a
    // script not approved.
    const warnings = install.stderr.split("\n").filter((line) => /\bwarn\b/i.test(line));
    expect(warnings, install.stderr).toEqual([]);
    mkdirSync(elsewhere);
  });

  it("holds one copy of the code, no build metafile, and is under 2.5 MB unpacked", () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain("dist/bundle/cli.js");
    expect(paths.filter((p) => p.startsWith("dist/") && !p.startsWith("dist/bundle/"))).toEqual([]);
    expect(paths.filter((p) => p.endsWith(".map") || p.includes("meta.json"))).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining([
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "docs/ci.md",
        "templates/summary.hbs",
        "data/contract.json",
      ]),
    );
    expect(packed.unpackedSize).toBeLessThan(2.5 * MB);
  });

  it("installs only what the bundle loads", () => {
    const installed = JSON.parse(
      readFileSync(join(prefix, "node_modules", "kpi-report", "package.json"), "utf8"),
    ) as { dependencies: object };
    // The fonts, resvg (a native addon: the DOCX's chart picture) and harfbuzzjs (the PDF's
    // shaper, which reads its .wasm beside itself): none can be bundled.
    expect(Object.keys(installed.dependencies)).toEqual([
      "@expo-google-fonts/noto-emoji",
      "@expo-google-fonts/source-sans-3",
      "@resvg/resvg-js",
      "harfbuzzjs",
    ]);
    expect(existsSync(join(prefix, "node_modules", "pdfkit"))).toBe(false);
  });

  // One line a step, in order, each run from `elsewhere` with the installed bin: the data folder is
  // started by the installed package's own init, from the example data it ships.
  const steps: { args: string[]; stdout: RegExp; files?: string[] }[] = [
    { args: ["--version"], stdout: /^\d+\.\d+\.\d+\s*$/ },
    {
      args: ["init", "ws", "--example"],
      stdout: /Started the data folder ws/,
      files: ["ws/contract.json", "ws/returns/2022-09.xlsx", "ws/reviews/2022-09.xlsx"],
    },
    {
      args: ["build", "--month", "2022-09", "--data", "ws"],
      stdout: /Wrote out[\\/]appendices-2022-09\.pdf/,
      files: [
        "out/appendices-2022-09.pdf",
        "out/appendices-2022-09.docx",
        "out/appendices-2022-09.html",
        "out/results-2022-09.json",
        "out/manifest.json",
      ],
    },
  ];

  it.each(steps)("runs kpi-report $args from an unrelated folder", ({ args, stdout, files }) => {
    const bin = join(
      prefix,
      "node_modules",
      ".bin",
      process.platform === "win32" ? "kpi-report.cmd" : "kpi-report",
    );
    const result = run(bin, args, elsewhere, env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(stdout);
    for (const file of files ?? []) expect(existsSync(join(elsewhere, file)), file).toBe(true);
  });

  it("reaches the committee's verdict from the installed copy", () => {
    const results = JSON.parse(readFileSync(join(elsewhere, "out", "results-2022-09.json"), "utf8")) as {
      summary: { line: string };
    };
    expect(results.summary.line).toBe("24 KPIs achieved, 3 not met: KPI 5, 26 and 27");
  });
});
