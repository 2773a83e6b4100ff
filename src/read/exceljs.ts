import WorkbookClass from "exceljs/lib/doc/workbook.js";
import enums from "exceljs/lib/doc/enums.js";

/**
 * exceljs's Workbook and enums, without the rest of its index. The index also loads the streaming
 * reader and writer (unzipper, archiver and their dependencies), which we never use: importing
 * `exceljs` took 230-260 ms here, Workbook and the enums alone 85-100 ms, and both read and write
 * the same workbooks. Types still come from `import type ExcelJS from "exceljs"`, which loads nothing.
 */
export const Workbook = WorkbookClass;
export const ValueType = enums.ValueType;
