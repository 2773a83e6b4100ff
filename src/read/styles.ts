import { NS, parseXml } from "./xml.js";

/**
 * What a cell's number format says its number is: a percentage (0.995 shown as 99.5%), a date
 * (a serial day number), or neither. This is all the reader takes from the styles: a supplier who
 * types 99.5% in Excel stores 0.995 with a percentage format, and only the format says so.
 */
export type NumberFormatKind = "percent" | "date";

/** The built-in formats (ECMA-376 18.8.30, and the East Asian date formats Excel also builds in). */
const BUILT_IN: ReadonlyMap<number, NumberFormatKind> = new Map([
  [9, "percent"],
  [10, "percent"],
  ...[14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47].map((id) => [id, "date"] as const),
  ...[27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map(
    (id) => [id, "date"] as const,
  ),
]);

/** The kind of each cell style (the s attribute of a cell indexes this list). */
export function readStyles(
  bytes: Uint8Array | undefined,
  part: string,
  path: string,
): (NumberFormatKind | undefined)[] {
  if (!bytes) return [];
  const custom = new Map<number, NumberFormatKind | undefined>();
  const cellFormats: number[] = [];
  let inCellXfs = false;
  parseXml(bytes, part, path, {
    open(e) {
      if (e.uri !== NS.main) return;
      if (e.local === "numFmt") custom.set(Number(e.get("numFmtId")), classify(e.get("formatCode") ?? ""));
      else if (e.local === "cellXfs") inCellXfs = true;
      else if (e.local === "xf" && inCellXfs) cellFormats.push(Number(e.get("numFmtId") ?? 0));
    },
    close(local) {
      if (local === "cellXfs") inCellXfs = false;
    },
  });
  return cellFormats.map((id) => (custom.has(id) ? custom.get(id) : BUILT_IN.get(id)));
}

/**
 * A format code's kind. Literal text ("..." or \x), fill and padding (*x, _x) and bracketed parts
 * ([Red], [$-809], [h]) show nothing of the number, so they are removed first; then a % is a
 * percentage, and a d, m, y, h or s (day, month, year, hour, second) is a date or time. Only the
 * first section (for positive numbers) is read: it is the one a percentage or a date is typed in.
 */
export function classify(code: string): NumberFormatKind | undefined {
  if (/^\s*general\s*$/i.test(code)) return undefined;
  let shown = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === ";") break;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      i = end === -1 ? code.length : end;
    } else if (c === "\\" || c === "_" || c === "*") {
      i++;
    } else if (c === "[") {
      const end = code.indexOf("]", i + 1);
      const inside = code.slice(i + 1, end === -1 ? undefined : end);
      // Elapsed time ([h]:mm, [mm]:ss) is a time; colours and locales are not.
      if (/^(h+|m+|s+)$/i.test(inside)) shown += "h";
      i = end === -1 ? code.length : end;
    } else {
      shown += c;
    }
  }
  if (shown.includes("%")) return "percent";
  // An exponent (0.00E+00) is not an era; "General" inside a longer code is plain.
  const letters = shown.replace(/E[+-]/gi, "").replace(/general/gi, "");
  return /[dmyhs]/i.test(letters) ? "date" : undefined;
}
