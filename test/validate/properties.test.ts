import ExcelJS from "exceljs";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { buildReturnWorkbook } from "../../src/read/return-template.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import type { Target } from "../../src/schema/contract.js";
import { KPI_STATUSES, type MonthlyReturn, type ReturnKpi } from "../../src/schema/return.js";
import { MAX_COMMENTARY_LENGTH, type KpiColumnKey } from "../../src/schema/workbook-layout.js";
import { validateReturn } from "../../src/validate/validate-return.js";
import { contract, kpiCell, MONTH, place, returnBytes } from "./helpers.js";
import type { Id } from "../../src/schema/id.js";

/** Text as people type it: trimmed (the reader trims), with the characters XML must escape. */
const text = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9 .,;:'"()£%&<>/\-é]{1,60}$/),
    fc.constantFrom("__proto__", "constructor", "=SUM(A1)", "12", "N/A"),
  )
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

/** Achieved of Out of, sometimes with the percentage they make. */
const counts = fc.integer({ min: 1, max: 500 }).chain((total) =>
  fc
    .record({
      achieved: fc.integer({ min: 0, max: total }),
      total: fc.constant(total),
      withPercentage: fc.boolean(),
    })
    .map(({ achieved, withPercentage }) => ({
      achieved,
      total,
      ...(withPercentage ? { percentage: Math.round((achieved / total) * 1000) / 10 } : {}),
    })),
);

/**
 * Figures that give the KPI's target what it judges (else validate warns, figure-needed). A
 * percentage stated alone is 0 or above 1: from 0.1 to 1 it might be a fraction, and is warned of.
 */
function figuresFor(target: Target): fc.Arbitrary<Partial<ReturnKpi>> {
  switch (target.kind) {
    case "percentage":
      return fc.oneof(
        counts,
        fc
          .integer({ min: 0, max: 1000 })
          .filter((tenths) => tenths === 0 || tenths > 10)
          .map((tenths) => ({ percentage: tenths / 10 })),
      );
    case "count":
      return fc
        .tuple(fc.integer({ min: 0, max: 100 }), counts)
        .map(([count, share]) =>
          target.reportedAtLeast !== undefined && count > 0 && count < target.below!
            ? { count, ...share }
            : { count },
        );
    case "report":
      return fc.oneof(counts, fc.record({ count: fc.integer({ min: 0, max: 100 }) }));
    default:
      return fc.record({ count: fc.integer({ min: 0, max: 100 }) });
  }
}

const kpiRow = (kpi: Id, target: Target): fc.Arbitrary<ReturnKpi> =>
  fc
    .record(
      {
        status: fc.constantFrom(...KPI_STATUSES),
        figures: figuresFor(target),
        commentary: fc.oneof(fc.constant(""), text),
      },
      { requiredKeys: ["status", "figures", "commentary"] },
    )
    .map(({ status, figures: f, ...rest }) => ({
      kpi,
      status,
      ...(status === "measured" ? f : {}),
      ...rest,
    }));

const validReturns: fc.Arbitrary<MonthlyReturn> = fc
  .record({
    kpis: fc.tuple(...contract.kpis.map((k) => kpiRow(k.number, k.target as Target))),
    preparedBy: fc.option(text, { nil: undefined }),
    compliments: fc.option(text, { nil: undefined }),
  })
  .map(({ kpis, preparedBy, compliments }) => ({
    contract: contract.id,
    month: MONTH,
    supplier: contract.supplier,
    ...(preparedBy ? { preparedBy } : {}),
    ...(compliments ? { compliments } : {}),
    kpis,
  }));

async function validate(values: MonthlyReturn) {
  const workbook = await parseWorkbook(await buildReturnWorkbook(contract, MONTH, values), "generated.xlsx");
  return validateReturn(workbook, contract, { month: MONTH });
}

/** One field of one KPI row broken in one way, and the one finding that must say so. */
type Break = { key: KpiColumnKey; value: unknown; code: string };
const NUMBER_CELLS = ["achieved", "total", "count", "percentage"] as const;
const BAD_TEXT = ["1,234", "0x1A", "1e3", " ", "12 of 15", "twelve", "95 %", "n/a", "--"];
const breaks: fc.Arbitrary<Break> = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter(
      (s) => s.trim() !== "" && !KPI_STATUSES.includes(s.replace(/\s+/g, " ").trim().toLowerCase() as never),
    )
    .map((value) => ({ key: "status" as const, value, code: "status-unknown" })),
  // "95 %" is a percentage in the Percentage column (read as 95), and text where a count belongs.
  fc
    .record({ key: fc.constantFrom(...NUMBER_CELLS), value: fc.constantFrom(...BAD_TEXT) })
    .filter((b) => !(b.key === "percentage" && b.value === "95 %"))
    .map((b) => ({ ...b, code: "number-invalid" })),
  fc
    .record({ key: fc.constantFrom(...NUMBER_CELLS), value: fc.integer({ min: -1000, max: -1 }) })
    .map((b) => ({ ...b, code: "number-negative" })),
  fc
    .record({
      key: fc.constantFrom("achieved", "total", "count"),
      value: fc.integer({ min: 0, max: 99 }).map((n) => n + 0.5),
    })
    .map((b) => ({ ...b, code: "number-fractional" })),
  fc
    .integer({ min: 101, max: 10_000 })
    .map((value) => ({ key: "percentage" as const, value, code: "percentage-out-of-range" })),
  fc
    .record({
      key: fc.constantFrom<KpiColumnKey>(...NUMBER_CELLS, "status", "commentary"),
      value: fc.constantFrom("#DIV/0!", "#REF!", "#N/A", "#VALUE!").map((error) => ({ error })),
    })
    .map((b) => ({ ...b, code: "cell-error" })),
  fc
    .record({
      key: fc.constantFrom<KpiColumnKey>(...NUMBER_CELLS, "status"),
      value: fc.constant({ formula: "1+1" }),
    })
    .map((b) => ({ ...b, code: "formula-no-result" })),
  fc
    .integer({ min: MAX_COMMENTARY_LENGTH + 1, max: MAX_COMMENTARY_LENGTH + 500 })
    .map((n) => ({ key: "commentary" as const, value: "x".repeat(n), code: "commentary-too-long" })),
);

