import { closest, normaliseHeader } from "../text/closest.js";
import {
  BAND_WORDS,
  COMPARISON_WORDS,
  CONTRACT_FIELDS,
  CONTRACT_KPI_COLUMNS,
  CONTRACT_MSR_COLUMNS,
  CONTRACT_SHEETS,
  MAX_CONTRACT_ROWS,
  type KpiColumnKey,
} from "../schema/contract-workbook-layout.js";
import {
  address,
  type CellValue,
  cellAt,
  cellText,
  findSheet,
  isBlank,
  type RawSheet,
  type RawWorkbook,
} from "./raw-workbook.js";

/**
 * The contract workbook as the contract's JSON value, with the cell every value came from, so the
 * contract's own checks (read/contract.ts) name a problem by its cell ("KPIs!G4"). What cannot
 * become a value at all (a sheet or a column missing, a comparison that is not one) is a problem
 * here, named by cell too.
 */
export interface ContractFromWorkbook {
  value: Record<string, unknown>;
  place(path: readonly PropertyKey[]): string | undefined;
  problems: string[];
}

type Places = Map<string, string>;
const keyOf = (path: readonly PropertyKey[]) => JSON.stringify(path);

export function contractFromWorkbook(workbook: RawWorkbook): ContractFromWorkbook {
  const places: Places = new Map();
  const problems: string[] = [];
  const value: Record<string, unknown> = {};
  const sheet = (name: string) => {
    const found = findSheet(workbook, name);
    if (!found)
      problems.push(
        `the workbook has no "${name}" sheet (it has ${workbook.sheets.map((s) => `"${s.name}"`).join(", ") || "none"})`,
      );
    return found;
  };
  const details = sheet(CONTRACT_SHEETS.contract);
  if (details) readDetails(details, value, places, problems);
  const kpiSheet = sheet(CONTRACT_SHEETS.kpis);
  if (kpiSheet) value.kpis = readKpis(kpiSheet, places, problems);
  const msrSheet = findSheet(workbook, CONTRACT_SHEETS.msrs);
  value.msrs = msrSheet ? readMsrs(msrSheet, places, problems) : [];
  return {
    value,
    problems,
    place: (path) => {
      // A key that is absent is placed at the nearest thing that is there: its cell, else its row.
      for (let n = path.length; n >= 0; n--) {
        const found = places.get(keyOf(path.slice(0, n)));
        if (found) return found;
      }
      return undefined;
    },
  };
}

const at = (sheet: RawSheet, row: number, column: number) => `${sheet.name}!${address(row, column)}`;

function readDetails(
  sheet: RawSheet,
  value: Record<string, unknown>,
  places: Places,
  problems: string[],
): void {
  places.set(keyOf([]), `${sheet.name}!A1`);
  for (let row = 1; row <= Math.min(sheet.rowCount, 50); row++) {
    const label = cellText(cellAt(sheet, row, 1));
    if (!label) continue;
    const field = CONTRACT_FIELDS.find((f) => normaliseHeader(f.label) === normaliseHeader(label));
    if (!field) {
      const near = closest(
        label,
        CONTRACT_FIELDS.map((f) => f.label),
      );
      problems.push(
        `${at(sheet, row, 1)}: "${label}" is not a field of the contract${near ? `; did you mean "${near}"?` : `; the fields are ${CONTRACT_FIELDS.map((f) => `"${f.label}"`).join(", ")}`}`,
      );
      continue;
    }
    places.set(keyOf([field.key]), at(sheet, row, 2));
    const text = cellText(cellAt(sheet, row, 2));
    if (text) value[field.key] = text;
  }
}

/** The header row's columns, each by its key; an unknown or missing header is a problem. */
function headerColumns<K extends string>(
  sheet: RawSheet,
  columns: readonly { key: K; header: string; required?: boolean }[],
  problems: string[],
): Map<K, number> {
  const found = new Map<K, number>();
  for (let column = 1; column <= sheet.columnCount; column++) {
    const text = cellText(cellAt(sheet, 1, column));
    if (!text) continue;
    const spec = columns.find((c) => normaliseHeader(c.header) === normaliseHeader(text));
    if (spec) found.set(spec.key, column);
    else {
      const near = closest(
        text,
        columns.map((c) => c.header),
      );
      problems.push(
        `${at(sheet, 1, column)}: "${text}" is not a column of the ${sheet.name} sheet${near ? `; did you mean "${near}"?` : ""}`,
      );
    }
  }
  for (const spec of columns)
    if (spec.required !== false && !found.has(spec.key))
      problems.push(`${sheet.name}!1:1: the ${sheet.name} sheet has no "${spec.header}" column`);
  return found;
}

