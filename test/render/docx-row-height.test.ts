import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/model/document.js";
import { fitsPage, rowHeight, type CellMetrics } from "../../src/render/docx/row-height.js";

const ROLES = ["body", "status", "figures", "note", "strong"] as const;
const word = fc.string({ unit: fc.constantFrom("a", "m", "W", "1", "%"), minLength: 0, maxLength: 40 });
const text = fc.array(fc.oneof(word, fc.constant("\n"), fc.constant(" ")), { maxLength: 120 }).map((parts) => parts.join(" "));
const cell: fc.Arbitrary<Cell> = fc.record({
  paragraphs: fc.array(fc.record({ text, role: fc.constantFrom(...ROLES) }), { minLength: 1, maxLength: 4 }),
  coloured: fc.constant(false),
  rowHeader: fc.boolean(),
  list: fc.constant(false),
});
const metrics: fc.Arbitrary<CellMetrics> = fc.record({
  textWidth: fc.double({ min: 5, max: 300, noNaN: true }),
  padding: fc.constant(2),
  paragraphGap: fc.constant(2),
  fontSize: fc.constant(8.5),
});

describe("DOCX rows kept whole (row-height.ts)", () => {
  it("fitsPage decides as rowHeight does, though it mostly skips the word-by-word estimate", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, metrics), { minLength: 1, maxLength: 6 }), fc.double({ min: 10, max: 600, noNaN: true }), (row, usable) => {
        const cells = row.map(([c]) => c);
        const m = row.map(([, x]) => x);
        expect(fitsPage(cells, m, usable)).toBe(rowHeight(cells, m) <= usable);
      }),
      { numRuns: 2000 },
    );
  });
});
