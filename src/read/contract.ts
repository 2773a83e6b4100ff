import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ContractSchema, type Contract } from "../schema/contract.js";
import { InputError } from "../errors.js";
import { byId, type Id, idKey } from "../schema/id.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { contractProblems, type LocatedContract } from "./contract-problems.js";
import { parseJson, where } from "./json-text.js";
import { hiddenControls, withoutHiddenControls } from "../text/hidden-controls.js";

export interface LoadedContract {
  contract: Contract;
  /** Problems that do not stop a run, e.g. a KPI no MSR links. */
  findings: Finding[];
  /** The SHA-256 of the bytes read (loadContract only): what the manifest records. */
  sha256?: string;
}

/** Reads and checks a contract file. A contract that breaks its own references is refused. */
export async function loadContract(path: string): Promise<LoadedContract> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "EISDIR"
        ? `${path} is a directory, not a contract file.`
        : `Cannot read the contract file ${path}.`,
      path,
    );
  }
  const json = parseJson(bytes.toString("utf8"));
  if ("problems" in json)
    throw new InputError(
      `The contract file ${path} is not valid JSON:\n${bullets(json.problems)}`,
      path,
      JSON_HINT,
    );
  const place = (at: readonly PropertyKey[]) => {
    const position = json.locate(at);
    return position && where(position);
  };
  // Hashed as read, so the manifest names the contract that judged the months, whatever it is by the end.
  return {
    ...checkContract(json.value, path, place),
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

const JSON_HINT =
  "An editor that knows JSON (VS Code, Notepad++) shows the place; docs/contract.md describes every key.";
const bullets = (lines: readonly string[]) => lines.map((l) => `  - ${l}`).join("\n");

/**
 * Checks a contract's shape and its references. `place` (from loadContract, or the contract
 * workbook's reader) names where each problem is: a line and column, or a cell.
 */
export function checkContract(
  json: unknown,
  path = "contract",
  place: LocatedContract["place"] = () => undefined,
  hint = JSON_HINT,
): LoadedContract {
  const parsed = ContractSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(
      `The contract file ${path} cannot be used:\n${bullets(contractProblems(parsed.error.issues, { value: json, place }, ContractSchema))}`,
      path,
      hint,
    );
  }
  const hidden: Finding[] = [];
  const contract = withoutHidden(parsed.data, [], { path, place, findings: hidden });
  const problems: string[] = [];
  const kpiKeys = new Map<string, Id>();
  for (const kpi of contract.kpis) problems.push(...unique("KPI", kpi.number, kpiKeys));
  const msrKeys = new Map<string, Id>();
  const linked = new Set<Id>();
  for (const msr of contract.msrs) {
    problems.push(...unique("MSR", msr.number, msrKeys));
    for (const n of msr.linkedKpis) {
      const known = kpiKeys.get(idKey(n));
      if (known !== n)
        problems.push(
          `MSR ${msr.number} links KPI ${n}, which the contract does not define${known === undefined ? "." : `; did you mean ${known}?`}`,
        );
      linked.add(n);
    }
  }
  if (problems.length)
    throw new InputError(`The contract file ${path} contradicts itself:\n${bullets(problems)}`, path, hint);
  // Only a contract with MSRs expects each KPI to evidence one; without them there is nothing to link.
  const findings = contract.kpis
    .filter((kpi) => contract.msrs.length > 0 && !linked.has(kpi.number))
    .map((kpi) =>
      finding("contract-kpi-unlinked", `KPI ${kpi.number} (${kpi.shortName}) is not linked by any MSR.`, {
        file: path,
        expected: "every KPI linked by at least one MSR",
      }),
    );
  return {
    contract: {
      ...contract,
      kpis: byId(contract.kpis, (k) => k.number),
      msrs: byId(contract.msrs, (m) => m.number),
    },
    findings: [...hidden, ...findings],
  };
}

/**
 * An id not yet seen, by how a return's cell is matched to it (idKey): "7" and "07", or "3a" and
 * "3A", would be one row of the return, so a contract may not hold both.
 */
function unique(what: "KPI" | "MSR", id: Id, seen: Map<string, Id>): string[] {
  const earlier = seen.get(idKey(id));
  if (earlier === undefined) {
    seen.set(idKey(id), id);
    return [];
  }
  return [
    earlier === id
      ? `${what} ${id} is defined twice.`
      : `${what} ${earlier} and ${what} ${id} differ only in case or leading zeros; a return could not tell them apart.`,
  ];
}

/**
 * The contract with every direction control and zero-width character taken out of its text, each
 * named: pasted from a PDF or a web page, one makes a KPI's words display differently from what they
 * hold, in the appendices as in a supplier's return (text/hidden-controls.ts).
 */
function withoutHidden<T>(
  value: T,
  at: readonly (string | number)[],
  context: { path: string; place: LocatedContract["place"]; findings: Finding[] },
): T {
  if (typeof value === "string") {
    const found = hiddenControls(value);
    if (!found.length) return value;
    const text = withoutHiddenControls(value);
    const names = [...new Set(found.map((h) => `${h.code} (${h.name})`))];
    const where = context.place(at);
    const key = at
      .map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`))
      .join("")
      .slice(1);
    const read = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    context.findings.push(
      finding(
        "character-hidden",
        `${key}${where ? ` (${where})` : ""} holds ${names.join(" and ")}, not seen but changing how the text displays; ${found.length === 1 ? "it is" : "each is"} taken out, so the text is read as ${JSON.stringify(read)}.`,
        {
          file: context.path,
          found: names.join(", "),
          expected: "text without direction controls or zero-width characters",
        },
      ),
    );
    return text as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => withoutHidden(v, [...at, i], context)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withoutHidden(v, [...at, k], context)]),
    ) as T;
  return value;
}
