import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { Contract } from "../../src/schema/contract.js";
import { contractJsonSchema, withKeys } from "../../src/schema/contract-docs.js";
import { repoRoot } from "../helpers/contract.js";

const committed = (name: string) => readFileSync(`${repoRoot}docs/${name}`, "utf8");
const schema = () => JSON.parse(committed("contract.schema.json"));

describe("docs/contract.schema.json and docs/contract.md", () => {
  it("are exactly what the schema generates (run npm run docs:schema after changing src/schema/contract.ts)", () => {
    expect(schema()).toEqual(contractJsonSchema());
    expect(committed("contract.md")).toBe(withKeys(committed("contract.md")));
  });

  it("name every key of the contract, with an example each", () => {
    const page = committed("contract.md");
    for (const key of [
      "$schema",
      "id",
      "title",
      "council",
      "supplier",
      "committee",
      "kpis",
      "msrs",
      "serviceCriteria",
      "shortName",
      "rank",
      "frequency",
      "target",
      "targetText",
      "linkedKpis",
      "atLeast",
      "below",
      "reportedAtLeast",
      "everyMonths",
    ]) {
      expect(page).toMatch(
        new RegExp(
          `^\\| \`${key.replace("$", "\\$")}\` \\| (yes|no) \\| [^|]+ \\| [^|]+ \\| \`[^\`]+\` \\|$`,
          "m",
        ),
      );
    }
  });

  it("are shipped in the package", () => {
    const files: string[] = JSON.parse(readFileSync(`${repoRoot}package.json`, "utf8")).files;
    expect(files).toEqual(
      expect.arrayContaining(["docs/contract.md", "docs/contract.schema.json", "docs/targets.md"]),
    );
  });
});

describe("the JSON Schema, as an editor applies it", () => {
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema());

  it("accepts the bundled contract, and the page's example with its $schema", () => {
    expect(
      validate(JSON.parse(readFileSync(`${repoRoot}data/contract.json`, "utf8"))),
      JSON.stringify(validate.errors),
    ).toBe(true);
    const example = committed("contract.md").match(/```json\n([\s\S]*?)```/)![1]!;
    expect(validate(JSON.parse(example)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    [
      "a misspelt key",
      (c: Contract) => ((c.kpis[0] as Record<string, unknown>).rnak = 3),
      "additionalProperties",
    ],
    [
      "a target above 100%",
      (c: Contract) => ((c.kpis[0]!.target as { atLeast: number }).atLeast = 120),
      "maximum",
    ],
    ["no KPIs", (c: Contract) => (c.kpis = []), "minItems"],
  ])("refuses %s, as kpi-report does", (_, breakIt, keyword) => {
    const contract = JSON.parse(readFileSync(`${repoRoot}data/contract.json`, "utf8"));
    breakIt(contract);
    expect(validate(contract)).toBe(false);
    expect(validate.errors!.map((e) => e.keyword)).toContain(keyword);
  });
});
