import { extent, metricTypesetter } from "./typesetter.js";
import type { TextStyle } from "./type.js";

/**
 * How wide text is, for sizing columns: the layout's typesetter's widths (Source Sans 3, the face
 * both editions set the text in, layout/typesetter.ts), so a column sized by it holds its words
 * whole where the lines are broken.
 */
export interface Measure {
  width(text: string, style: TextStyle): number;
  /** One pass over a paragraph: its widest word and its width on one line. */
  extent(text: string, style: TextStyle): { word: number; line: number };
}

export function measure(): Measure {
  const type = metricTypesetter();
  return {
    width: (text, style) => type.width(text, style),
    extent,
  };
}
