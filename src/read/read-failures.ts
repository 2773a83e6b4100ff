import { InputError } from "../errors.js";

/**
 * Every reason a file cannot be read at all (exit 2), with the advice a supplier or officer needs.
 * Like the findings catalogue, docs/findings.md is generated from this table, so the two cannot drift.
 */
export const READ_FAILURES = {
  "file-missing": { title: "The path does not exist", hint: "Check the path and the file name." },
  "file-is-directory": { title: "The path is a folder", hint: "Give the path of the .xlsx file inside it." },
  "file-not-regular": {
    title: "The path is a device, pipe or socket, not a file",
    hint: "Give the path of an .xlsx file.",
  },
  "file-no-permission": {
    title: "The file cannot be opened for reading",
    hint: "Check the file's permissions, or close the program that has it locked.",
  },
  "file-empty": {
    title: "The file is empty (0 bytes)",
    hint: "Save the return again from Excel or LibreOffice; if it was downloaded or emailed, get it again.",
  },
  "file-too-large": {
    title: "The file is larger than any return",
    hint: "Check that this is the monthly return; remove pictures or extra sheets and save it again.",
  },
  "file-not-xlsx": {
    title: "The file is not a workbook: CSV or text, a web page, a PDF or other data renamed .xlsx",
    hint: "Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).",
  },
  "file-legacy-xls": {
    title: "A legacy Excel 97-2003 workbook (.xls)",
    hint: "Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).",
  },
  "file-encrypted": {
    title: "A password-protected (encrypted) workbook",
    hint: "Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the box), save it, and run this again.",
  },
  "zip-truncated": {
    title: "The file ends early, as an interrupted download or copy does",
    hint: "Download or copy the file again, and check its size matches the original.",
  },
  "zip-damaged": {
    title: "The file's zip structure or compressed data is damaged",
    hint: "Download or copy the file again; if it still fails, open it in Excel, which may repair it, and save it again.",
  },
  "zip-unsupported": {
    title: "The zip uses features Excel never writes (encrypted parts, unknown compression)",
    hint: "Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).",
  },
  "not-a-workbook": {
    title:
      "A zip file that is not an Excel workbook (a Word or PowerPoint file, an .ods, an .xlsb or another archive)",
    hint: "Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).",
  },
  "workbook-damaged": {
    title: "The workbook's contents are damaged or not what Excel writes",
    hint: "Open it in Excel or LibreOffice, which may repair it, and save it again as .xlsx.",
  },
  "limit-zip-entries": {
    title: "More parts inside the zip than any workbook has",
    hint: "This is not a monthly return; check the file.",
  },
  "limit-inflated-bytes": {
    title: "The file unpacks to far more than any return (possibly a zip bomb)",
    hint: "This is not a monthly return; check the file. A return unpacks to well under 1 MB.",
  },
  "limit-xml-elements": {
    title: "More content than any return (too many cells, styles or strings)",
    hint: "Remove extra sheets and data the return does not need, and save it again.",
  },
  "limit-xml-depth": {
    title: "XML nested far deeper than any spreadsheet program writes",
    hint: "This is not a monthly return as Excel or LibreOffice saves it; save it again from the spreadsheet program.",
  },
  "limit-sheets": {
    title: "More sheets than any return has",
    hint: "Delete the sheets the return does not need (it has Instructions, Return and KPIs), and save it again.",
  },
  "limit-merges": {
    title: "More merged ranges on a sheet than any return has",
    hint: "Unmerge the cells (Home > Merge & Center > Unmerge Cells) and save it again.",
  },
} as const satisfies Record<string, { title: string; hint: string }>;

export type ReadFailureCode = keyof typeof READ_FAILURES;

/** An InputError that also says which of the reasons above it is, for JSON output and tests. */
export class UnreadableFileError extends InputError {
  constructor(
    readonly code: ReadFailureCode,
    message: string,
    path: string,
    hint: string,
  ) {
    super(message, path, hint);
  }
}

/** The only way read failures are made, so each has its code and, unless the caller knows better, the standard advice. */
export function unreadable(
  code: ReadFailureCode,
  path: string,
  message: string,
  hint: string = READ_FAILURES[code].hint,
): UnreadableFileError {
  return new UnreadableFileError(code, message, path, hint);
}
