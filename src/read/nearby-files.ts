import { readdir } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { editDistance } from "../text/closest.js";

/**
 * Files beside a path that does not exist that the user may have meant: the same name with
 * another extension (return.xls for return.xlsx) or a workbook whose name differs by a typo.
 */
export async function nearbyFiles(path: string): Promise<string[]> {
  const folder = dirname(path);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const wanted = basename(path).toLowerCase();
  const stem = wanted.slice(0, wanted.length - extname(wanted).length);
  // The same name with another extension is the likeliest meant; otherwise the workbooks nearest by a typo or two.
  const scored = names
    .map((name) => {
      const lower = name.toLowerCase();
      const sameStem = lower !== wanted && lower.slice(0, lower.length - extname(lower).length) === stem;
      return { name, score: sameStem ? 0 : /\.xls[xm]?$/.test(lower) ? distance(lower, wanted) : 99 };
    })
    .filter((c) => c.score <= 2);
  const best = Math.min(...scored.map((c) => c.score));
  return scored
    .filter((c) => c.score === best)
    .slice(0, 3)
    .map(({ name }) => (folder === "." && !path.startsWith("./") ? name : join(folder, name)));
}

/** Edit distance, bounded to short names (file names), for spotting typos. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 200 || b.length > 200) return 99;
  return editDistance(a, b);
}
