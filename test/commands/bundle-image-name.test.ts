import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

// The bundle gives docx Node's SHA-1 for naming images (scripts/bundle-plugins.mjs, native-image-hash);
// docx names each image part by the SHA-1 of its bytes in hex, so the built CLI's DOCX must too.
describe("the bundled CLI's DOCX", () => {
  it("names the chart's picture by the SHA-1 of its bytes, as docx does", () => {
    const out = mkdtempSync(join(tmpdir(), "kpi-image-"));
    const run = runCli(["build", "--month", "2022-09", "--formats", "docx", "--out", out, "--quiet"]);
    expect(run.code, run.stderr).toBe(0);
    const parts = unzipSync(readFileSync(join(out, "appendices-2022-09.docx")));
    const media = Object.keys(parts).filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    const bytes = parts[media[0]!]!;
    expect(bytes.length).toBeGreaterThan(1000);
    expect(media[0]).toBe(`word/media/${createHash("sha1").update(bytes).digest("hex")}.png`);
  });
});
