import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/read/raw-workbook.js";
import type { Targets } from "../../src/schema/target.js";
import type { KpiColumnKey } from "../../src/schema/workbook-layout.js";
import { checkRow } from "../../src/validate/kpi-row.js";

/**
 * validate's figure rules follow the target's kind: a value or an average is a decimal in Count
 * (1.8 days), a count is whole; a percentage typed as Excel stores it (0.02 in a "0%" cell) is 2%.
 */
function row(target: Targets, cells: Partial<Record<KpiColumnKey, CellValue>>) {
  const at: Record<string, string> = {
    status: "E2",
    achieved: "F2",
    total: "G2",
    count: "H2",
    percentage: "I2",
  };
  return checkRow("KPIs", 3, target, (key) => ({
    value: cells[key] ?? (key === "status" ? { type: "string", value: "measured" } : { type: "empty" }),
    cell: at[key] ?? "J2",
  }));
}

describe("figures by the target's kind", () => {
  it.each([
    [{ kind: "average", atMost: 5, unit: "days" }, 1.8],
    [{ kind: "value", atMost: 1.5, unit: "£" }, 1.57],
  ] as const)("a %o takes a decimal in Count", (target, count) => {
    const checked = row(target as Targets, { count: { type: "number", value: count } });
    expect(checked.findings).toEqual([]);
    expect(checked.row?.count).toBe(count);
  });

  it("a count is still whole", () => {
    const checked = row({ kind: "count", fewerThan: 10 } as Targets, {
      count: { type: "number", value: 2.5 },
    });
    expect(checked.findings.map((f) => [f.code, f.cell])).toEqual([["number-fractional", "H2"]]);
  });

  it("a KPI whose target becomes an average from a month takes decimals", () => {
    const targets = [
      { kind: "count", atMost: 5 },
      { kind: "average", atMost: 5, unit: "days", from: "2024-04" },
    ] as Targets;
    expect(row(targets, { count: { type: "number", value: 4.2 } }).findings).toEqual([]);
  });

  it("reads a lower-is-better percentage typed as Excel stores it (0.02 in a percentage cell) as 2%", () => {
    const checked = row({ kind: "percentage", atMost: 2 } as Targets, {
      percentage: { type: "number", value: 0.02, format: "percent" },
    });
    expect(checked.findings).toEqual([]);
    expect(checked.row?.percentage).toBe(2);
  });

  it("asks for the figure of an average that has none", () => {
    const checked = row({ kind: "average", atMost: 5, unit: "days" } as Targets, {
      achieved: { type: "number", value: 3 },
      total: { type: "number", value: 4 },
    });
    expect(checked.findings.map((f) => f.code)).toEqual(["figure-needed"]);
    expect(checked.findings[0]!.message).toContain("The figure in Count (in days), up to 2 decimal places.");
  });
});
