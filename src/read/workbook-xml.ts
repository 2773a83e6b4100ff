import { LIMITS } from "./limits.js";
import { unreadable } from "./read-failures.js";
import { NS, parseXml } from "./xml.js";

export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** The relationship id of the sheet's part, whatever prefix the file gives its namespace. */
  relationship: string | undefined;
}

export interface WorkbookEntries {
  sheets: SheetEntry[];
  /** The 1904 date system (Excel for Mac before 2011 and files made from them): serial 0 is 1 January 1904. */
  date1904: boolean;
}

/** The workbook part: its sheets in tab order, and the date system. Defined names and the rest are not read. */
export function readWorkbookXml(bytes: Uint8Array, part: string, path: string): WorkbookEntries {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let root = true;
  parseXml(bytes, part, path, {
    open(e) {
      if (root) {
        root = false;
        if (e.uri === NS.strict) {
          throw unreadable(
            "not-a-workbook",
            path,
            `${path} was saved as "Strict Open XML Spreadsheet", which cannot be read.`,
            'Open it in Excel and save it as "Excel Workbook (.xlsx)".',
          );
        }
        if (e.local !== "workbook" || e.uri !== NS.main)
          throw unreadable(
            "workbook-damaged",
            path,
            `${path} is damaged: its workbook part ${JSON.stringify(part)} is not a workbook.`,
          );
      }
      if (e.uri !== NS.main) return;
      if (e.local === "workbookPr") date1904 = e.get("date1904") === "1" || e.get("date1904") === "true";
      else if (e.local === "sheet") {
        // Counted as they are listed, before any sheet's part is read: each sheet is a part parsed in full.
        if (sheets.length === LIMITS.maxSheets) {
          throw unreadable(
            "limit-sheets",
            path,
            `${path} lists more than ${LIMITS.maxSheets} sheets in its part ${JSON.stringify(part)}; a return has 3 or 4.`,
          );
        }
        const state = e.get("state");
        sheets.push({
          name: e.get("name") ?? "",
          hidden: state === "hidden" || state === "veryHidden",
          relationship: e.getNs(NS.relationships, "id"),
        });
      }
    },
  });
  return { sheets, date1904 };
}
