/**
 * Characters that are not seen but change how the text around them displays: the bidirectional
 * controls (an override makes "Achieved \u202E%001" display as "Achieved 100%") and the zero-width
 * characters (which hide inside a word, so two texts that look the same are not). A supplier's
 * text is untrusted: kept, they would let a cell display differently from what it holds, in the
 * documents and in the terminal alike. They are named by validate (validate/cells.ts) and taken
 * out of every text that reaches an output.
 *
 * One joiner is kept: U+200D between two pictographs is how an emoji sequence is made (a family,
 * a flag), and shows as what it holds.
 */
const NAMES = new Map<number, string>([
  [0x061c, "Arabic letter mark"],
  [0x200b, "zero width space"],
  [0x200c, "zero width non-joiner"],
  [0x200d, "zero width joiner"],
  [0x200e, "left-to-right mark"],
  [0x200f, "right-to-left mark"],
  [0x202a, "left-to-right embedding"],
  [0x202b, "right-to-left embedding"],
  [0x202c, "pop directional formatting"],
  [0x202d, "left-to-right override"],
  [0x202e, "right-to-left override"],
  [0x2060, "word joiner"],
  [0x2066, "left-to-right isolate"],
  [0x2067, "right-to-left isolate"],
  [0x2068, "first strong isolate"],
  [0x2069, "pop directional isolate"],
  [0xfeff, "zero width no-break space (byte order mark)"],
]);

const HIDDEN = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
/** A pictograph, with the variation selector or skin tone that may follow it. */
const BEFORE_JOINER = /\p{Extended_Pictographic}(?:\uFE0F|\uD83C[\uDFFB-\uDFFF])?$/u;
const AFTER_JOINER = /^\p{Extended_Pictographic}/u;

function hiddenAt(text: string, index: number): boolean {
  if (text[index] !== "\u200D") return true;
  return !(
    BEFORE_JOINER.test(text.slice(Math.max(0, index - 4), index)) &&
    AFTER_JOINER.test(text.slice(index + 1, index + 3))
  );
}

/** Each hidden control in the text, in order, as its code point ("U+202E") and name. */
export function hiddenControls(text: string): { code: string; name: string }[] {
  const found: { code: string; name: string }[] = [];
  for (const match of text.matchAll(HIDDEN)) {
    if (!hiddenAt(text, match.index)) continue;
    const point = match[0].charCodeAt(0);
    found.push({ code: codePoint(point), name: NAMES.get(point) ?? "a format character" });
  }
  return found;
}

/** The text without its hidden controls: what displays is what it holds. */
export function withoutHiddenControls(text: string): string {
  return text.replace(HIDDEN, (character, index: number) => (hiddenAt(text, index) ? "" : character));
}

/** The text with each hidden control shown as its code point, "<U+202E>": for quoting it in a message. */
export function showHiddenControls(text: string): string {
  return text.replace(HIDDEN, (character, index: number) =>
    hiddenAt(text, index) ? `<${codePoint(character.charCodeAt(0))}>` : character,
  );
}

const codePoint = (point: number) => `U+${point.toString(16).toUpperCase().padStart(4, "0")}`;
