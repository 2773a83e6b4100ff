import { describe, expect, it } from "vitest";
import { compareIds } from "../../src/schema/id.js";

// compareIds orders the ids a contract may hold without ICU (src/schema/id.ts says why); ICU's own
// collator, made here, is the oracle it must agree with on every pair.
const icu = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const oracle = (x: string, y: string) => icu.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);

/** Every string of `alphabet` up to `length` characters, the empty one included. */
function strings(alphabet: string, length: number): string[] {
  let level = [""];
  const all = [""];
  for (let n = 0; n < length; n++) {
    level = level.flatMap((prefix) => [...alphabet].map((char) => prefix + char));
    all.push(...level);
  }
  return all;
}

function disagreements(ids: string[]): string[] {
  const wrong: string[] = [];
  for (const x of ids)
    for (const y of ids)
      if (Math.sign(compareIds(x, y)) !== Math.sign(oracle(x, y)))
        wrong.push(`${JSON.stringify(x)} ${JSON.stringify(y)}`);
  return wrong;
}

describe("the order of ids, against ICU's collator", () => {
  it("agrees on every pair of short ids of digits, letters of both cases and the punctuation ids allow", () => {
    const ids = strings("_-./0179aBz", 3);
    expect(ids.length).toBe(1464);
    expect(disagreements(ids).slice(0, 10)).toEqual([]);
  });

  it("agrees on ids shaped like real ones: leading zeros, long numbers, prefixes", () => {
    const ids = (
      "1 2 3 3a 3A 3b 10 27 007 7 0 00 PI-07 PI-7 pi-10 PI-2 PI.1 PI/1 PI_1 PI1 A1.10 A1.9 A1.09 KPI-3a " +
      "w.2.1 W-2-10 12345678901234567890 12345678901234567891 9999999999999999999 00000000000000000001"
    ).split(" ");
    expect(disagreements(ids)).toEqual([]);
  });

  it("sorts an id outside the characters a contract allows by ICU too", () => {
    expect(["é2", "e10", "e1", "É1"].sort(compareIds)).toEqual(["e1", "É1", "é2", "e10"]);
  });
});