function dataRows(sheet: RawSheet, columns: ReadonlyMap<string, number>, problems: string[]): number[] {
  const rows: number[] = [];
  const last = Math.min(sheet.rowCount, MAX_CONTRACT_ROWS + 1);
  if (sheet.rowCount > last)
    problems.push(
      `${sheet.name}!A${last + 1}: the ${sheet.name} sheet goes on past ${MAX_CONTRACT_ROWS} rows, more than any contract has; the rest was not read`,
    );
  for (let row = 2; row <= last; row++)
    if ([...columns.values()].some((c) => !isBlank(cellAt(sheet, row, c)))) rows.push(row);
  return rows;
}

/** A number typed as a number, as "98" or "98%"; a percent-formatted 0.98 is 98 when `percent`. Anything else stays text, for the schema to refuse. */
function numberOf(
  cell: CellValue,
  percent: boolean,
): { value: number | string; percent: boolean } | undefined {
  if (cell.type === "number") {
    const scaled =
      cell.format === "percent" && percent ? Number((cell.value * 100).toPrecision(15)) : cell.value;
    return { value: scaled, percent: cell.format === "percent" };
  }
  const text = cellText(cell);
  if (!text) return undefined;
  const match = /^(-?\d+(?:\.\d+)?)\s*(%?)$/.exec(text.replace(/^£/, ""));
  return match ? { value: Number(match[1]), percent: match[2] === "%" } : { value: text, percent: false };
}

/** A KPI or MSR id as written: 3 stays a number, "3a" and "PI-07" stay text. */
function idOf(cell: CellValue): number | string | undefined {
  const text = cellText(cell);
  if (!text) return undefined;
  return /^\d+$/.test(text) ? Number(text) : text;
}

function readKpis(sheet: RawSheet, places: Places, problems: string[]): Record<string, unknown>[] {
  const columns = headerColumns(sheet, CONTRACT_KPI_COLUMNS, problems);
  const kpis: Record<string, unknown>[] = [];
  const byId = new Map<string, { kpi: Record<string, unknown>; index: number }>();
  for (const row of dataRows(sheet, columns, problems)) {
    const cell = (key: KpiColumnKey) => {
      const column = columns.get(key);
      return column === undefined ? ({ type: "empty" } as const) : cellAt(sheet, row, column);
    };
    const where = (key: KpiColumnKey) =>
      columns.has(key) ? at(sheet, row, columns.get(key)!) : `${sheet.name}!A${row}`;
    const text = (key: KpiColumnKey) => cellText(cell(key)) || undefined;
    const id = idOf(cell("number"));
    const earlier = id === undefined ? undefined : byId.get(String(id));
    const index = earlier ? earlier.index : kpis.length;
    const path = ["kpis", index];
    const kpi = earlier?.kpi ?? {};
    const list = earlier ? (Array.isArray(kpi.target) ? kpi.target : [kpi.target]) : [];
    // The first row's target is placed both as the target and as the first of a list, should a later row change it.
    const prefixes = earlier
      ? [[...path, "target", list.length]]
      : [
          [...path, "target"],
          [...path, "target", 0],
        ];
    const target = readTarget(
      cell,
      text,
      (key, targetPath) => {
        for (const prefix of prefixes) places.set(keyOf([...prefix, ...targetPath]), where(key));
      },
      where,
      problems,
    );
    if (earlier) {
      // A second row for a KPI is a target that changes: the same KPI, a new target from its month.
      kpi.target = [...list, target];
      continue;
    }
    places.set(keyOf(path), `${sheet.name}!A${row}`);
    const fields: [string, KpiColumnKey, unknown][] = [
      ["number", "number", id],
      ["serviceCriteria", "serviceCriteria", text("serviceCriteria")],
      ["description", "description", text("description")],
      ["shortName", "shortName", text("shortName")],
      ["rank", "rank", numberOf(cell("rank"), false)?.value],
      ["frequency", "frequency", text("frequency")?.toLowerCase()],
      ["target", "kind", target],
      ["targetText", "targetText", text("targetText")],
      ["targetSource", "targetSource", text("targetSource")],
    ];
    for (const [key, column, v] of fields) {
      places.set(keyOf([...path, key]), where(column));
      if (v !== undefined) kpi[key] = v;
    }
    kpis.push(kpi);
    if (id !== undefined) byId.set(String(id), { kpi, index });
  }
  return kpis;
}

