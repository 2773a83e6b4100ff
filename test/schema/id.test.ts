import { describe, expect, it } from "vitest";
import { checkContract } from "../../src/read/contract.js";
import { canonicalId, compareIds, type Id, IdSchema, idKey } from "../../src/schema/id.js";
import { kpiRanges } from "../../src/words/lists.js";

describe("KPI and MSR ids", () => {
  it("sorts as a person would: digits by value, then letters", () => {
    const ids = ["10", "PI-10", 2, "3b", "PI-07", 1, "3a", 3, "PI-2", 27];
    expect([...ids].map(canonicalId).sort(compareIds)).toEqual(
      [1, 2, 3, "3a", "3b", "10", 27, "PI-2", "PI-07", "PI-10"].map(canonicalId),
    );
  });

  it.each([
    [3, 3],
    ["3", 3],
    [" 3a ", "3a"],
    ["07", "07"],
    ["PI-07", "PI-07"],
  ])("keeps %j as %j", (written, canonical) => {
    expect(IdSchema.parse(written)).toBe(canonical);
  });

  it.each([0, -1, 2.5, "", "3 a", "KPI 3", "a".repeat(21), "-3", true])("refuses %j", (written) => {
    expect(IdSchema.safeParse(written).success).toBe(false);
  });

  it("matches a typed id whatever its case and leading zeros", () => {
    expect(idKey("PI-07")).toBe(idKey("pi-7"));
    expect(idKey("07")).toBe(idKey(7));
    expect(idKey("3a")).not.toBe(idKey("3b"));
  });

  it.each([
    [[1, 2, 3, 5], "KPI 1–3 and 5"],
    [[1, 2, "3a", 4, 5, 6], "KPI 1, 2, 3a and 4–6"],
    [["PI-10", "PI-07", "PI-08"], "KPI PI-07, PI-08 and PI-10"],
  ])("lists %j as %s", (ids, words) => {
    expect(kpiRanges(ids)).toBe(words);
  });
});

describe("a contract's ids", () => {
  const contractWith = (kpis: Id[], linked: Id[]) => ({
    id: "ids",
    title: "Ids",
    council: "A council",
    supplier: "A supplier",
    kpis: kpis.map((number) => ({
      number,
      serviceCriteria: "Service",
      description: `Measure ${number}`,
      shortName: `Measure ${number}`,
      rank: 1,
      frequency: "monthly",
      target: { kind: "percentage", atLeast: 90 },
      targetText: "90%",
    })),
    msrs: [{ number: 1, text: "A requirement", linkedKpis: linked }],
  });
  const problems = (json: unknown) => {
    try {
      checkContract(json);
      return "";
    } catch (error) {
      return (error as Error).message;
    }
  };

  it.each([
    [["07", 7], [7], "KPI 07 and KPI 7 differ only in case or leading zeros"],
    [["3a", "3A"], ["3a"], "KPI 3a and KPI 3A differ only in case"],
    [["3a"], ["3A"], "MSR 1 links KPI 3A, which the contract does not define; did you mean 3a?"],
    [[1, 2], ["2", 1], ""],
  ])("%j linked as %j: %s", (kpis, linked, message) => {
    const said = problems(contractWith(kpis, linked));
    if (message) expect(said).toContain(message);
    else expect(said).toBe("");
  });
});
