import { styleText } from "node:util";
import type { Outcome } from "../schema/return.js";

export type Paint = (style: "red" | "green" | "yellow" | "gray" | "bold", text: string) => string;

/** Colour for a terminal; plain text for pipes, files, CI logs and anyone who set NO_COLOR. */
export function painter(enabled: boolean): Paint {
  // The decision is ours (colourWanted), made once for the stream written to; styleText must not second-guess it.
  return enabled
    ? (style, text) => styleText(style, text, { validateStream: false })
    : (_style, text) => text;
}

/** https://no-color.org: any NO_COLOR value turns colour off; so does a stream that is not a terminal. */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== "dumb";
}

const OUTCOME_STYLE: Record<Outcome, "red" | "green" | "yellow" | "gray"> = {
  met: "green",
  "not-met": "red",
  "not-captured": "yellow",
  "not-applicable": "gray",
  "not-due": "gray",
};

export function paintOutcome(paint: Paint, outcome: Outcome, text: string): string {
  return paint(OUTCOME_STYLE[outcome], text);
}
