/**
 * What tells a look-alike from the word it resembles: "meаsured" with a Cyrillic а reads as
 * "measured" but is refused, and without this the message would quote two strings that look the
 * same. Names each character that differs, by position and code point, where the two are the same
 * length (a swap of one character for its double) and the typed one is not plain ASCII there.
 */
export function lookAlikeNote(typed: string, meant: string): string | undefined {
  const a = [...typed.trim()];
  const b = [...meant];
  if (a.length !== b.length) return undefined;
  const differing: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i] || a[i]!.toLowerCase() === b[i]!.toLowerCase()) continue;
    if (/^[\x20-\x7e]$/.test(a[i]!)) return undefined; // a plain typo, not a look-alike
    differing.push(`character ${i + 1} is ${codePoint(a[i]!)}, not "${b[i]}"`);
  }
  return differing.length ? `it only looks like "${meant}": ${differing.join("; ")}` : undefined;
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
