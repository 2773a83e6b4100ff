import { readFile } from "node:fs/promises";
import { ContractSchema, type Contract } from "../schema/contract.js";
import { InputError } from "../errors.js";
import { finding } from "../findings/catalogue.js";
import type { Finding } from "../findings/finding.js";
import { formatZodIssues } from "./zod-issues.js";

export interface LoadedContract {
  contract: Contract;
  /** Problems that do not stop a run, e.g. a KPI no MSR links. */
  findings: Finding[];
}

/** Reads and checks a contract file. A contract that breaks its own references is refused. */
export async function loadContract(path: string): Promise<LoadedContract> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === "EISDIR" ? `${path} is a directory, not a contract file.` : `Cannot read the contract file ${path}.`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`The contract file ${path} is not valid JSON.`, path);
  }
  return checkContract(json, path);
}

export function checkContract(json: unknown, path = "contract"): LoadedContract {
  const parsed = ContractSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(`The contract file ${path} does not match the contract schema:\n${formatZodIssues(parsed.error.issues)}`, path);
  }
  const contract = parsed.data;
  const problems: string[] = [];
  const kpiNumbers = new Set<number>();
  for (const kpi of contract.kpis) {
    if (kpiNumbers.has(kpi.number)) problems.push(`KPI ${kpi.number} is defined twice.`);
    kpiNumbers.add(kpi.number);
  }
  const msrNumbers = new Set<number>();
  const linked = new Set<number>();
  for (const msr of contract.msrs) {
    if (msrNumbers.has(msr.number)) problems.push(`MSR ${msr.number} is defined twice.`);
    msrNumbers.add(msr.number);
    for (const n of msr.linkedKpis) {
      if (!kpiNumbers.has(n)) problems.push(`MSR ${msr.number} links KPI ${n}, which the contract does not define.`);
      linked.add(n);
    }
  }
  if (problems.length) throw new InputError(`The contract file ${path} contradicts itself:\n${problems.map((p) => `  - ${p}`).join("\n")}`, path);
  const findings = contract.kpis
    .filter((kpi) => !linked.has(kpi.number))
    .map((kpi) => finding("contract-kpi-unlinked", `KPI ${kpi.number} (${kpi.shortName}) is not linked by any MSR.`, { file: path, expected: "every KPI linked by at least one MSR" }));
  return {
    contract: { ...contract, kpis: [...contract.kpis].sort((a, b) => a.number - b.number), msrs: [...contract.msrs].sort((a, b) => a.number - b.number) },
    findings,
  };
}
