/**
 * English list: "5", "5 and 26", "5, 26 and 27" (no Oxford comma, as the briefing note writes), or
 * with "or" for a choice ("Met, Not met or Not due"). The one list joiner: words/ joins a
 * reader's lists with it, validate/ a finding's list of what is allowed.
 */
export function joinList(items: readonly (string | number)[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.map(String).join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
