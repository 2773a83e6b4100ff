import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { dataDir } from "./contract.js";

/** A private copy of the bundled data folder, for tests that break or add returns. */
export function copyData(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "kpi-data-")), "data");
  cpSync(dataDir, dir, { recursive: true });
  return dir;
}

/** Changes one cell of a return (or a council review) in place, as a supplier editing it in Excel would. */
export async function editCell(
  file: string,
  sheet: string,
  cell: string,
  value: ExcelJS.CellValue,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  workbook.getWorksheet(sheet)!.getCell(cell).value = value;
  await workbook.xlsx.writeFile(file);
}
