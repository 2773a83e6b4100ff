import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { UnreadableFileError, type ReadFailureCode } from "../../src/read/read-failures.js";
import { readWorkbook } from "../../src/read/workbook.js";
import {
  compoundFile,
  editParts,
  inBatches,
  returnBytes,
  runCliAsync,
  tempDir,
  writeTemp,
} from "./helpers.js";

const fixtures = fileURLToPath(new URL("../fixtures/validate/", import.meta.url));

/** Stored (uncompressed) so a changed byte is a changed byte of the data, not of the compression. */
async function storedReturn(): Promise<Uint8Array> {
  const { unzipSync } = await import("fflate");
  return zipSync(unzipSync(await returnBytes()), { level: 0 });
}

function flipCentralFlag(bytes: Uint8Array): Uint8Array {
  // A copy with a buffer of its own: a Buffer's .slice() is a view into a shared pool (on Node 24
  // returnBytes' Buffer starts part-way into one), and the DataView below reads from the buffer's start.
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  for (let at = copy.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const central = view.getUint32(at + 16, true);
    view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true); // "encrypted"
    return copy;
  }
  throw new Error("no end record");
}

type Case = { name: string; make: (dir: string) => Promise<string>; code: ReadFailureCode; says: RegExp };
const file =
  (name: string, bytes: () => Uint8Array | string | Promise<Uint8Array | string>) => async (dir: string) =>
    writeTemp(dir, name, await bytes());

