/**
 * Every sentence and label built from results, in one place, keyed by the codes evaluate/ returns:
 * model/ words a document with these, and commands/ a terminal line. A new sentence goes here
 * (docs/architecture.md says where), never in evaluate/.
 */
export { figuresText, NO_FIGURES, percentText, shownFigures } from "./figures.js";
export { joinList, kpiList, kpiRanges } from "./lists.js";
export { monthLabel, shortMonthLabel } from "./months.js";
export { figuresReason, reasonText } from "./reasons.js";
export { summaryLine } from "./summary.js";
export { trendText } from "./trend.js";
export { BAND_SYMBOLS, BAND_WORDS, bandLabel, bandReasonText, bandSummaryLine } from "./bands.js";
export { measuredFigures, targetPhrase, withUnit } from "./targets.js";
