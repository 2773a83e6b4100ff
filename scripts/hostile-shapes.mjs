// Small returns of the worst shapes a supplier can email (issue 22): each is the bundled September
// return with one part changed, so everything else about it is a real return. Used by
// scripts/bench.mjs, which times `validate` on each; test/read/hostile-shapes.test.ts and
// test/validate/value-limits.test.ts make their own, smaller, inside the tests.
//
//   node scripts/hostile-shapes.mjs DIR     writes them to DIR and prints their sizes

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SEPTEMBER = join(ROOT, "data", "returns", "2022-09.xlsx");

/** The part of the bundled return holding the KPI rows, and the rest of its parts. */
function parts() {
  const files = unzipSync(readFileSync(SEPTEMBER));
  return { files, sheet: sheetPart(files, "KPIs") };
}

const text = (files, name) => strFromU8(files[name]);

/** The part of the sheet named `name`, through workbook.xml and its relationships. */
function sheetPart(files, name) {
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(
    text(files, "xl/workbook.xml"),
  )[1];
  const target = new RegExp(
    `<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`,
  ).exec(text(files, "xl/_rels/workbook.xml.rels"));
  return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
}
const set = (files, name, xml) => (files[name] = strToU8(xml));

/** Name, what is expected of validate (its exit code), and the edit. */
export const SHAPES = [
  {
    name: "deep-100k",
    about: "an element nested 100,000 deep in the KPI sheet",
    exitCode: 2,
    edit(files, sheet) {
      const n = 100_000;
      set(
        files,
        sheet,
        text(files, sheet).replace(
          "</worksheet>",
          `<extLst><ext uri="{0}" xmlns:x="urn:h">${"<x:n>".repeat(n)}${"</x:n>".repeat(n)}</ext></extLst></worksheet>`,
        ),
      );
    },
  },
  {
    name: "sheets-10k",
    about: "10,000 sheets, all pointing at the KPI sheet's part",
    exitCode: 2,
    edit(files, sheet) {
      const rels = text(files, "xl/_rels/workbook.xml.rels");
      const target = sheet.replace(/^xl\//, "");
      const id = new RegExp(
        `Id="(rId\\d+)"[^>]*Target="${target}"|Target="${target}"[^>]*Id="(rId\\d+)"`,
      ).exec(rels);
      const list = Array.from(
        { length: 10_000 },
        (_, i) => `<sheet name="S${i}" sheetId="${i + 10}" r:id="${id[1] ?? id[2]}"/>`,
      ).join("");
      set(files, "xl/workbook.xml", text(files, "xl/workbook.xml").replace("</sheets>", `${list}</sheets>`));
    },
  },
  {
    name: "rows-200k-cells",
    about: "200,000 cells below the rows that are read (about 850,000 XML elements, under the limit)",
    exitCode: 1,
    edit(files, sheet) {
      const rows = [];
      for (let r = 3000; r < 3000 + 20_000; r++) {
        const cells = Array.from(
          { length: 10 },
          (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r}</v></c>`,
        ).join("");
        rows.push(`<row r="${r}">${cells}</row>`);
      }
      set(files, sheet, text(files, sheet).replace("</sheetData>", `${rows.join("")}</sheetData>`));
    },
  },
  {
    name: "strings-220k",
    about: "220,000 shared strings (about 880,000 XML elements, under the limit)",
    exitCode: 0,
    edit(files) {
      const extra = Array.from({ length: 220_000 }, (_, i) => `<si><t>${i}</t></si>`).join("");
      set(
        files,
        "xl/sharedStrings.xml",
        text(files, "xl/sharedStrings.xml").replace("</sst>", `${extra}</sst>`),
      );
    },
  },
  {
    name: "compliments-30mb",
    about: "30 million characters of Compliments in one cell (inflates to 30 MB)",
    exitCode: 1,
    edit(files) {
      const strings = [...text(files, "xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        m[1].replace(/<[^>]+>/g, ""),
      );
      const label = strings.indexOf("Compliments");
      const part = sheetPart(files, "Return");
      const xml = text(files, part);
      const row = new RegExp(`<c r="A(\\d+)"[^>]*t="s"[^>]*><v>${label}</v>`).exec(xml)[1];
      // The Compliments value as an inline string beside its label, whatever the cell held.
      const value = `<c r="B${row}" t="inlineStr"><is><t>${"x".repeat(30_000_000)}</t></is></c>`;
      const existing = new RegExp(`<c r="B${row}"[^>]*?(/>|>[\\s\\S]*?</c>)`);
      set(
        files,
        part,
        existing.test(xml)
          ? xml.replace(existing, value)
          : xml.replace(new RegExp(`(<c r="A${row}"[^>]*?(/>|>[\\s\\S]*?</c>))`), `$1${value}`),
      );
    },
  },
  {
    name: "one-string-78k-cells",
    about: "one shared string of 14 million characters, used by 78,400 cells",
    exitCode: 1,
    edit(files, sheet) {
      const sst = text(files, "xl/sharedStrings.xml");
      const index = (sst.match(/<si>/g) ?? []).length;
      set(
        files,
        "xl/sharedStrings.xml",
        sst.replace("</sst>", `<si><t xml:space="preserve"> ${"y ".repeat(7_000_000)}</t></si></sst>`),
      );
      const rows = [];
      for (let r = 40; r < 2000; r++)
        rows.push(
          `<row r="${r}">${Array.from({ length: 40 }, (_, c) => `<c r="${c < 26 ? String.fromCharCode(65 + c) : `A${String.fromCharCode(39 + c)}`}${r}" t="s"><v>${index}</v></c>`).join("")}</row>`,
        );
      set(files, sheet, text(files, sheet).replace("</sheetData>", `${rows.join("")}</sheetData>`));
    },
  },
  {
    name: "parts-999",
    about: "999 extra parts in the zip",
    exitCode: 0,
    edit(files) {
      for (let i = 0; i < 999 - Object.keys(files).length; i++)
        files[`customXml/item${i}.xml`] = strToU8("<a/>");
    },
  },
];

/** Writes every shape into `dir`; returns [{ name, about, exitCode, path, bytes }]. */
export function writeShapes(dir) {
  mkdirSync(dir, { recursive: true });
  return SHAPES.map((shape) => {
    const { files, sheet } = parts();
    shape.edit(files, sheet);
    const bytes = zipSync(files, { level: 9 });
    const path = join(dir, `${shape.name}.xlsx`);
    writeFileSync(path, bytes);
    return { name: shape.name, about: shape.about, exitCode: shape.exitCode, path, bytes: bytes.length };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/hostile-shapes.mjs DIR");
    process.exit(2);
  }
  for (const shape of writeShapes(dir))
    console.log(`${shape.path}\t${(shape.bytes / 1024).toFixed(0)} KB\t${shape.about}`);
}