const CASES: Case[] = [
  {
    name: "a path that does not exist",
    make: async (dir) => (writeTemp(dir, "march.xls", "x"), join(dir, "march.xlsx")),
    code: "file-missing",
    says: /Cannot find .*march\.xlsx[\s\S]*Did you mean .*march\.xls\?/,
  },
  {
    name: "a folder",
    make: async (dir) => (mkdirSync(join(dir, "returns")), join(dir, "returns")),
    code: "file-is-directory",
    says: /is a folder/,
  },
  { name: "a device", make: async () => "/dev/null", code: "file-not-regular", says: /not a regular file/ },
  {
    name: "an empty file",
    make: file("empty.xlsx", () => ""),
    code: "file-empty",
    says: /empty \(0 bytes\)/,
  },
  {
    name: "a file over the size limit",
    make: file("huge.xlsx", () => new Uint8Array(21 * 1024 * 1024)),
    code: "file-too-large",
    says: /21\.0 MB; a return is never larger than 20\.0 MB/,
  },
  {
    name: "a CSV renamed .xlsx",
    make: file("csv.xlsx", () => "KPI,Status,Achieved\n1,measured,17\n"),
    code: "file-not-xlsx",
    says: /a text file \(it looks like CSV\)[\s\S]*save it as an Excel Workbook/,
  },
  {
    name: "a web page saved as .xlsx",
    make: file("page.xlsx", () => "<html><body><table><tr><td>1</td></tr></table></body></html>"),
    code: "file-not-xlsx",
    says: /a web page \(HTML\)/,
  },
  {
    name: "random bytes",
    make: file("noise.xlsx", () => Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256)),
    code: "file-not-xlsx",
    says: /unrecognised data/,
  },
  {
    name: "a legacy .xls (made by LibreOffice)",
    make: file("old.xlsx", () => readFileSync(join(fixtures, "legacy.xls"))),
    code: "file-legacy-xls",
    says: /Excel 97-2003 workbook \(\.xls\)[\s\S]*save it as an Excel Workbook \(\.xlsx\)/,
  },
  {
    name: "a password-protected workbook",
    make: file("locked.xlsx", () => compoundFile(["EncryptionInfo", "EncryptedPackage"])),
    code: "file-encrypted",
    says: /protected with a password[\s\S]*remove the password/,
  },
  {
    name: "an OpenDocument spreadsheet (made by LibreOffice)",
    make: file("sheet.xlsx", () => readFileSync(join(fixtures, "sheet.ods"))),
    code: "not-a-workbook",
    says: /OpenDocument spreadsheet \(\.ods\)/,
  },
  {
    name: "a Word document",
    make: file("doc.xlsx", () =>
      zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }),
    ),
    code: "not-a-workbook",
    says: /is a Word document/,
  },
  {
    name: "a zip of other things",
    make: file("notes.xlsx", () => zipSync({ "notes.txt": strToU8("hello") })),
    code: "not-a-workbook",
    says: /a zip archive, not a workbook \(it holds "notes\.txt"\)/,
  },
  {
    name: "a binary workbook (.xlsb)",
    make: file("binary.xlsx", () => zipSync({ "xl/workbook.bin": new Uint8Array(8) })),
    code: "not-a-workbook",
    says: /\.xlsb/,
  },
  {
    name: "a Strict Open XML workbook",
    make: file("strict.xlsx", () =>
      editParts((p) =>
        p.set(
          "xl/workbook.xml",
          p
            .get("xl/workbook.xml")!
            .replace(
              /http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/,
              "http://purl.oclc.org/ooxml/spreadsheetml/main",
            ),
        ),
      ),
    ),
    code: "not-a-workbook",
    says: /Strict Open XML/,
  },
  {
    name: "a truncated download",
    make: file("cut.xlsx", async () => (await returnBytes()).subarray(0, 9000)),
    code: "zip-truncated",
    says: /ends early/,
  },
  {
    name: "a changed byte (checksum)",
    make: file("flipped.xlsx", async () => {
      const b = await storedReturn();
      const i = Math.floor(b.length / 3);
      b[i] = b[i]! ^ 0x20;
      return b;
    }),
    code: "zip-damaged",
    says: /damaged/,
  },
  {
    name: "a zip-password-encrypted part",
    make: file("zipcrypto.xlsx", async () => flipCentralFlag(await returnBytes())),
    code: "zip-unsupported",
    says: /encrypted with a zip password/,
  },
  {
    name: "too many parts",
    make: file("parts.xlsx", () =>
      zipSync(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`p/${i}.txt`, new Uint8Array(1)]))),
    ),
    code: "limit-zip-entries",
    says: /1001 parts/,
  },
  {
    name: "more XML elements than any return",
    make: file("elements.xlsx", () =>
      editParts((p) =>
        p.set(
          "xl/styles.xml",
          p.get("xl/styles.xml")!.replace("</styleSheet>", `${"<x/>".repeat(1_000_001)}</styleSheet>`),
        ),
      ),
    ),
    code: "limit-xml-elements",
    says: /more than 1,000,000 XML elements/,
  },
  {
    name: "thousands of merged ranges",
    make: file("merges.xlsx", () =>
      editParts((p) =>
        p.set(
          "xl/worksheets/sheet3.xml",
          p
            .get("xl/worksheets/sheet3.xml")!
            .replace(
              "</sheetData>",
              `</sheetData><mergeCells>${Array.from({ length: 2001 }, (_, i) => `<mergeCell ref="Z${i + 1}:AA${i + 1}"/>`).join("")}</mergeCells>`,
            ),
        ),
      ),
    ),
    code: "limit-merges",
    says: /2001 merged ranges/,
  },
  {
    name: "a cell reference no sheet has",
    make: file("badref.xlsx", () =>
      editParts((p) =>
        p.set("xl/worksheets/sheet3.xml", p.get("xl/worksheets/sheet3.xml")!.replace('r="E2"', 'r="E0"')),
      ),
    ),
    code: "workbook-damaged",
    says: /refers to a cell "E0"/,
  },
  {
    name: "a sheet whose part is missing",
    make: file("nosheet.xlsx", () => editParts((p) => p.delete("xl/worksheets/sheet3.xml"))),
    code: "workbook-damaged",
    says: /the sheet "KPIs" has no part in the file/,
  },
  {
    name: "a cell that stores text where a number belongs",
    make: file("badnumber.xlsx", () =>
      editParts((p) =>
        p.set(
          "xl/worksheets/sheet3.xml",
          p.get("xl/worksheets/sheet3.xml")!.replace(/<v>9<\/v>/, "<v>nine</v>"),
        ),
      ),
    ),
    code: "workbook-damaged",
    says: /stores "nine" in F\d+ as a value of type "n"/,
  },
  {
    name: "a DTD (which could declare entities)",
    make: file("dtd.xlsx", () =>
      editParts((p) =>
        p.set(
          "xl/sharedStrings.xml",
          p.get("xl/sharedStrings.xml")!.replace("?>", '?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]>'),
        ),
      ),
    ),
    code: "workbook-damaged",
    says: /declares a DTD, which Excel never writes/,
  },
  {
    name: "an entity no XML defines",
    make: file("entity.xlsx", () =>
      editParts((p) =>
        p.set("xl/sharedStrings.xml", p.get("xl/sharedStrings.xml")!.replace("<t>", "<t>&nbsp;")),
      ),
    ),
    code: "workbook-damaged",
    says: /"xl\/sharedStrings\.xml" is not well-formed XML/,
  },
  {
    name: "a workbook part that is not XML",
    make: file("garbled.xlsx", () => editParts((p) => p.set("xl/workbook.xml", "this is not <xml"))),
    code: "workbook-damaged",
    says: /its part "xl\/workbook\.xml" is not well-formed XML/,
  },
];

describe("a file that cannot be read is refused with its own message and exit 2", () => {
  const dir = tempDir();
  const paths = new Map<string, string>();
  beforeAll(async () => {
    for (const c of CASES) paths.set(c.name, await c.make(dir));
  });

  it.each(CASES)("$name", async (c) => {
    const error = await readWorkbook(paths.get(c.name)!).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).code).toBe(c.code);
    expect(`${(error as Error).message}\n${(error as UnreadableFileError).hint}`).toMatch(c.says);
  });

  it("and the CLI exits 2 with that message, and nothing from a library", async () => {
    const runs = await inBatches(
      CASES.map((c) => () => runCliAsync(["validate", paths.get(c.name)!]).then((run) => ({ c, run }))),
    );
    for (const { c, run } of runs) {
      expect({ name: c.name, code: run.code }).toEqual({ name: c.name, code: 2 });
      expect(run.stderr).toMatch(c.says);
      expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+|TypeError|RangeError/);
    }
  }, 120_000);

  it("prints a versioned JSON document for --format json, saying why", async () => {
    const run = await runCliAsync(["validate", paths.get("a CSV renamed .xlsx")!, "--format", "json"]);
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      version: 1,
      valid: false,
      files: [{ readable: false, valid: false, findings: [], unreadable: { code: "file-not-xlsx" } }],
    });
  });
});
