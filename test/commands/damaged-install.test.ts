import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { copyData, editCell } from "../helpers/data-copy.js";

/**
 * An installation with one of its own files gone: a font, the resvg addon, the shaper's WebAssembly,
 * a chunk of the bundle.
 * Each run is of a private copy of the installed files (bin/, dist/, templates/, package.json and
 * the runtime packages, the damaged one copied, the rest linked), never of this repository's.
 * A damaged install once answered exit 3 "This is a bug" with a require stack, or exit 1 (findings)
 * with a Node stack; without the emoji font no PDF was made at all.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const RUNTIME = [
  "@expo-google-fonts/noto-emoji",
  "@expo-google-fonts/source-sans-3",
  "@resvg/resvg-js",
  ...readdirSync(join(root, "node_modules", "@resvg"))
    .filter((n) => n !== "resvg-js")
    .map((n) => `@resvg/${n}`),
  "harfbuzzjs",
];
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the install with `remove` (a path inside it) deleted. */
function damaged(remove: (install: string) => string | undefined, damagedPackage?: string): string {
  const install = mkdtempSync(join(tmpdir(), "kpi-install-"));
  made.push(install);
  for (const part of ["bin", "dist", "templates", "package.json"])
    cpSync(join(root, part), join(install, part), { recursive: true });
  for (const name of RUNTIME) {
    mkdirSync(join(install, "node_modules", name, ".."), { recursive: true });
    if (name === damagedPackage)
      cpSync(join(root, "node_modules", name), join(install, "node_modules", name), { recursive: true });
    else symlinkSync(join(root, "node_modules", name), join(install, "node_modules", name), "dir");
  }
  const path = remove(install);
  if (path) rmSync(path, { recursive: true });
  return install;
}

function run(install: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [join(install, "bin", "kpi-report.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function build(install: string, formats: string, data = join(root, "data")) {
  const out = mkdtempSync(join(tmpdir(), "kpi-install-out-"));
  made.push(out);
  return run(install, ["build", "--month", "2022-09", "--formats", formats, "--data", data, "--out", out]);
}

const ONE_LINE =
  /^kpi-report: the installation is damaged: (.+) is missing; reinstall kpi-report \(npm install kpi-report, or npm ci in its folder\)\.\n$/;

describe("a damaged installation", () => {
  it("without the emoji font still builds a PDF whose text needs no emoji", () => {
    const install = damaged(
      (i) => join(i, "node_modules/@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf"),
      "@expo-google-fonts/noto-emoji",
    );
    const result = build(install, "pdf");
    expect(result.code, result.stderr).toBe(0);
  });

  it("without the emoji font, a PDF whose text needs one is one line naming the font, exit 4", async () => {
    const install = damaged(
      (i) => join(i, "node_modules/@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf"),
      "@expo-google-fonts/noto-emoji",
    );
    const data = copyData();
    made.push(join(data, ".."));
    await editCell(join(data, "returns", "2022-09.xlsx"), "KPIs", "J2", "All on time \u{1F68C}");
    const result = build(install, "pdf", data);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(ONE_LINE);
    expect(result.stderr).toContain("NotoEmoji_400Regular.ttf");
  });

  it.each([
    [
      "the text font",
      "pdf",
      "@expo-google-fonts/source-sans-3",
      "400Regular/SourceSans3_400Regular.ttf",
      "SourceSans3_400Regular.ttf",
    ],
    ["the shaper's WebAssembly", "pdf", "harfbuzzjs", "dist/harfbuzz.wasm", "harfbuzzjs/dist/harfbuzz.wasm"],
    [
      "the resvg addon",
      "docx",
      RUNTIME.find((n) => n.startsWith("@resvg/resvg-js-"))!,
      "",
      "@resvg/resvg-js",
    ],
  ])("without %s, a %s build is one line naming it, exit 4", (_, formats, pkg, file, named) => {
    // resvg-js is copied too: linked, it would find its addon beside its real folder, in this repository.
    const install = damaged((i) => join(i, "node_modules", pkg, file), file ? pkg : "@resvg/resvg-js");
    const result = build(install, formats);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(ONE_LINE);
    expect(result.stderr).toContain(named);
    expect(result.stderr).not.toMatch(/This is a bug|Require stack|at /);
  });

  it.each([
    ["a command's chunk", (bundle: string) => readdirSync(bundle).find((f) => f.startsWith("build-"))!],
    [
      "a chunk cli.js imports",
      (bundle: string) =>
        /from"\.\/(chunk-[A-Z0-9]+\.js)"/.exec(readFileSync(join(bundle, "cli.js"), "utf8"))![1]!,
    ],
    ["cli.js itself", () => "cli.js"],
  ])("without %s of the bundle, build is one line naming it, exit 4", (_, pick) => {
    let removed = "";
    const install = damaged((i) => {
      removed = pick(join(i, "dist", "bundle"));
      return join(i, "dist", "bundle", removed);
    });
    const result = build(install, "html");
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toMatch(ONE_LINE);
    expect(result.stderr).toContain(removed);
  });

  it.each([
    ["validate's chunk", (bundle: string) => readdirSync(bundle).find((f) => f.startsWith("validate-"))!],
    ["cli.js itself", () => "cli.js"],
  ])(
    "without %s, validate --format json prints the JSON of a stopped run and the one line, exit 4",
    (_, pick) => {
      let removed = "";
      const install = damaged((i) => {
        removed = pick(join(i, "dist", "bundle"));
        return join(i, "dist", "bundle", removed);
      });
      for (const format of [["--format", "json"], ["-f", "json"], ["--format=json"]]) {
        const result = run(install, ["validate", join(root, "data", "returns", "2022-09.xlsx"), ...format]);
        expect(result.code, result.stderr).toBe(4);
        expect(result.stderr).toMatch(ONE_LINE);
        const json = JSON.parse(result.stdout);
        expect(json).toEqual({
          version: 1,
          valid: false,
          error: { kind: "install", message: expect.stringContaining(removed) },
        });
        expect(`kpi-report: ${json.error.message}\n`).toBe(result.stderr);
      }
    },
  );
});
