import { compareIds, type Id } from "../schema/id.js";
import { joinList } from "../text/lists.js";

export { joinList };

/**
 * "KPI 1–3, 5 and 9–12": runs of three or more whole numbers as a range, so a long list of linked KPIs
 * stays short; ids such as "3a" or "PI-07" are listed as written, all in natural order (2, 3a, 10).
 */
export function kpiRanges(ids: readonly Id[]): string {
  const sorted = [...new Set(ids)].sort(compareIds);
  const runs: string[] = [];
  const next = (a: Id | undefined, b: Id | undefined) =>
    typeof a === "number" && typeof b === "number" && b === a + 1;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && next(sorted[j], sorted[j + 1])) j++;
    if (j - i >= 2) runs.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) runs.push(String(sorted[k]));
    i = j + 1;
  }
  return `KPI ${joinList(runs)}`;
}

/** "KPI 5", "KPI 5 and 26", "KPI 5, 26 and 27": one "KPI" for the list, as the committee's papers write it. */
export function kpiList(numbers: readonly Id[]): string {
  return `KPI ${joinList(numbers)}`;
}
