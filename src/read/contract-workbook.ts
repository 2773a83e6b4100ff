import { closest, normaliseHeader } from "../text/closest.js";
import {
  BAND_WORDS,
  COMPARISON_WORDS,
  CONTRACT_FIELDS,
  CONTRACT_KPI_COLUMNS,
  CONTRACT_MSR_COLUMNS,
  CONTRACT_SHEETS,
  type FieldRead,
  type FieldRow,
  LABEL_FIELDS,
  MAX_CONTRACT_ROWS,
  MONTH_NAMES,
  NONE_WORD,
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
  if (details) {
    places.set(keyOf([]), `${details.name}!A1`);
    readFields(details, CONTRACT_FIELDS, value, places, problems);
  }
  // The Labels sheet is optional: a workbook without it keeps every default.
  const labels = findSheet(workbook, CONTRACT_SHEETS.labels);
  if (labels) readFields(labels, LABEL_FIELDS, value, places, problems);
  const kpiSheet = sheet(CONTRACT_SHEETS.kpis);
  if (kpiSheet) value.kpis = readKpis(kpiSheet, places, problems);
  const msrSheet = findSheet(workbook, CONTRACT_SHEETS.msrs);
  const msrs = msrSheet ? readMsrs(msrSheet, places, problems) : [];
  // No MSRs is a contract without them: `msrs` left out, as contract.md writes one.
  if (msrs.length > 0) value.msrs = msrs;
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

/** A label-and-value sheet (Contract, Labels): each labelled row's value into `value` at its field's path. */
function readFields(
  sheet: RawSheet,
  fields: readonly FieldRow[],
  value: Record<string, unknown>,
  places: Places,
  problems: string[],
): void {
  for (let row = 1; row <= Math.min(sheet.rowCount, 50); row++) {
    const label = cellText(cellAt(sheet, row, 1));
    if (!label) continue;
    const field = fields.find((f) => normaliseHeader(f.label) === normaliseHeader(label));
    if (!field) {
      const near = closest(
        label,
        fields.map((f) => f.label),
      );
      problems.push(
        `${at(sheet, row, 1)}: "${label}" is not a field of the ${sheet.name} sheet${near ? `; did you mean "${near}"?` : `; the fields are ${fields.map((f) => `"${f.label}"`).join(", ")}`}`,
      );
      continue;
    }
    const [key, inner] = field.path;
    places.set(keyOf(field.path), at(sheet, row, 2));
    // An object's own problems ("last is before first") are placed at its first row.
    if (inner !== undefined && !places.has(keyOf([key]))) places.set(keyOf([key]), at(sheet, row, 2));
    const read = fieldValue(cellAt(sheet, row, 2), field.read);
    if (read === undefined) continue;
    // A month of the year that is not one is said here, with the month it is nearest.
    const notMonth =
      field.read === "month-of-year" || field.read === "months-of-year"
        ? (Array.isArray(read) ? read : [read]).find((m) => typeof m === "string")
        : undefined;
    if (notMonth !== undefined) {
      const near = closest(String(notMonth), MONTH_NAMES);
      problems.push(
        `${at(sheet, row, 2)}: "${notMonth}" is not a month${near ? `; did you mean "${near}"?` : "; write it as April or 4"}`,
      );
      continue;
    }
    if (inner === undefined) value[key] = read;
    else value[key] = { ...(value[key] as Record<string, unknown> | undefined), [inner]: read };
  }
}

/** A field's cell as its JSON value; what cannot be read as asked stays text, for the schema to refuse by its cell. */
function fieldValue(cell: CellValue, read: FieldRead): unknown {
  const text = cellText(cell);
  if (!text) return undefined;
  switch (read) {
    case "text":
      return text;
    case "text-or-none":
      return text.toLowerCase() === NONE_WORD ? false : text;
    case "month":
      // Excel makes a typed 2021-04 a date, the 1st of that month.
      return cell.type === "date" ? cell.value.slice(0, 7) : text;
    case "month-of-year":
      return monthOfYear(text);
    case "months-of-year":
      return text
        .split(/[,;]/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map(monthOfYear);
  }
}

/** 4, "4", "April" or "Apr" as 4; anything else stays as written. */
function monthOfYear(text: string): number | string {
  if (/^\d+$/.test(text)) return Number(text);
  const wanted = text.toLowerCase();
  const index = MONTH_NAMES.findIndex(
    (name) => name.toLowerCase() === wanted || (wanted.length === 3 && name.toLowerCase().startsWith(wanted)),
  );
  return index >= 0 ? index + 1 : text;
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
      // A second row for a KPI is a target that changes: the same KPI, a new target from its month,
      // and, in the "as printed" column, the words of this target while it is in force.
      const printed = text("targetText");
      for (const prefix of prefixes) places.set(keyOf([...prefix, "text"]), where("targetText"));
      kpi.target = [...list, printed === undefined ? target : { ...target, text: printed }];
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
  const from = cell("from");
  // Excel makes a typed 2024-04 a date, the 1st of that month.
  set("from", "from", from.type === "date" ? from.value.slice(0, 7) : text("from"));
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
