/**
 * Text tools for "did you mean" hints, used at every stage that names what a person typed (a header,
 * a status, a file name, a template's field), so they live below all of them.
 */

/** Header matching tolerates case, surrounding and non-breaking spaces, and repeated spaces. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\u00a0\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/** The nearest of `options` to `text` by edit distance, if it is near enough to be a likely typo. */
export function closest(text: string, options: readonly string[]): string | undefined {
  const wanted = normaliseHeader(text);
  if (wanted.length > 200) return undefined; // nobody's typo; and the distance is quadratic
  let best: { option: string; distance: number } | undefined;
  for (const option of options) {
    const candidate = normaliseHeader(option);
    if (candidate.length > 200) continue;
    const distance = editDistance(wanted, candidate);
    if (!best || distance < best.distance) best = { option, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(wanted.length / 3)) && best.distance < wanted.length
    ? best.option
    : undefined;
}

/** Levenshtein distance, for "did you mean" hints on headers, statuses and file names. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
