/**
 * The headings September 2022's report has, in order, as a reader of any format meets them: one
 * list that the PDF's structure tree and the HTML's headings are each checked against.
 */
export const SEPTEMBER_HEADINGS = [
  "H1 Summary: September 2022 at a glance",
  "H2 Outcomes against August 2022",
  "H2 What changed since August 2022",
  "H2 KPIs not met or not captured",
  "H2 KPI outcomes by month, March 2022 to September 2022",
  "H1 Appendix 1: KPI schedule, September 2022",
  "H2 Part 1 of 2: June 2022 to September 2022",
  "H2 Part 2 of 2: March 2022 to May 2022 (earlier months)",
  "H1 Appendix 2: Minimum Service Requirements, September 2022",
  "H2 Minimum Service Requirements 1 to 12 and their linked KPIs",
];
