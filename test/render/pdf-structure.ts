/**
 * The whole structure tree of a PDF, read from its objects: pdf.js gives only each page's part of
 * it, so an element with content on two pages (a table row split at a page break) would be read
 * as two. This follows the file's own cross-reference table to each structure element and reads
 * its /S, /K and /Pg: a small reader of PDF object syntax, sharing nothing with the renderer.
 */

type Token = {
  kind:
    | "name"
    | "number"
    | "string"
    | "open-dict"
    | "close-dict"
    | "open-array"
    | "close-array"
    | "ref"
    | "word";
  value: string;
};
type Value = string | number | { ref: number } | Value[] | { [key: string]: Value };

export interface RawElement {
  role: string;
  /** In order: a child element, or a marked-content id on a page (the page's object number). */
  kids: ({ element: number } | { page: number; mcid: number })[];
}

function tokens(raw: string, from: number): () => Token {
  let at = from;
  return () => {
    while (/\s/.test(raw[at]!)) at++;
    const c = raw[at]!;
    if (c === "<" && raw[at + 1] === "<") return ((at += 2), { kind: "open-dict", value: "<<" });
    if (c === ">" && raw[at + 1] === ">") return ((at += 2), { kind: "close-dict", value: ">>" });
    if (c === "[") return (at++, { kind: "open-array", value: "[" });
    if (c === "]") return (at++, { kind: "close-array", value: "]" });
    if (c === "(") {
      // A literal string: balanced parentheses, backslash escapes. Its text is not needed here.
      let depth = 0;
      const start = at;
      for (; at < raw.length; at++) {
        if (raw[at] === "\\") at++;
        else if (raw[at] === "(") depth++;
        else if (raw[at] === ")" && --depth === 0) break;
      }
      at++;
      return { kind: "string", value: raw.slice(start, at) };
    }
    if (c === "<") {
      const end = raw.indexOf(">", at);
      const value = raw.slice(at, end + 1);
      at = end + 1;
      return { kind: "string", value };
    }
    const word = /^\/?[^\s/<>[\]()]+|^\//.exec(raw.slice(at, at + 200))![0];
    at += word.length;
    if (word.startsWith("/")) return { kind: "name", value: word.slice(1) };
    if (/^[-+.\d]+$/.test(word)) {
      // "12 0 R" is a reference: look ahead without consuming unless it is one.
      const ahead = /^\s+(\d+)\s+R(?![^\s/<>[\]()])/.exec(raw.slice(at, at + 20));
      if (ahead) {
        at += ahead[0].length;
        return { kind: "ref", value: word };
      }
      return { kind: "number", value: word };
    }
    return { kind: "word", value: word };
  };
}

function parseValue(next: () => Token, first = next()): Value {
  if (first.kind === "open-dict") {
    const dict: { [key: string]: Value } = {};
    for (let t = next(); t.kind !== "close-dict"; t = next()) dict[t.value] = parseValue(next);
    return dict;
  }
  if (first.kind === "open-array") {
    const array: Value[] = [];
    for (let t = next(); t.kind !== "close-array"; t = next()) array.push(parseValue(next, t));
    return array;
  }
  if (first.kind === "ref") return { ref: Number(first.value) };
  if (first.kind === "number") return Number(first.value);
  return first.value;
}

/** Byte offsets of the file's objects, from its (uncompressed) cross-reference table. */
function offsets(raw: string): Map<number, number> {
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(raw)![1]);
  const lines = raw.slice(start).split("\n");
  if (lines[0]!.trim() !== "xref")
    throw new Error("The PDF has no cross-reference table to read its structure from.");
  const found = new Map<number, number>();
  let i = 1;
  while (/^\d+ \d+$/.test(lines[i]!.trim())) {
    const [first, count] = lines[i]!.trim().split(" ").map(Number) as [number, number];
    for (let n = 0; n < count; n++) {
      const [offset, , type] = lines[i + 1 + n]!.trim().split(/\s+/);
      if (type === "n") found.set(first + n, Number(offset));
    }
    i += count + 1;
  }
  return found;
}

function object(raw: string, where: Map<number, number>, num: number): { [key: string]: Value } {
  const offset = where.get(num);
  if (offset === undefined) throw new Error(`Object ${num} is not in the cross-reference table.`);
  const next = tokens(raw, offset);
  next(), next(); // "12 0"
  if (next().value !== "obj") throw new Error(`Object ${num} is not where the cross-reference table says.`);
  return parseValue(next) as { [key: string]: Value };
}

/** Every structure element under the StructTreeRoot, by object number, and the root's own kids. */
export function readStructure(raw: string): { roots: number[]; elements: Map<number, RawElement> } {
  const where = offsets(raw);
  const trailer = /trailer\s*<<[^]*?\/Root (\d+) 0 R/.exec(raw.slice(raw.lastIndexOf("trailer")))!;
  const catalog = object(raw, where, Number(trailer[1]));
  const rootRef = catalog.StructTreeRoot as { ref: number };
  const root = object(raw, where, rootRef.ref);
  const asList = (k: Value | undefined): Value[] => (k === undefined ? [] : Array.isArray(k) ? k : [k]);
  const elements = new Map<number, RawElement>();
  const visit = (num: number) => {
    const dict = object(raw, where, num);
    const page = (dict.Pg as { ref: number } | undefined)?.ref;
    const kids: RawElement["kids"] = [];
    for (const kid of asList(dict.K)) {
      if (typeof kid === "number") kids.push({ page: page!, mcid: kid });
      else if (typeof kid === "object" && "ref" in kid) {
        kids.push({ element: kid.ref as number });
        visit(kid.ref as number);
      } else if (typeof kid === "object" && !Array.isArray(kid) && kid.Type === "MCR") {
        kids.push({ page: (kid.Pg as { ref: number }).ref, mcid: kid.MCID as number });
      }
    }
    elements.set(num, { role: String(dict.S), kids });
  };
  const roots = asList(root.K).map((k) => (k as { ref: number }).ref);
  roots.forEach(visit);
  return { roots, elements };
}
