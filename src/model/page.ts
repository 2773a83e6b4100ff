/**
 * The page the model lays out for: A4 landscape in points. Column widths in the model are
 * decided against this once; renderers place them, they do not re-decide them.
 */
export const PAGE = {
  width: 841.89,
  height: 595.28,
  margin: 36,
  get contentWidth(): number {
    return this.width - 2 * this.margin;
  },
} as const;
