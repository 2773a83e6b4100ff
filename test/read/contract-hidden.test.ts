import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyData } from "../helpers/data-copy.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * contract.json's text is pasted from the contract's PDF or a web page, and can bring a direction
 * control or a zero-width character with it: KPI 1's description typed with U+202E displays reversed.
 * validate names each (the key, its place, the character), and the appendices hold the text without it.
 */
let data: string;
let title: string;
const OVERRIDE = "\u202e";
beforeAll(() => {
  data = copyData();
  const file = join(data, "contract.json");
  const contract = JSON.parse(readFileSync(file, "utf8"));
  contract.kpis[0].description = `Achieved ${OVERRIDE}%001`;
  title = contract.title;
  contract.title = `${title}\u200b`;
  writeFileSync(file, JSON.stringify(contract, null, 2));
});
afterAll(() => rmSync(join(data, ".."), { recursive: true, force: true }));

describe("hidden characters in contract.json", () => {
  it("are named by validate, each with its key, place and character", () => {
    const run = runCli(["validate", join(data, "returns", "2022-09.xlsx"), "-d", data, "-f", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const findings = (
      JSON.parse(run.stdout) as { files: { findings: { code: string; message: string; file?: string }[] }[] }
    ).files[0]!.findings.filter((f) => f.code === "character-hidden");
    expect(findings.map((f) => f.message.replace(/ \(line \d+, column \d+\)/, ""))).toEqual([
      `title holds U+200B (zero width space), not seen but changing how the text displays; it is taken out, so the text is read as ${JSON.stringify(title)}.`,
      'kpis[0].description holds U+202E (right-to-left override), not seen but changing how the text displays; it is taken out, so the text is read as "Achieved %001".',
    ]);
    expect(findings.every((f) => f.file === join(data, "contract.json"))).toBe(true);
    expect(findings[0]!.message).toMatch(/^title \(line \d+, column \d+\) holds/);
  });

  it("are taken out of the appendices", () => {
    const out = join(data, "..", "out");
    const run = runCli(["build", "-m", "2022-09", "-f", "html", "-d", data, "-o", out, "--quiet"]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(join(out, "appendices-2022-09.html"), "utf8");
    expect(html).toContain("Achieved %001");
    expect(html).not.toMatch(/[\u202e\u200b]/);
  });
});
