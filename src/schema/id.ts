import * as z from "zod";

/**
 * A KPI's or MSR's id as the contract writes it: a whole number (Southend's 1 to 27) or text such as
 * "3a" or "PI-07". Kept canonical so every stage can compare ids with `===` and use them as map keys:
 * a whole number stays a number (so "3" and 3 are one id, and a v2 results JSON is unchanged for
 * a contract numbered as before), anything else is the text, trimmed.
 */
export type Id = number | string;

/** Letters and digits, with ".", "-", "/" or "_" between them: what a schedule prints after "KPI ". */
export const ID_TEXT = /^[A-Za-z0-9](?:[A-Za-z0-9./_-]*[A-Za-z0-9])?$/;
const MAX_ID_LENGTH = 20;

/** The canonical form of an id as written: "3" and 3 are 3, " 3a " is "3a", "07" stays "07". */
export function canonicalId(written: number | string): Id {
  if (typeof written === "number") return written;
  const text = written.trim();
  return /^[1-9]\d*$/.test(text) && text.length <= 15 ? Number(text) : text;
}

/** An id in contract.json: a whole number from 1, or text as `ID_TEXT` allows. */
export const IdSchema = z
  .union([
    z.number().int().positive(),
    z
      .string()
      .trim()
      .max(MAX_ID_LENGTH)
      .regex(ID_TEXT, 'letters and digits, with ".", "-", "/" or "_" between them, e.g. "3a" or "PI-07"'),
  ])
  .transform(canonicalId);

/** An id in a document kpi-report writes (results JSON): already canonical. */
export const IdValueSchema = z.union([z.number().int().positive(), z.string().min(1)]);

/** Ids in the order a person sorts them: 1, 2, 3, 3a, 3b, 10, PI-07, PI-10. Total: ties fall back to the text. */
export function compareIds(a: Id, b: Id): number {
  const [x, y] = [String(a), String(b)];
  const order = ID_TEXT.test(x) && ID_TEXT.test(y) ? comparePlain(x, y) : collator().compare(x, y);
  return order || (x < y ? -1 : x > y ? 1 : 0);
}

/**
 * The order is ICU's ("en", numeric, base sensitivity: runs of digits by value, case ignored), but
 * making an Intl.Collator loads ICU's collation data: 70 M instructions, a tenth of what `validate`
 * costs beyond Node's own start (docs/performance.md). So an id as `ID_TEXT` allows is compared
 * here, in the collator's order (test/schema/id-order.test.ts checks the two agree), and only any
 * other text asks for the collator.
 */
let icu: Intl.Collator | undefined;
const collator = () => (icu ??= new Intl.Collator("en", { numeric: true, sensitivity: "base" }));

/** ICU's primary weights of the punctuation ids may hold: _ before - before . before /, all before digits. */
const PUNCTUATION = "_-./";
const DIGITS = 4;

function comparePlain(x: string, y: string): number {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [p, q] = [weight(x, i), weight(y, j)];
    if (p === DIGITS && q === DIGITS) {
      const [m, n] = [runEnd(x, i), runEnd(y, j)];
      const order = compareNumbers(x.slice(i, m), y.slice(j, n));
      if (order) return order;
      [i, j] = [m, n];
    } else if (p !== q) return p < q ? -1 : 1;
    else [i, j] = [i + 1, j + 1];
  }
  return i < x.length ? 1 : j < y.length ? -1 : 0;
}

/** A character's rank: punctuation 0-3, any digit 4, then letters by their lower case. */
function weight(text: string, at: number): number {
  const char = text[at]!.toLowerCase();
  if (char >= "0" && char <= "9") return DIGITS;
  const punctuation = PUNCTUATION.indexOf(char);
  return punctuation >= 0 ? punctuation : DIGITS + char.charCodeAt(0);
}

function runEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end]! >= "0" && text[end]! <= "9") end++;
  return end;
}

/** Two runs of digits by value, of any length: leading zeros do not count, as in ICU's numeric order. */
function compareNumbers(a: string, b: string): number {
  const [x, y] = [a.replace(/^0+/, ""), b.replace(/^0+/, "")];
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `items` sorted by their id, naturally, without changing `items`. */
export function byId<T>(items: readonly T[], id: (item: T) => Id): T[] {
  return [...items].sort((a, b) => compareIds(id(a), id(b)));
}

/**
 * How a typed id is matched: case and leading zeros in a run of digits do not count, so a supplier's
 * "pi-7" (or a General cell that turned "07" into 7) finds "PI-07". The contract may not hold two ids
 * with one key (read/contract.ts refuses it).
 */
export function idKey(id: Id): string {
  return String(id)
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, ""));
}
