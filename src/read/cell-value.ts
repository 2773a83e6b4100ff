import type ExcelJS from "exceljs";
import type { CellValue } from "./raw-workbook.js";

/**
 * exceljs gives a cell as one of many shapes; every one becomes plain data, never "[object Object]"
 * or NaN. Rich text and hyperlinks become their text; a formula becomes its saved result.
 */
export function toCellValue(value: ExcelJS.CellValue | undefined, formula?: string): CellValue {
  if (value === null || value === undefined) return { type: "empty" };
  if (typeof value === "number") return Number.isFinite(value) ? { type: "number", value } : { type: "error", value: "#NUM!" };
  if (typeof value === "string") return value === "" ? { type: "empty" } : { type: "string", value };
  if (typeof value === "boolean") return { type: "boolean", value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { type: "error", value: "#VALUE!" } : { type: "date", value: value.toISOString().slice(0, 10) };
  }
  if (typeof value !== "object") return { type: "error", value: "#VALUE!" };
  const shape = value as unknown as Record<string, unknown>;
  if (typeof shape.error === "string") return { type: "error", value: shape.error };
  if (Array.isArray(shape.richText)) return richText(shape.richText);
  if ("formula" in shape || "sharedFormula" in shape) {
    const result = shape.result;
    if (result === undefined || result === null) return { type: "formula-no-result", formula: formula ?? formulaText(shape) };
    // A result is a plain value; a nested object here is not something Excel saves.
    return typeof result === "object" && !(result instanceof Date) && typeof (result as { error?: unknown }).error !== "string"
      ? { type: "error", value: "#VALUE!" }
      : toCellValue(result as ExcelJS.CellValue);
  }
  if ("hyperlink" in shape || "text" in shape) {
    const text = shape.text;
    if (typeof text === "string") return toCellValue(text);
    if (text && typeof text === "object" && Array.isArray((text as { richText?: unknown }).richText)) return richText((text as { richText: unknown[] }).richText);
    // A link with no display text shows its address, as Excel does.
    return typeof shape.hyperlink === "string" ? toCellValue(shape.hyperlink) : { type: "empty" };
  }
  return { type: "error", value: "#VALUE!" };
}

function richText(runs: readonly unknown[]): CellValue {
  return toCellValue(runs.map((run) => (run && typeof (run as { text?: unknown }).text === "string" ? (run as { text: string }).text : "")).join(""));
}

/** The formula as typed; when exceljs could not work out a shared formula's follower, name its leader. */
function formulaText(shape: Record<string, unknown>): string {
  if (typeof shape.formula === "string") return shape.formula;
  return typeof shape.sharedFormula === "string" ? `(shared with ${shape.sharedFormula})` : "";
}
