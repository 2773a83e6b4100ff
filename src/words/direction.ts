import type { Direction, KpiResult, Trend } from "../schema/results.js";
import { comparedMonths } from "../evaluate/index.js";
import { shortMonthLabel } from "./months.js";
import { trendText } from "./trend.js";
import type { Month } from "../schema/return.js";

/**
 * The direction of travel as a reader sees it: a symbol and the word together, so it reads
 * without colour and without the symbol. Every format draws these words and nothing else
 * (Source Sans 3, the PDF's face, has all four symbols).
 */
export const DIRECTION_SYMBOL: Record<Direction, string> = {
  better: "▲",
  same: "=",
  worse: "▼",
  "not comparable": "–",
};

export function directionMark(direction: Direction): string {
  return `${DIRECTION_SYMBOL[direction]} ${direction}`;
}

/** The column heading for the direction against the month before: "vs Aug 2022". */
export function directionHeader(month: Month): string {
  return `vs ${shortMonthLabel(comparedMonths(month).previous)}`;
}

/** "▲ better: 100%, up from 95.2% in August 2022"; "– not comparable: not applicable in August 2022". The reason names the month. */
export function directionLine(result: KpiResult, trend: Trend): string {
  const reason = trendText(result, trend);
  return `${directionMark(trend.direction)}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}