function readTarget(
  cell: (key: KpiColumnKey) => CellValue,
  text: (key: KpiColumnKey) => string | undefined,
  record: (column: KpiColumnKey, targetPath: readonly PropertyKey[]) => void,
  where: (key: KpiColumnKey) => string,
  problems: string[],
): Record<string, unknown> {
  const kind = text("kind")?.toLowerCase();
  const target: Record<string, unknown> = {};
  record("kind", []);
  record("kind", ["kind"]);
  if (kind !== undefined) target.kind = kind;
  const set = (key: string, column: KpiColumnKey, value: unknown) => {
    record(column, [key]);
    if (value !== undefined) target[key] = value;
  };
  if (kind === "report") {
    set("everyMonths", "everyMonths", numberOf(cell("everyMonths"), false)?.value);
  } else {
    const percent = kind === "percentage";
    const word = text("comparison")?.toLowerCase();
    const comparison =
      word === undefined ? undefined : COMPARISON_WORDS[word as keyof typeof COMPARISON_WORDS];
    if (word !== undefined && comparison === undefined) {
      const near = closest(word, Object.keys(COMPARISON_WORDS));
      problems.push(
        `${where("comparison")}: "${word}" is not a comparison; ${near ? `did you mean "${near}"?` : `it must be one of ${Object.keys(COMPARISON_WORDS).join(", ")}`}`,
      );
    }
    const bound = numberOf(cell("target"), percent)?.value;
    if (word === undefined) record("comparison", []);
    if (comparison === "between") set("between", "target", [bound, numberOf(cell("upper"), percent)?.value]);
    // "fewer than" on a count is written "below", the word the first contracts used: both are read alike.
    else if (comparison !== undefined)
      set(comparison === "fewerThan" && kind === "count" ? "below" : comparison, "target", bound);
    set("unit", "unit", text("unit"));
    set("decimals", "decimals", numberOf(cell("decimals"), false)?.value);
    set("reportedAtLeast", "reportedAtLeast", numberOf(cell("reportedAtLeast"), true)?.value);
    const bands = text("bands")?.toLowerCase();
    if (bands !== undefined) {
      const scheme = BAND_WORDS[bands.replace(/\s*\/\s*/g, " / ") as keyof typeof BAND_WORDS] ?? bands;
      const tolerance = numberOf(cell("tolerance"), false);
      const amber = text("amberIfImproved")?.toLowerCase();
      record("bands", ["bands"]);
      record("tolerance", ["bands", "tolerance"]);
      record("amberIfImproved", ["bands", "amberIfImproved"]);
      target.bands = {
        kind: scheme,
        ...(tolerance
          ? { tolerance: tolerance.percent ? { relative: tolerance.value } : { absolute: tolerance.value } }
          : {}),
        ...(amber === undefined
          ? {}
          : { amberIfImproved: amber === "yes" ? true : amber === "no" ? false : amber }),
      };
    }
  }
  set("from", "from", text("from"));
  return target;
}

function readMsrs(sheet: RawSheet, places: Places, problems: string[]): Record<string, unknown>[] {
  const columns = headerColumns(sheet, CONTRACT_MSR_COLUMNS, problems);
  return dataRows(sheet, columns, problems).map((row, index) => {
    const column = (key: "number" | "text" | "linkedKpis") => columns.get(key);
    const cell = (key: "number" | "text" | "linkedKpis") =>
      column(key) === undefined ? ({ type: "empty" } as const) : cellAt(sheet, row, column(key)!);
    const msr: Record<string, unknown> = {};
    places.set(keyOf(["msrs", index]), `${sheet.name}!A${row}`);
    for (const key of ["number", "text", "linkedKpis"] as const)
      if (column(key) !== undefined) places.set(keyOf(["msrs", index, key]), at(sheet, row, column(key)!));
    const id = idOf(cell("number"));
    if (id !== undefined) msr.number = id;
    const text = cellText(cell("text"));
    if (text) msr.text = text;
    const linked = cellText(cell("linkedKpis"));
    msr.linkedKpis = linked
      ? linked
          .split(/[,;]/)
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
      : [];
    return msr;
  });
}
