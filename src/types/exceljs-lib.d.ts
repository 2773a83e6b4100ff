// The two modules of exceljs that src/read/exceljs.ts imports directly; exceljs types only its index.
declare module "exceljs/lib/doc/workbook.js" {
  const Workbook: typeof import("exceljs").Workbook;
  export default Workbook;
}

declare module "exceljs/lib/doc/enums.js" {
  const enums: { ValueType: typeof import("exceljs").ValueType };
  export default enums;
}
