// The module of exceljs that src/read/exceljs.ts imports directly; exceljs types only its index.
declare module "exceljs/lib/doc/workbook.js" {
  const Workbook: typeof import("exceljs").Workbook;
  export default Workbook;
}
