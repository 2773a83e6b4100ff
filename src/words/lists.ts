/** English list: "5", "5 and 26", "5, 26 and 27" (no Oxford comma, as the briefing note writes). The one list joiner. */
export function joinList(items: readonly (string | number)[]): string {
  if (items.length <= 1) return items.map(String).join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "KPI 5", "KPI 5 and 26", "KPI 5, 26 and 27": one "KPI" for the list, as the committee's papers write it. */
export function kpiList(numbers: readonly number[]): string {
  return `KPI ${joinList(numbers)}`;
}
