import { beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/model/document.js";
import { renderPdfReport } from "../../src/render/pdf/index.js";
import { runsShaped } from "../../src/render/pdf/shaper.js";
import { bundledReport } from "../helpers/report-model.js";
import { readPdf } from "./pdf-read.js";

/**
 * The renderer shapes each distinct word once per face per process and reuses its glyphs and
 * advances, breaks each paragraph once per width, and writes each line's glyph operators once per
 * document. Drawn with every cache off (each word shaped again wherever it is measured or drawn,
 * the fonts parsed afresh), September's PDF must be the same: the same glyphs at the same
 * positions, so the same content streams and the same bytes.
 */

let september: ReportDocument;

beforeAll(async () => {
  september = await bundledReport({ month: "2022-09" });
});

/** Each drawn, with how many runs the shaper was asked for while drawing it. */
async function drawn(document: ReportDocument, cache: boolean) {
  const before = runsShaped();
  const { bytes } = await renderPdfReport(document, { cache });
  return { bytes: Buffer.from(bytes), shaped: runsShaped() - before };
}

/** What text extraction sees: each piece of text with its position and width, page by page. */
async function placedText(bytes: Uint8Array) {
  const pdf = await readPdf(bytes);
  return pdf.pages.map((page) =>
    page.items.map(
      (item) => `${item.text} @ ${item.x.toFixed(3)},${item.y.toFixed(3)} w ${item.width.toFixed(3)}`,
    ),
  );
}

describe("the shaping cache", () => {
  it("changes no glyph of September's PDF", async () => {
    const first = await drawn(september, true);
    const again = await drawn(september, true);
    const uncached = await drawn(september, false);

    // The reference really shaped word by word, and the second document reused the first's words.
    expect(first.shaped).toBeGreaterThan(1000);
    expect(uncached.shaped).toBeGreaterThan(3 * first.shaped);
    expect(again.shaped).toBe(0);

    const expected = await placedText(uncached.bytes);
    expect(expected.flat().length).toBeGreaterThan(1000);
    expect(await placedText(first.bytes)).toEqual(expected);
    expect(first.bytes.equals(uncached.bytes)).toBe(true);
    expect(again.bytes.equals(uncached.bytes)).toBe(true);
  });

  it("changes no glyph of text in two faces, with accents, ligatures and emoji", async () => {
    const mixed = structuredClone(september);
    const block = mixed.sections.flatMap((s) => s.blocks).find((b) => b.type === "paragraph");
    if (block?.type !== "paragraph") throw new Error("September has no paragraph to change");
    block.paragraph.text = `Café staff offices 😀 afﬁx the 🚌 timetable ☎ naïve Ŵrexham e\u0301 ${block.paragraph.text}`;
    const cached = await drawn(mixed, true);
    const uncached = await drawn(mixed, false);
    expect(await placedText(cached.bytes)).toEqual(await placedText(uncached.bytes));
    expect(cached.bytes.equals(uncached.bytes)).toBe(true);
  });
});
