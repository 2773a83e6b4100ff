import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  MAX_COMMENTARY_LENGTH,
  MAX_COMPLIMENTS_LENGTH,
  MAX_COUNT,
  MAX_TEXT_LENGTH,
} from "../../src/schema/workbook-layout.js";
import { LIMITS } from "../../src/read/limits.js";

/** docs/return-format.md lists every limit the reader and validator apply, at the value the code uses. */
const doc = readFileSync(new URL("../../docs/return-format.md", import.meta.url), "utf8");
const section = doc.slice(doc.indexOf("## Limits"), doc.indexOf("\n## ", doc.indexOf("## Limits") + 1));
const MB = 1024 * 1024;

describe("docs/return-format.md's limits", () => {
  it("has a Limits section", () => expect(section.length).toBeGreaterThan(100));

  it.each(
    Object.entries({ ...LIMITS, MAX_COMMENTARY_LENGTH, MAX_COMPLIMENTS_LENGTH, MAX_TEXT_LENGTH, MAX_COUNT }),
  )("lists %s at its value", (_, value) => {
    const shown =
      value % MB === 0
        ? [`${value / MB} MB`]
        : [
            `| ${value} |`,
            `| ${value.toLocaleString("en-GB")} |`,
            ` ${value} /`,
            `/ ${value.toLocaleString("en-GB")} |`,
            `| ${value} (`,
          ];
    expect(
      shown.some((s) => section.includes(s)),
      `${value} as ${shown.join(" or ")}`,
    ).toBe(true);
  });
});
