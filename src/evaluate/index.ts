/** The evaluate stage: a contract and months' returns in, one verdict per KPI and MSR per month out. Pure. */
export { evaluateMonth } from "./evaluate-month.js";
export { judgeKpi } from "./kpi-outcome.js";
export { rollUpMsr } from "./msr-rollup.js";
export { summarise } from "./summary.js";
export { percentOf, printedPercent } from "./figures.js";
export {
  compareMonths,
  isMonth,
  monthRange,
  monthStart,
  parseMonth,
  previousMonths,
  shiftMonth,
  toMonth,
} from "./months.js";
export { betterWay, kpiTrend } from "./trend.js";
export { reviewState } from "./review-state.js";
export { monthChanges, outcomeCounts, outcomesByMonth } from "./changes.js";
export {
  comparedMonths,
  DEFAULT_SPAN_MONTHS,
  defaultSchedule,
  evaluateMonths,
  monthsCompared,
  reportBefore,
  scheduleResults,
  withComparisons,
} from "./compare.js";
export { judgingLookBack, likeMonthOf, notDueUntil } from "./look-back.js";
export { targetInForce, targetList, targetTextIn } from "./targets/in-force.js";
