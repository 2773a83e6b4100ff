import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/findings/catalogue.js";
import { findingsMarkdown } from "../../src/render/findings-docs.js";
import { READ_FAILURES } from "../../src/read/read-failures.js";

const page = readFileSync(fileURLToPath(new URL("../../docs/findings.md", import.meta.url)), "utf8");

describe("docs/findings.md", () => {
  it("is exactly what the catalogue generates (run npm run docs:findings after changing a finding)", () => {
    expect(page).toBe(findingsMarkdown());
  });

  it("lists every finding code and every unreadable-file code", () => {
    for (const code of [...Object.keys(CATALOGUE), ...Object.keys(READ_FAILURES)])
      expect(page).toContain(`| \`${code}\` |`);
  });
});
