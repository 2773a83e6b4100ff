import { describe, expect, it } from "vitest";
import { contract, editParts, editWorkbook, findingsOf, kpiCell, kpiSheet, place } from "./helpers.js";

/**
 * What a return may carry besides its cells, filed once without a word: macros and links to other
 * workbooks, each now a warning naming its part; and strings that only look like the expected
 * ones, now refused with the character that differs named.
 */
describe("macros and links to other workbooks", () => {
  it.each([
    ["a VBA project", "xl/vbaProject.bin", "workbook-macros", "macros (a VBA project, xl/vbaProject.bin)"],
    [
      "a link to another workbook",
      "xl/externalLinks/externalLink1.xml",
      "workbook-external-link",
      "links to another workbook (xl/externalLinks/externalLink1.xml)",
    ],
  ])("%s is a warning naming its part", async (_, part, code, words) => {
    const findings = await findingsOf(
      await editParts((p) =>
        p.set(
          part,
          part.endsWith(".xml")
            ? '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
            : "VBA",
        ),
      ),
    );
    expect(findings.map(place)).toEqual([[code, ""]]);
    expect(findings[0]!.severity).toBe("warning");
    expect(findings[0]!.message).toContain(words);
  });
});

describe("look-alike strings", () => {
  it("a status with a Cyrillic a is refused, naming the character", async () => {
    const cell = kpiCell(4, "status");
    const findings = await findingsOf(
      await editWorkbook((wb) => (kpiSheet(wb).getCell(cell).value = "me\u0430sured")),
    );
    expect(findings.map(place)).toEqual([["status-unknown", `KPIs!${cell}`]]);
    expect(findings[0]!.message).toBe(
      'Status "meаsured" for KPI 4 is not one of the list: it only looks like "measured": character 3 is U+0430, not "a".',
    );
  });

  it("a contract id with a Cyrillic e is refused, naming the character", async () => {
    const lookAlike = contract.id.replace("e", "\u0435");
    const findings = await findingsOf(
      await editWorkbook((wb) => (wb.getWorksheet("Return")!.getCell("B1").value = lookAlike)),
    );
    expect(findings.map((f) => f.code)).toEqual(["contract-mismatch"]);
    expect(findings[0]!.message).toContain(
      `it only looks like "${contract.id}": character ${contract.id.indexOf("e") + 1} is U+0435, not "e"`,
    );
  });

  it("a plain typo keeps its did-you-mean", async () => {
    const cell = kpiCell(4, "status");
    const findings = await findingsOf(
      await editWorkbook((wb) => (kpiSheet(wb).getCell(cell).value = "mesured")),
    );
    expect(findings[0]!.message).toContain('did you mean "measured"?');
  });
});
