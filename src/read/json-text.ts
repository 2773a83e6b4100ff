import { type Node, type ParseError, ParseErrorCode, parseTree } from "jsonc-parser";

/** Where in a JSON file, 1-based as an editor shows it. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface ParsedJson {
  value: unknown;
  /** Where the value at `path` (or, for a key it lacks, its parent object) starts in the text. */
  locate(path: readonly PropertyKey[]): TextPosition | undefined;
}

/** What the text got wrong, in an officer's words ("a comma is missing"), not the parser's codes. */
const PARSE_WORDS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: "this is not JSON: text must be in double quotes, numbers plain",
  [ParseErrorCode.InvalidNumberFormat]: "this number is not written as JSON writes numbers",
  [ParseErrorCode.PropertyNameExpected]:
    "a key in double quotes is expected here (JSON has no trailing commas)",
  [ParseErrorCode.ValueExpected]: "a value is expected here (JSON has no trailing commas)",
  [ParseErrorCode.ColonExpected]: "a colon is expected after the key",
  [ParseErrorCode.CommaExpected]: "a comma is missing before this",
  [ParseErrorCode.CloseBraceExpected]: "a } is missing: an object is not closed",
  [ParseErrorCode.CloseBracketExpected]: "a ] is missing: a list is not closed",
  [ParseErrorCode.EndOfFileExpected]: "the file goes on after its closing }",
  [ParseErrorCode.InvalidCommentToken]: "JSON has no comments",
  [ParseErrorCode.UnexpectedEndOfComment]: "JSON has no comments",
  [ParseErrorCode.UnexpectedEndOfString]: "a text is not closed by its double quote",
  [ParseErrorCode.UnexpectedEndOfNumber]: "a number is cut short",
  [ParseErrorCode.InvalidUnicode]: "a \\u escape is not four hexadecimal digits",
  [ParseErrorCode.InvalidEscapeCharacter]:
    "a backslash starts an escape JSON does not have (write \\\\ for a backslash)",
  [ParseErrorCode.InvalidCharacter]:
    "a control character (a tab or line break) inside a text: write it as \\t or \\n",
};

/** Stops after this many problems: a file that is not JSON at all would otherwise list one per character. */
const MAX_PROBLEMS = 10;

/**
 * Parses strict JSON (no comments, no trailing commas) keeping where every value is, so that a
 * problem found later, by the schema, can name its line and column. Refused, each with its line and
 * column: text that is not JSON, a key given twice in one object (JSON.parse would keep the last one
 * silently) and a number too large to hold (1e400 would become Infinity).
 * Returns the problems as lines ("line 3, column 5: a comma is missing before this") instead of a value.
 */
export function parseJson(text: string): ParsedJson | { problems: string[] } {
  try {
    return parseStrict(text);
  } catch (error) {
    // The parser recurses: a hostile file of 100,000 "[" overflows the stack, which is no bug of ours to report.
    if (error instanceof RangeError)
      return { problems: ["line 1, column 1: lists and objects are nested too deeply to be a contract"] };
    throw error;
  }
}

function parseStrict(text: string): ParsedJson | { problems: string[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM, as Windows editors write
  const lines = lineStarts(source);
  const at = (offset: number) => position(lines, offset);
  if (!source.trim()) return { problems: ["line 1, column 1: the file is empty"] };
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  // One problem per place: a trailing comma is both "a key is expected" and "a value is expected".
  const firstAt = errors.filter((e, i) => errors.findIndex((o) => o.offset === e.offset) === i);
  const problems = firstAt.map(
    (e) => `${where(at(e.offset))}: ${PARSE_WORDS[e.error] ?? "this is not JSON"}`,
  );
  if (root && !problems.length) checkTree(root, source, at, problems);
  if (problems.length || !root) return { problems: cap(problems) };
  const value = plainValue(root);
  return { value, locate: (path) => locate(root, path, at) };
}

export function where(p: TextPosition): string {
  return `line ${p.line}, column ${p.column}`;
}

function cap(problems: string[]): string[] {
  return problems.length > MAX_PROBLEMS
    ? [...problems.slice(0, MAX_PROBLEMS), `... and ${problems.length - MAX_PROBLEMS} more`]
    : problems;
}

function checkTree(node: Node, text: string, at: (offset: number) => TextPosition, problems: string[]): void {
  // An explicit stack: a hostile file nested 100,000 deep must not overflow the call stack.
  const stack: Node[] = [node];
  while (stack.length) {
    const next = stack.pop()!;
    if (next.type === "number" && !Number.isFinite(next.value)) {
      problems.push(`${where(at(next.offset))}: ${written(text, next)} is too large a number to hold`);
    }
    if (next.type === "object") {
      const seen = new Map<string, Node>();
      for (const property of next.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const first = seen.get(key.value);
        if (first)
          problems.push(
            `${where(at(key.offset))}: the key "${key.value}" is given twice in one object (first at line ${at(first.offset).line}); keep one`,
          );
        else seen.set(key.value, key);
      }
    }
    for (const child of next.children ?? []) stack.push(child);
  }
}

/** The number as written, for a message; jsonc-parser keeps only its value. */
function written(text: string, node: Node): string {
  return node.length <= 40 ? text.slice(node.offset, node.offset + node.length) : "a number";
}

/** The tree as a plain value. Keys are set with defineProperty, so "__proto__" is a key like any other. */
function plainValue(root: Node): unknown {
  const convert = (node: Node): unknown => {
    switch (node.type) {
      case "object": {
        const object: Record<string, unknown> = {};
        for (const property of node.children ?? []) {
          const [key, value] = property.children ?? [];
          if (key && value)
            Object.defineProperty(object, key.value, {
              value: convert(value),
              enumerable: true,
              writable: true,
              configurable: true,
            });
        }
        return object;
      }
      case "array":
        return (node.children ?? []).map(convert);
      default:
        return node.value;
    }
  };
  return convert(root);
}

function locate(
  root: Node,
  path: readonly PropertyKey[],
  at: (offset: number) => TextPosition,
): TextPosition | undefined {
  let node: Node | undefined = root;
  for (const key of path) {
    let child: Node | undefined;
    if (node.type === "array" && typeof key === "number") child = node.children?.[key];
    if (node.type === "object" && typeof key === "string")
      child = node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
    // A key the object lacks (a missing field) is placed at the object that should hold it.
    if (!child) break;
    node = child;
  }
  return at(node.offset);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
