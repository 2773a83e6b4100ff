/** A zip of about `compressedBytes` whose one part inflates to about 1000 times that (see zip-bomb.mjs). */
export function zipBomb(
  compressedBytes: number,
  claimed: "honest" | "lie",
): { bytes: Buffer; inflatesTo: number };
