import type { Target } from "../../src/schema/contract.js";
import { describe, expect, it } from "vitest";
import { buildReturnWorkbook } from "../../src/read/return-template.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import type { MonthlyReturn } from "../../src/schema/return.js";
import { bundledContract } from "../helpers/contract.js";

const contract = bundledContract();

describe("the return template", () => {
  it("reads back a blank template as a return with every KPI missing its status", async () => {
    const bytes = await buildReturnWorkbook(contract, "2022-10");
    const result = validateReturn(await parseWorkbook(bytes, "blank.xlsx"), contract, { month: "2022-10" });
    const codes = new Set(result.findings.map((f) => f.code));
    expect([...codes]).toEqual(["status-missing"]);
    expect(result.findings).toHaveLength(contract.kpis.length);
    expect(result.findings[0]).toMatchObject({ sheet: "KPIs", cell: "E2" });
  });

  it("reads back a filled return to the same values", async () => {
    const filled: MonthlyReturn = {
      contract: contract.id,
      month: "2022-10",
      supplier: contract.supplier,
      preparedBy: "A. Officer",
      compliments: "Two compliments from parents",
      kpis: contract.kpis.map((kpi, i) => {
        if ((kpi.target as Target).kind === "count")
          return {
            kpi: kpi.number,
            status: "measured",
            count: 2,
            achieved: 2,
            total: 2,
            commentary: "Two, both reported",
          };
        if (i % 4 === 0)
          return {
            kpi: kpi.number,
            status: "measured",
            achieved: 17 + i,
            total: 27 + i,
            commentary: `Row ${kpi.number}`,
          };
        if (i % 4 === 1) return { kpi: kpi.number, status: "measured", percentage: 95.2, commentary: "" };
        if (i % 4 === 2) return { kpi: kpi.number, status: "not captured", commentary: "Not captured" };
        return { kpi: kpi.number, status: "measured", count: 3, percentage: 100, commentary: "Three" };
      }),
    };
    const bytes = await buildReturnWorkbook(contract, "2022-10", filled);
    const result = validateReturn(await parseWorkbook(bytes, "filled.xlsx"), contract, { month: "2022-10" });
    expect(result.findings).toEqual([]);
    expect(result.value).toEqual(filled);
  });

  it("writes the same bytes twice", async () => {
    const a = await buildReturnWorkbook(contract, "2022-10");
    const b = await buildReturnWorkbook(contract, "2022-10");
    expect(a.equals(b)).toBe(true);
  });
});
