import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { FACE_FILES, REGULAR } from "../../src/render/layout/type.js";
import { internals } from "../../src/render/pdf/pdfkit-internals.js";

/**
 * Each private part of pdfkit the PDF renderer touches (src/render/pdf/pdfkit-internals.ts),
 * pinned: the version it was checked against, and for every member its kind and the behaviour
 * the renderer relies on. A pdfkit upgrade that moves one fails here, by name, before it fails
 * as a broken PDF.
 */

function fresh(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: false, font: "", fontLayoutCache: true });
  doc.registerFont(REGULAR, FACE_FILES[REGULAR]);
  doc.addPage({ size: [300, 300], margin: 10 });
  doc.font(REGULAR);
  return doc;
}

describe("pdfkit's private parts the renderer uses", () => {
  it("are those of pdfkit 0.20.2, the exact version package.json pins", () => {
    const pinned = JSON.parse(
      readFileSync(new URL("../../node_modules/pdfkit/package.json", import.meta.url), "utf8"),
    ).version;
    expect(pinned).toBe("0.20.2");
    const declared = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(declared.devDependencies.pdfkit).toBe("0.20.2");
  });

  it.each([
    ["_font", (doc: PDFKit.PDFDocument) => typeof internals(doc)._font],
    ["info", (doc: PDFKit.PDFDocument) => typeof internals(doc).info],
    ["_addInfo", (doc: PDFKit.PDFDocument) => typeof internals(doc)._addInfo],
    ["_root.data", (doc: PDFKit.PDFDocument) => typeof internals(doc)._root.data],
    ["_write", (doc: PDFKit.PDFDocument) => typeof internals(doc)._write],
    ["_offset", (doc: PDFKit.PDFDocument) => typeof internals(doc)._offset],
    ["page.fonts", (doc: PDFKit.PDFDocument) => typeof internals(doc).page.fonts],
    ["page.write", (doc: PDFKit.PDFDocument) => typeof internals(doc).page.write],
    ["page.end", (doc: PDFKit.PDFDocument) => typeof internals(doc).page.end],
    ["page.content.write", (doc: PDFKit.PDFDocument) => typeof internals(doc).page.content.write],
    ["page.content.data", (doc: PDFKit.PDFDocument) => typeof internals(doc).page.content.data],
    ["page.content.compress", (doc: PDFKit.PDFDocument) => typeof internals(doc).page.content.compress],
    ["page.content.buffer", (doc: PDFKit.PDFDocument) => Array.isArray(internals(doc).page.content.buffer)],
  ])("document: %s is there, of the kind the renderer expects", (name, kind) => {
    const expected: Record<string, unknown> = {
      _font: "object",
      info: "object",
      _addInfo: "function",
      "_root.data": "object",
      _write: "function",
      _offset: "number",
      "page.fonts": "object",
      "page.write": "function",
      "page.end": "function",
      "page.content.write": "function",
      "page.content.data": "object",
      "page.content.compress": "boolean",
      "page.content.buffer": true,
    };
    expect(kind(fresh())).toBe(expected[name]);
  });

  it("the embedded font: its fontkit font, scale, subset, widths, ToUnicode and shaping, on its prototype", () => {
    const face = internals(fresh())._font;
    expect(typeof face.id).toBe("string");
    expect(face.font.stream.buffer).toBeInstanceOf(Uint8Array);
    expect(face.font.hasGlyphForCodePoint(0x41)).toBe(true);
    expect(face.scale).toBeGreaterThan(0);
    expect(typeof face.subset.includeGlyph).toBe("function");
    expect(Array.isArray(face.widths) && Array.isArray(face.unicode)).toBe(true);
    expect(typeof face.layoutCache).toBe("object");
    // Our overrides are own properties: the originals must be on the prototype for them to shadow and call.
    const proto = Object.getPrototypeOf(face);
    for (const method of ["layoutRun", "layoutCached", "widthOfString", "lineHeight", "ref"])
      expect(typeof proto[method], method).toBe("function");
    expect(Object.hasOwn(face, "layoutRun")).toBe(false);
    expect(Object.hasOwn(face, "widthOfString")).toBe(false);
    const run = face.layoutRun("Met ");
    expect(run.glyphs.length).toBe(4);
    expect(run.positions.length).toBe(4);
    expect(run.advanceWidth).toBeGreaterThan(0);
  });

  it("_root.data is written as the catalog, _addInfo writes the XMP from info, _write and _offset carry every byte", async () => {
    const doc = new PDFDocument({
      ...({ subset: "PDF/UA" } as object),
      tagged: true,
      autoFirstPage: false,
      compress: false,
      pdfVersion: "1.7",
      font: "",
      info: { Title: "Pinned" },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const pdf = internals(doc);
    pdf._root.data.PageLabels = { Nums: [0, { S: "D", St: 7 }] };
    let written = 0;
    const write = pdf._write.bind(doc);
    pdf._write = (data) => {
      written += typeof data === "string" ? data.length + 1 : data.length;
      write(data);
    };
    let infoAdded = false;
    const addInfo = pdf._addInfo.bind(doc);
    pdf._addInfo = () => {
      infoAdded = true;
      addInfo();
    };
    doc.addPage({ size: [100, 100] });
    const ended = new Promise((resolve) => doc.on("end", resolve));
    doc.end();
    await ended;
    const bytes = Buffer.concat(chunks).toString("latin1");
    expect(bytes).toContain("/PageLabels");
    expect(bytes).toMatch(/\/St 7/);
    // The XMP metadata (written by _addInfo, uncompressed here) names the title as the info dictionary does.
    expect(bytes).toMatch(/<dc:title>[^]*Pinned[^]*<\/dc:title>/);
    expect(infoAdded).toBe(true);
    expect(written).toBeGreaterThan(0);
    expect(pdf._offset).toBeGreaterThanOrEqual(written);
  });
});