/** The return with one cell of one KPI row set to `value`, as a person would type it in Excel. */
async function withBrokenCell(values: MonthlyReturn, kpi: Id, b: Break): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildReturnWorkbook(contract, MONTH, values)) as unknown as ExcelJS.Buffer);
  workbook.getWorksheet("KPIs")!.getCell(kpiCell(kpi, b.key)).value = b.value as ExcelJS.CellValue;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("properties of validation (fast-check)", () => {
  it("a generated valid return validates clean and reads back as written", async () => {
    await fc.assert(
      fc.asyncProperty(validReturns, async (values) => {
        const result = await validate(values);
        expect(result.findings).toEqual([]);
        expect(result.value).toEqual(values);
      }),
      { numRuns: 25 },
    );
  });

  it("breaking exactly one field gives exactly one finding, at that cell", async () => {
    await fc.assert(
      fc.asyncProperty(validReturns, fc.nat(contract.kpis.length - 1), breaks, async (values, index, b) => {
        const kpi = values.kpis[index]!.kpi;
        const workbook = await parseWorkbook(await withBrokenCell(values, kpi, b), "broken.xlsx");
        const result = validateReturn(workbook, contract, { month: MONTH });
        expect(result.findings.map(place)).toEqual([[b.code, `KPIs!${kpiCell(kpi, b.key)}`]]);
      }),
      { numRuns: 60 },
    );
  });

  it("arbitrary bytes raise nothing but the tool's own InputError", async () => {
    const zipStart = fc
      .uint8Array({ maxLength: 2000 })
      .map((rest) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...rest]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), zipStart), async (bytes) => {
        await expectOnlyInputErrors(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it("a real return with bytes changed, cut or inserted raises nothing but InputError", async () => {
    const real = await returnBytes();
    const mutation = fc.oneof(
      fc
        .array(fc.record({ at: fc.nat(real.length - 1), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        })
        .map((flips) => {
          const copy = Uint8Array.from(real);
          for (const { at, byte } of flips) copy[at] = byte;
          return copy;
        }),
      fc.nat(real.length - 1).map((end) => real.subarray(0, end)),
      fc
        .record({ at: fc.nat(real.length - 1), junk: fc.uint8Array({ minLength: 1, maxLength: 64 }) })
        .map(({ at, junk }) => Uint8Array.from([...real.subarray(0, at), ...junk, ...real.subarray(at)])),
    );
    await fc.assert(
      fc.asyncProperty(mutation, (bytes) => expectOnlyInputErrors(bytes)),
      { numRuns: 150 },
    );
  });

  it("a real return with its XML changed (so exceljs parses the damage) raises nothing but InputError", async () => {
    const parts = unzipSync(await returnBytes());
    const xmlNames = Object.keys(parts).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
    const junk = fc.stringMatching(/^[<>/="' a-zA-Z0-9:;&#_-]{0,40}$/);
    const edit = fc.record({
      part: fc.constantFrom(...xmlNames),
      start: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.nat(200),
      junk,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const files = { ...parts };
        for (const e of edits) {
          const xml = strFromU8(files[e.part]!);
          const at = Math.floor(e.start * xml.length);
          files[e.part] = strToU8(xml.slice(0, at) + e.junk + xml.slice(at + e.length));
        }
        await expectOnlyInputErrors(zipSync(files));
      }),
      { numRuns: 120 },
    );
  });
});

/** Reading either works (and validating then never throws) or fails with the tool's own error. */
async function expectOnlyInputErrors(bytes: Uint8Array): Promise<void> {
  let workbook;
  try {
    workbook = await parseWorkbook(bytes, "mutated.xlsx");
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return;
  }
  const result = validateReturn(workbook, contract, { month: MONTH });
  for (const f of result.findings)
    expect(`${f.message} ${f.found ?? ""} ${f.expected ?? ""}`).not.toMatch(
      /NaN|\[object Object\]|undefined/,
    );
}
