import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/read/limits.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import { editParts, findingsOf } from "../validate/helpers.js";

/**
 * Small files whose shape, not their size, would make reading cost far more than their bytes: each
 * is generated here (nothing large is committed) and must be refused by the limit that names it, as
 * the file is read. Unguarded, the deepest of these ran for minutes; the suite's timeout is the only
 * clock (npm run bench measures the times).
 */
const KPI_XML = "xl/worksheets/sheet3.xml";
const nested = (depth: number, inner = "") => `${"<x:n>".repeat(depth)}${inner}${"</x:n>".repeat(depth)}`;
const extension = (depth: number) =>
  `<extLst><ext uri="{00000000-0000-0000-0000-000000000000}" xmlns:x="urn:hostile">${nested(depth)}</ext></extLst>`;
const inSheet = (xml: string) => (parts: Map<string, string>) =>
  parts.set(KPI_XML, parts.get(KPI_XML)!.replace("</worksheet>", `${xml}</worksheet>`));

async function refusal(bytes: Uint8Array): Promise<{ code?: string; message: string }> {
  return parseWorkbook(bytes, "return.xlsx").then(
    () => ({ message: "read" }),
    (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
  );
}

/** A workbook part listing `count` sheets, every one pointing at the KPIs sheet's part. */
function sheetsSharingOnePart(count: number) {
  return (parts: Map<string, string>) => {
    const rels = parts.get("xl/_rels/workbook.xml.rels")!;
    const id =
      /Id="(rId\d+)"[^>]*Target="worksheets\/sheet3\.xml"|Target="worksheets\/sheet3\.xml"[^>]*Id="(rId\d+)"/.exec(
        rels,
      )!;
    const rid = id[1] ?? id[2];
    const list = Array.from(
      { length: count },
      (_, i) => `<sheet name="S${i}" sheetId="${i + 10}" r:id="${rid}"/>`,
    ).join("");
    parts.set("xl/workbook.xml", parts.get("xl/workbook.xml")!.replace("</sheets>", `${list}</sheets>`));
  };
}

describe("shapes that cost more than their size", () => {
  it.each([
    { name: "an element 100,000 deep in a sheet", edit: inSheet(extension(100_000)), part: KPI_XML },
    {
      name: "an element 20,000 deep in the shared strings",
      edit: (p: Map<string, string>) =>
        p.set(
          "xl/sharedStrings.xml",
          p
            .get("xl/sharedStrings.xml")!
            .replace("</sst>", `<si><t>x</t></si>${nested(20_000).replaceAll("x:n", "rPh")}</sst>`),
        ),
      part: "xl/sharedStrings.xml",
    },
    {
      name: "an element 5,000 deep in the workbook part",
      edit: (p: Map<string, string>) =>
        p.set(
          "xl/workbook.xml",
          p.get("xl/workbook.xml")!.replace("</workbook>", `${extension(5000)}</workbook>`),
        ),
      part: "xl/workbook.xml",
    },
    { name: "one element past the limit", edit: inSheet(extension(LIMITS.maxXmlDepth)), part: KPI_XML },
  ])("$name is refused by the depth limit, naming the part", async ({ edit, part }) => {
    const result = await refusal(await editParts(edit));
    expect(result.code).toBe("limit-xml-depth");
    expect(result.message).toContain(JSON.stringify(part));
    expect(result.message).toContain(`more than ${LIMITS.maxXmlDepth} deep`);
  });

  it("nesting within the limit is read as before", async () => {
    // worksheet > extLst > ext > n...: three levels above the nested elements.
    const findings = await findingsOf(await editParts(inSheet(extension(LIMITS.maxXmlDepth - 3))));
    expect(findings).toEqual([]);
  });

  it.each([10_000, LIMITS.maxSheets + 1])(
    "a workbook listing %i sheets is refused by the sheet limit before any is read",
    async (count) => {
      const result = await refusal(await editParts(sheetsSharingOnePart(count)));
      expect(result.code).toBe("limit-sheets");
      expect(result.message).toContain(`more than ${LIMITS.maxSheets} sheets`);
      expect(result.message).toContain('"xl/workbook.xml"');
    },
  );

  it("two sheets pointing at one part is damage, named with the sheet and the part", async () => {
    const result = await refusal(await editParts(sheetsSharingOnePart(1)));
    expect(result.code).toBe("workbook-damaged");
    expect(result.message).toContain(
      'the sheet "S0" points at the part "xl/worksheets/sheet3.xml", which another sheet already uses',
    );
  });

  it("one string of 14 million characters shared by 78,000 cells is read once and cut, not copied into each cell", async () => {
    // Each cell once decoded and trimmed its own copy: 78,000 x 14 MB ran for minutes.
    const long = ` ${"y ".repeat(7_000_000)}`;
    const bytes = await editParts((p) => {
      const sst = p.get("xl/sharedStrings.xml")!;
      const index = (sst.match(/<si>/g) ?? []).length;
      p.set(
        "xl/sharedStrings.xml",
        sst.replace("</sst>", `<si><t xml:space="preserve">${long}</t></si></sst>`),
      );
      const rows: string[] = [];
      for (let r = 40; r < 2000; r++)
        rows.push(
          `<row r="${r}">${Array.from({ length: 40 }, (_, c) => `<c r="${c < 26 ? String.fromCharCode(65 + c) : `A${String.fromCharCode(39 + c)}`}${r}" t="s"><v>${index}</v></c>`).join("")}</row>`,
        );
      p.set(KPI_XML, p.get(KPI_XML)!.replace("</sheetData>", `${rows.join("")}</sheetData>`));
    });
    const workbook = await parseWorkbook(bytes, "return.xlsx");
    const cell = workbook.sheets.find((sh) => sh.name === "KPIs")!.cells.get("J40");
    expect(cell).toEqual({ type: "string", value: long.slice(0, 60), length: long.length });
    const findings = await findingsOf(bytes);
    expect(findings.length).toBeGreaterThan(0);
  });
});
