/**
 * Word measures lengths in twentieths of a point (twips, "DXA") and font sizes in half-points.
 * The model speaks points; these are the only conversions the renderer makes.
 */
export function twips(points: number): number {
  return Math.round(points * 20);
}

/**
 * Column widths in twips whose sum is the rounded sum of the points: each edge is rounded
 * from the running total, so rounding never pushes a full-width table past the margin.
 */
export function columnTwips(points: readonly number[]): number[] {
  const widths: number[] = [];
  let edge = 0;
  let previous = 0;
  for (const width of points) {
    edge += width;
    const rounded = twips(edge);
    widths.push(rounded - previous);
    previous = rounded;
  }
  return widths;
}

/** Font sizes: `size` in docx is half-points. */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}
