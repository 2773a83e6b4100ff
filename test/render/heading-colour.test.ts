import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { unzipText } from "../helpers/docx-read.js";
import { bundledReport } from "../helpers/report-model.js";

/** Both editions set their headings in one colour: the DOCX's heading styles and the fill the PDF shows its first heading's text in. */
describe("headings in the PDF and the DOCX", () => {
  it("are the same colour", async () => {
    const model = await bundledReport({ month: "2022-09", from: "2022-03" });
    const styles = unzipText(await renderDocx(model))["word/styles.xml"]!;
    const colourOf = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}">.*?<w:color w:val="([0-9A-F]{6})"/>`, "s").exec(
        styles,
      )?.[1];
    const docx = new Set(["Heading1", "Heading2", "Caption"].map(colourOf));
    expect(docx.size).toBe(1);
    const pdf = await getDocument({ data: new Uint8Array(await renderPdf(model)), verbosity: 0 }).promise;
    const list = await (await pdf.getPage(1)).getOperatorList();
    // Text shown at the headings' sizes (16 and 13 pt), in the fill set before it.
    const hex = (rgb: ArrayLike<number>) =>
      Array.from(rgb, (v) => Math.round(v).toString(16).padStart(2, "0"))
        .join("")
        .toUpperCase();
    let fill = "";
    let size = 0;
    const headings = new Set<string>();
    list.fnArray.forEach((fn, i) => {
      const args = list.argsArray[i] as unknown[];
      if (fn === OPS.setFillRGBColor) fill = hex(args as unknown as ArrayLike<number>);
      if (fn === OPS.setFont) size = args[1] as number;
      if (fn === OPS.showText && (size === 16 || size === 13)) headings.add(fill);
    });
    expect([...headings]).toEqual([...docx]);
  }, 120_000);
});
