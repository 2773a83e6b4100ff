import WorkbookClass from "exceljs/lib/doc/workbook.js";

/**
 * exceljs's Workbook, without the rest of its index. It is used only to write the return template
 * (return-template.ts); returns are read by our own reader (workbook.ts). The index also loads the
 * streaming reader and writer (unzipper, archiver and their dependencies), which we never use:
 * importing `exceljs` took 230-260 ms here, Workbook alone 85-100 ms. Types still come from
 * `import type ExcelJS from "exceljs"`, which loads nothing.
 */
export const Workbook = WorkbookClass;
