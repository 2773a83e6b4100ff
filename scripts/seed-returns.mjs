// Records how the bundled data were made from the published seed (Southend-on-Sea City Council,
// People Scrutiny Committee agenda pack of 29 November 2022, item 9 "Passenger Transport Services -
// Performance Monitoring", pages 227 to 252: the briefing note, Appendix 1 and Appendix 2; "line N" is
// a line of that item's text extracted from the PDF, as data/README.md says): the supplier's returns
// data/returns/2022-03.xlsx ... 2022-09.xlsx and the council's reviews data/reviews/2022-03.xlsx ...
// 2022-09.xlsx. The transcription below is the data; data/README.md explains every reading that is
// not obvious.
//
// Each row is transcribed whole, as the published schedule shows it; `main` then splits it by who
// says what. The council's fields (`verified`, `verificationNote`, `derived`, `override`) and the MSR
// comments go to the month's review; everything else is the supplier's and goes to its return.
//
// Re-runnable and deterministic: build first (npx tsc -p tsconfig.build.json), then
//   node scripts/seed-returns.mjs
// rewrites the fourteen files byte for byte the same.
//
// Conventions of the transcription:
// - `commentary` is the seed's cell text verbatim; HTML paragraphs (<p>...</p>) are joined with "\n",
//   the pack's page numbers are dropped, spelling is kept ("applicatioons", "comfirmed", "95.2%%").
// - Figures only where the seed states them or they follow directly from its words.
// - Cells merged across two KPI rows in the seed are given to both KPIs (`both`).
// - `derived: true` marks figures read from the words of the commentary, where the seed states no
//   figure ("all up to date" as 100%): the appendix labels them as derived.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildReturnWorkbook } from "../dist/read/return-template.js";
import { buildReviewWorkbook } from "../dist/read/review-template.js";
import { checkContract } from "../dist/read/contract.js";
import { evaluateMonth } from "../dist/evaluate/index.js";
import { reviewReference } from "../dist/commands/review-reference.js";
import { MonthlyReturnSchema } from "../dist/schema/return.js";
import { MonthlyReviewSchema } from "../dist/schema/review.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const MEASURED = "measured";
const NOT_CAPTURED = "not captured";
const NOT_APPLICABLE = "not applicable";
const NO_SERVICE = "no service running";
const NOT_DUE = "not due";

/** One cell of the seed merged across the rows of several KPIs: each KPI gets the same reading. */
const both = (kpis, row) => kpis.map((kpi) => ({ kpi, ...row }));

// The crew-change cells (KPIs 26 and 27 share one cell, March to July).
const CREW_MARCH =
  "Kingsdown 87 crew changes over 690 trips\nSt Christophers 43 crew changes over 598 trips\nSt Nicholas 37.5 crew changes over 184 trips\nLancaster 17 changes to crew over 46 trips\nOverall 12% change\nSub contractor data not captured";
const CREW_APRIL =
  "Kingsdown 7 crew changes over 252 trips\nSt Christophers 4 crew changes over 240 trips\nSt Nicholas 3 crew changes over 160 trips\nLancaster 0 crew changes over 20 trips\nOverall 6% change\nSub contractor partially captured 0 crew changes";
const CREW_MAY =
  "Kingsdown 6 crew changes over 608 trips\nSt Christophers 7 crew changes over 456 trips\nSt Nicholas 3 crew changes over 152 trips\nLancaster 1 crew change over 38 trips\nIndividual routes to above schools 1 crew changes over 266 trips\nOverall change 2%\nSub contractor partially captured 0 crew changes";
const CREW_JUNE =
  "Kingsdown 14 crew changes over 576 trips\nSt Christophers 10 crew changes over 432 trips\nSt Nicholas 1 crew change over 144 trips\nLancaster 1 crew change over 36 trips\nIndividual routes to above schools 0 crew changes over 108 trips\nOverall change 2%\nSub contractor 0 crew changes";
const CREW_JULY =
  "Kingsdown 13 crew changes over 480 trips St Christophers 6 crew changes over 390 trips St Nicholas 3 crew changes over 120 trips Lancaster 3 crew changes over 30 trips Individual routes to above schools 2 crew changes over 60 trips Overall change 3% Sub contractor 0 crew changes";

const NO_MECHANISM = "No recording mechanism in place to evidence reported figure";
const NEW_MANAGER = "New Manager working on these procedures these will be reported in Augusts return.";
const REGISTERS_FULL =
  "Registers provided including sub-contractors (SCC random compliance inspections undertaken)";

const RETURNS = [
  {
    month: "2022-03",
    kpis: [
      { kpi: 1, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 2, status: NOT_CAPTURED, commentary: "Not captured" },
      ...both([3, 4], { status: NOT_CAPTURED, commentary: "Not captured" }),
      { kpi: 5, status: NOT_CAPTURED, commentary: "Not captured" },
      // One request, answered in time: 1 of 1.
      {
        kpi: 6,
        status: MEASURED,
        achieved: 1,
        total: 1,
        commentary: "1 Request made response timescales met (did not meet LADO criteria)",
      },
      { kpi: 7, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 8, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 9, status: NOT_DUE, commentary: "Due quarterly" },
      { kpi: 10, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 11, status: NOT_CAPTURED, commentary: "Not captured" },
      // A count of incidents, but not whether they were notified within 1 hour.
      {
        kpi: 12,
        status: NOT_CAPTURED,
        commentary: "14 recorded - timescales were not recorded during this month",
      },
      { kpi: 13, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 14, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 15, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 16, status: NOT_CAPTURED, commentary: NO_MECHANISM },
      { kpi: 17, status: NOT_CAPTURED, commentary: "Not captured" },
      // The number of incidents, not the share of them reported (the target's measure).
      { kpi: 18, status: NOT_CAPTURED, commentary: "12" },
      { kpi: 19, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 20, status: NOT_APPLICABLE, commentary: "No applications" },
      { kpi: 21, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 22, status: NOT_APPLICABLE, commentary: "0 applications" },
      { kpi: 23, status: NOT_DUE, commentary: "Due quarterly" },
      {
        kpi: 24,
        status: NOT_CAPTURED,
        commentary: "Partial registers provided sub contractors not captured",
      },
      { kpi: 25, status: NOT_APPLICABLE, commentary: "N/A" },
      // A crew-change rate, not the KPI's own share of routes without a change.
      ...both([26, 27], { status: NOT_CAPTURED, commentary: CREW_MARCH }),
    ],
  },
  {
    month: "2022-04",
    kpis: [
      { kpi: 1, status: NOT_CAPTURED, commentary: "Not captured" },
      // Nothing ordered, but only new starters were captured.
      { kpi: 2, status: NOT_CAPTURED, commentary: "0 Only captured for new starters." },
      // Trips over time without the number of trips: no share within time.
      ...both([3, 4], { status: NOT_CAPTURED, commentary: "32 Routes 19 trips over the accepted timings" }),
      // One of the two is "not captured": no overall figure.
      {
        kpi: 5,
        status: NOT_CAPTURED,
        commentary: "2 new starters (1 received meet & greet, 1 not captured by sub contractor)",
      },
      { kpi: 6, status: NOT_APPLICABLE, commentary: "No safeguarding incidents reported" },
      {
        kpi: 7,
        status: NOT_APPLICABLE,
        commentary: "0 complaints recorded (SCC unable to verify)",
        verified: false,
        verificationNote: "SCC unable to verify",
      },
      {
        kpi: 8,
        status: NOT_APPLICABLE,
        commentary: "0 complaints recorded (SCC unable to verify)",
        verified: false,
        verificationNote: "SCC unable to verify",
      },
      { kpi: 9, status: NOT_DUE, commentary: "Due quarterly" },
      { kpi: 10, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 11, status: NOT_CAPTURED, commentary: "Not captured" },
      // 4 recorded, 1 outside timescale: 3 of 4.
      { kpi: 12, status: MEASURED, achieved: 3, total: 4, commentary: "4 recorded - 1 outside timescale" },
      // 3 applications, timescales met: 3 of 3, and the stated 100%.
      {
        kpi: 13,
        status: MEASURED,
        achieved: 3,
        total: 3,
        percentage: 100,
        commentary: "100% 3 applications - timescales met",
      },
      { kpi: 14, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 15, status: NOT_CAPTURED, commentary: "Not captured for all stakeholders" },
      { kpi: 16, status: NOT_CAPTURED, commentary: NO_MECHANISM },
      { kpi: 17, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 18, status: NOT_CAPTURED, commentary: "3" },
      // 4 applications, 2 late: 2 of 4.
      {
        kpi: 19,
        status: MEASURED,
        achieved: 2,
        total: 4,
        commentary: "4 applications - 2 did not meet timescales",
      },
      { kpi: 20, status: NOT_APPLICABLE, commentary: "No applications" },
      // Not advised in time, but no count of defaults and no verdict in the seed.
      {
        kpi: 21,
        status: NOT_CAPTURED,
        commentary: "4 routes merged into two - SCC not advised within timescales",
      },
      // A number of applications, not how many were allocated within 3 working days.
      { kpi: 22, status: NOT_CAPTURED, commentary: "4 applications" },
      { kpi: 23, status: NOT_DUE, commentary: "Due quarterly" },
      { kpi: 24, status: NOT_CAPTURED, commentary: "Registers provided sub contractors partially reported" },
      { kpi: 25, status: NOT_APPLICABLE, commentary: "N/A" },
      ...both([26, 27], { status: NOT_CAPTURED, commentary: CREW_APRIL }),
    ],
  },
  {
    month: "2022-05",
    kpis: [
      // "0": no accidents to report.
      { kpi: 1, status: NOT_APPLICABLE, commentary: "0" },
      // "0": no equipment to order.
      { kpi: 2, status: NOT_APPLICABLE, commentary: "0" },
      ...both([3, 4], {
        status: NOT_CAPTURED,
        commentary:
          "32 Routes 13 trips going over the accepted timings (One route is responsible for 9 out of the 13 occurrences Vecteo will look at this route with a view to reducing it). SCC unable to verify as no journey time data provided after requests",
        verified: false,
        verificationNote: "SCC unable to verify as no journey time data provided after requests",
      }),
      { kpi: 5, status: NOT_CAPTURED, commentary: "Not captured" },
      // A concern passed to a school; no request from the Council and no response time.
      {
        kpi: 6,
        status: NOT_CAPTURED,
        commentary:
          "A Vecteo member of staff heard a child discussing a concern that would come under Safeguarding. They reported this to the school who advised they would take this concern up.",
      },
      {
        kpi: 7,
        status: NOT_APPLICABLE,
        commentary: "0 complaints recorded (SCC unable to verify)",
        verified: false,
        verificationNote: "SCC unable to verify",
      },
      {
        kpi: 8,
        status: NOT_APPLICABLE,
        commentary: "0 complaints recorded (SCC unable to verify)",
        verified: false,
        verificationNote: "SCC unable to verify",
      },
      { kpi: 9, status: NOT_DUE, commentary: "Due quarterly" },
      { kpi: 10, status: NOT_APPLICABLE, commentary: "No DP breaches" },
      { kpi: 11, status: NOT_CAPTURED, commentary: "Not captured" },
      {
        kpi: 12,
        status: NOT_CAPTURED,
        commentary: "7 recorded - timescales were not recorded during this month",
      },
      // 7 applications, 1 missed: 6 of 7, with the stated 85.6% (6/7 is 85.7%).
      {
        kpi: 13,
        status: MEASURED,
        achieved: 6,
        total: 7,
        percentage: 85.6,
        commentary: "85.6% 7 applications - 1 missed timescale",
      },
      { kpi: 14, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 15, status: NOT_CAPTURED, commentary: "Not captured for all stakeholders" },
      { kpi: 16, status: NOT_CAPTURED, commentary: NO_MECHANISM },
      { kpi: 17, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 18, status: NOT_CAPTURED, commentary: "6" },
      { kpi: 19, status: NOT_APPLICABLE, commentary: "No applications" },
      { kpi: 20, status: NOT_APPLICABLE, commentary: "No applications" },
      {
        kpi: 21,
        status: NOT_CAPTURED,
        commentary: "2 routes that merged in April unmerged - SCC not notified within timescales",
      },
      { kpi: 22, status: NOT_CAPTURED, commentary: "1 applicaton" },
      { kpi: 23, status: NOT_DUE, commentary: "Due quarterly" },
      { kpi: 24, status: NOT_CAPTURED, commentary: "Registers provided sub contractors partially reported" },
      { kpi: 25, status: NOT_APPLICABLE, commentary: "N/A" },
      ...both([26, 27], { status: NOT_CAPTURED, commentary: CREW_MAY }),
    ],
  },
  {
    month: "2022-06",
    kpis: [
      { kpi: 1, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 2, status: NOT_APPLICABLE, commentary: "0" },
      ...both([3, 4], {
        status: NOT_CAPTURED,
        commentary: "Not captured - Vecteo advised data sheets were shredded in an administration error.",
      }),
      { kpi: 5, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 6, status: NOT_APPLICABLE, commentary: "No safeguarding incidents reported" },
      // Vecteo recorded none, SCC knew of two: whether they were acknowledged/answered in time is not stated.
      {
        kpi: 7,
        status: NOT_CAPTURED,
        commentary:
          "0 complaints recorded SCC advised of two complaints that had already received and shared for Vecteo to respond",
      },
      {
        kpi: 8,
        status: NOT_CAPTURED,
        commentary:
          "0 complaints recorded SCC advised of two complaints that had already received and shared for Vecteo to respond",
      },
      {
        kpi: 9,
        status: MEASURED,
        percentage: 100,
        commentary:
          "Vecteo reported 100% up to date SCC unable to verify as no records been provided - Vecteo HR collating a report from their systems to enable SCC to verify",
        verified: false,
        verificationNote:
          "SCC unable to verify as no records been provided - Vecteo HR collating a report from their systems to enable SCC to verify",
      },
      { kpi: 10, status: NOT_CAPTURED, commentary: "Not captured" },
      // The stated 98.9%; the staff total is not given, so no counts.
      {
        kpi: 11,
        status: MEASURED,
        percentage: 98.9,
        commentary: "98.9% - 4 staff required to undertake training",
      },
      {
        kpi: 12,
        status: NOT_CAPTURED,
        commentary: "22 recorded - timescales were not recorded during this month",
      },
      {
        kpi: 13,
        status: MEASURED,
        achieved: 5,
        total: 5,
        percentage: 100,
        commentary: "100% 5 applications - timescales met",
      },
      { kpi: 14, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 15, status: NOT_CAPTURED, commentary: "Not captured for all stakeholders" },
      { kpi: 16, status: NOT_CAPTURED, commentary: NO_MECHANISM },
      { kpi: 17, status: NOT_CAPTURED, commentary: "Not captured" },
      { kpi: 18, status: NOT_CAPTURED, commentary: "21" },
      { kpi: 19, status: NOT_APPLICABLE, commentary: "No applications" },
      { kpi: 20, status: NOT_APPLICABLE, commentary: "No applications" },
      { kpi: 21, status: NOT_APPLICABLE, commentary: "No further changes since May" },
      { kpi: 22, status: NOT_CAPTURED, commentary: "3 applicatioons" },
      // The report was not delivered this month; the seed gives no verdict.
      { kpi: 23, status: NOT_CAPTURED, commentary: "Report to follow" },
      // Registers provided for all services, sub-contractors included: 100%.
      { kpi: 24, status: MEASURED, percentage: 100, commentary: REGISTERS_FULL, derived: true },
      {
        kpi: 25,
        status: NOT_CAPTURED,
        commentary:
          "Not captured - Mechanism to report figure over 3 monthly period still being devised but details are captured within other KPI's",
      },
      ...both([26, 27], { status: NOT_CAPTURED, commentary: CREW_JUNE }),
    ],
  },
  {
    month: "2022-07",
    // Both compliments lines of the July column are redacted.
    compliments: "[Redacted]",
    kpis: [
      { kpi: 1, status: NOT_APPLICABLE, commentary: "0" },
      { kpi: 2, status: NOT_APPLICABLE, commentary: "0" },
      // KPI 4's July cell is empty: the July cell of KPI 3 is merged over KPIs 3 and 4, as in March to June.
      ...both([3, 4], {
        status: MEASURED,
        percentage: 100,
        commentary:
          "100% reported on time (36 routes self delivered).\n(SCC are still verifying at time of this report being verified using Cordic system and compliance inspection data during July)",
        verified: false,
        verificationNote:
          "SCC are still verifying at time of this report being verified using Cordic system and compliance inspection data during July",
      }),
      { kpi: 5, status: NOT_APPLICABLE, commentary: "0 new starters" },
      { kpi: 6, status: NOT_APPLICABLE, commentary: "No safeguarding incidents reported" },
      // The supplier's figure: 0 of the 1 complaint it recorded (acknowledged late). SCC knew of 3: the
      // other 2 Vecteo dealt with but did not record as complaints, so the figure leaves them out; with
      // at least 1 of 3 late the KPI is not met either way. The council's note says so.
      {
        kpi: 7,
        status: MEASURED,
        achieved: 0,
        total: 1,
        commentary:
          "1 complaint recorded (SCC aware of 3 complaints) - acknowledgement not sent in timescales due to further investigation required from sub contractor. SCC have logged 2 other comments that Vecteo have dealt with but not recorded as complaints. Vecteo are aligning their complaints procedure and definition to SCCs",
        verificationNote:
          "SCC aware of 3 complaints: the 2 that Vecteo dealt with but did not record as complaints are not in the figure (supplier's commentary).",
      },
      // The same for responses: 0 of the 1 recorded complaint answered in time; SCC knew of 3.
      {
        kpi: 8,
        status: MEASURED,
        achieved: 0,
        total: 1,
        commentary:
          "1 complaint recorded (SCC aware of 3 complaints) - timescale of response not met due to further investigation required from sub contractor",
        verificationNote:
          "SCC aware of 3 complaints: only the 1 Vecteo recorded is in the figure (supplier's commentary).",
      },
      // DBS records provided, the training list still to come.
      {
        kpi: 9,
        status: NOT_CAPTURED,
        commentary:
          "Due to refresher training taking place currently we are expecting an updated list by 31st August to ensure all staff are appropriately trained for September. DBS records have been provided.",
      },
      { kpi: 10, status: NOT_APPLICABLE, commentary: "No DP breaches" },
      { kpi: 11, status: MEASURED, percentage: 99, commentary: "99% - 1 staff member to undertake training" },
      {
        kpi: 12,
        status: NOT_CAPTURED,
        commentary:
          "14 recorded - timescales not recorded (minor incidents 11 were involving the same user which Vecteo have looked into)",
      },
      // The seed states 100% although there were no applications.
      { kpi: 13, status: MEASURED, percentage: 100, commentary: "100% No applications" },
      { kpi: 14, status: NOT_CAPTURED, commentary: NEW_MANAGER },
      { kpi: 15, status: NOT_CAPTURED, commentary: "Not captured for all stakeholders" },
      { kpi: 16, status: NOT_CAPTURED, commentary: NEW_MANAGER },
      { kpi: 17, status: NOT_CAPTURED, commentary: NEW_MANAGER },
      { kpi: 18, status: NOT_CAPTURED, commentary: "14" },
      { kpi: 19, status: NOT_APPLICABLE, commentary: "No applications" },
      {
        kpi: 20,
        status: NOT_CAPTURED,
        commentary: "Due to time report submitted, SCC still verifying",
        verified: false,
        verificationNote: "Due to time report submitted, SCC still verifying",
      },
      { kpi: 21, status: NOT_APPLICABLE, commentary: "No further changes since June" },
      { kpi: 22, status: NOT_CAPTURED, commentary: "3 applications" },
      // Social value activity described, but no report delivered (June: "Report to follow"; it came in August).
      {
        kpi: 23,
        status: NOT_CAPTURED,
        commentary:
          "Social value trips arranged for August trips. Employ local residents, employ some staff with SEND whom were previous passengers",
      },
      { kpi: 24, status: MEASURED, percentage: 100, commentary: REGISTERS_FULL, derived: true },
      {
        kpi: 25,
        status: NOT_CAPTURED,
        commentary: "New Manager working on these procedures assured to be ready to report for August",
      },
      ...both([26, 27], { status: NOT_CAPTURED, commentary: CREW_JULY }),
    ],
  },
  {
    month: "2022-08",
    // The compliments line, then a fully redacted line with no row label of its own: part of the same cell.
    compliments:
      "4 Head Teacher/School compliments circa 8 verbal/written compliments either to SCC, Vecteo or on Social Media , by parents, social workers, foster carers\n[Redacted]",
    kpis: [
      { kpi: 1, status: NOT_APPLICABLE, commentary: "0" },
      // 100% of the 20 booster seats required: 20 of 20.
      {
        kpi: 2,
        status: MEASURED,
        achieved: 20,
        total: 20,
        percentage: 100,
        commentary: "100% reached. 20 booster seats required",
      },
      { kpi: 3, status: NO_SERVICE, commentary: "No journeys during August" },
      { kpi: 4, status: NO_SERVICE, commentary: "No journeys during August" },
      // 10 sub-contractor meet & greets still unaccounted for when the return was made.
      {
        kpi: 5,
        status: NOT_CAPTURED,
        commentary:
          "Self delivery - 43 new students - 23 took place. 10 had received a meet & greet during transition week in July. 10 either did not respond or had siblings attending so crew known to parents. SUB-CONTRACTORS 27 meet & greets required\n17 recorded have taken place. Vecteo still chasing Sub-Contractors for information on the remaining 10 students.",
      },
      { kpi: 6, status: NOT_APPLICABLE, commentary: "No safeguarding incidents reported" },
      { kpi: 7, status: NOT_APPLICABLE, commentary: "No complaints received" },
      { kpi: 8, status: NOT_APPLICABLE, commentary: "No complaints received" },
      // A full training matrix of all staff supplied (DBS records were provided in July): 100%.
      {
        kpi: 9,
        status: MEASURED,
        percentage: 100,
        derived: true,
        commentary:
          "Vecteo have supplied a full training matrix of all staff. All staff have the appropriate training for the passengers needs. Further cross training for any contingencies that arise is also taking place (i.e. anaphylaxis training).",
      },
      { kpi: 10, status: NOT_APPLICABLE, commentary: "No DP breaches" },
      { kpi: 11, status: MEASURED, percentage: 100, commentary: "100% staff trained" },
      { kpi: 12, status: NO_SERVICE, commentary: "No SEND transport running. No incidents" },
      {
        kpi: 13,
        status: NOT_APPLICABLE,
        commentary: "0 LAC children for home to school were transported in August",
      },
      {
        kpi: 14,
        status: MEASURED,
        percentage: 100,
        commentary: "Business Continuity in place that covers sub-contractors - 100%",
      },
      { kpi: 15, status: NO_SERVICE, commentary: "No service running" },
      {
        kpi: 16,
        status: MEASURED,
        percentage: 100,
        commentary: "100% - all responses within 3 working days",
      },
      {
        kpi: 17,
        status: MEASURED,
        percentage: 100,
        commentary: "100% - all responses within 3 working days",
      },
      { kpi: 18, status: NO_SERVICE, commentary: "No service running" },
      {
        kpi: 19,
        status: MEASURED,
        percentage: 100,
        commentary:
          "100% - all in house new starters were communicated with and meet and greets completed where required before the end of Aug - contractor meet and greets were done at the start of September and will be included in Septembers KPI",
      },
      {
        kpi: 20,
        status: MEASURED,
        percentage: 100,
        commentary:
          "100%. Vecteo/SCC will be chaning this KPI as the process does not work and cannot match the KPI requirement. Will be reported from as from Septembers return.",
      },
      { kpi: 21, status: NO_SERVICE, commentary: "No service running" },
      // Both applications confirmed within 3 days: 2 of 2, and the stated 100%.
      {
        kpi: 22,
        status: MEASURED,
        achieved: 2,
        total: 2,
        percentage: 100,
        commentary: "2 applications both comfirmed within 3 days. 100%",
      },
      // The quarterly report delivered: 1 of 1. It covers September ("reported last month").
      {
        kpi: 23,
        status: MEASURED,
        achieved: 1,
        total: 1,
        commentary: "Please see attached report by Vecteo",
      },
      { kpi: 24, status: NO_SERVICE, commentary: "No service running" },
      { kpi: 25, status: NOT_APPLICABLE, commentary: "Not applicable. This resets from every September" },
      // The crew-change line, one cell for KPIs 26 and 27 as in March to July.
      ...both([26, 27], {
        status: NOT_APPLICABLE,
        commentary: "Not applicable. This resets from every September",
      }),
    ],
  },
  {
    month: "2022-09",
    compliments: "Compliments on FaceBook, Via Little Hereos Charity and various parents",
    kpis: [
      { kpi: 1, status: MEASURED, percentage: 100, commentary: "100% no accidents to report" },
      {
        kpi: 2,
        status: MEASURED,
        percentage: 100,
        commentary: "100% achieved no equipment required this month",
      },
      // Appendix 2's comment on MSR 4, which links only KPIs 3 and 4, says September was verified.
      ...both([3, 4], {
        status: MEASURED,
        percentage: 100,
        commentary: "100%",
        verified: true,
        verificationNote:
          "Appendix 2, MSR 4: Random checks have been made for September by an SCC Compliance inspector and also verification has taken place by having access/visibility to Cordic the system that records this information.",
      }),
      // Only "100% self-delivery": no overall figure including sub-contractors. The committee's verdict is "not met".
      {
        kpi: 5,
        status: NOT_CAPTURED,
        commentary:
          "100% self-delivery achieved. 1 sub-contractor carried out meet and greets late and 1 sub-contractor failed to carry out 10 meet and greets. This has been addressed during a contractual meeting and a new robust procedure is being prepared for next year.",
        override: {
          outcome: "not-met",
          reason:
            "1 sub-contractor carried out the meet and greets later than advisable and the second sub-contractor failed to provide 10 required meet and greets (briefing note, section 2)",
        },
      },
      {
        kpi: 6,
        status: MEASURED,
        percentage: 100,
        commentary: "100% achieved - no requests from SCC in relation to safeguarding issues this month",
      },
      { kpi: 7, status: MEASURED, percentage: 100, commentary: "100%" },
      { kpi: 8, status: MEASURED, percentage: 100, commentary: "100%" },
      // "all up to date": 100%; not yet confirmed against the LHCS database.
      {
        kpi: 9,
        status: MEASURED,
        percentage: 100,
        commentary:
          "Training and DBS records are all up to date, still waiting for database access from LHCS to confirm",
        derived: true,
        verified: false,
        verificationNote:
          "Still waiting for database access from LHCS to confirm (Appendix 1). Appendix 2 (MSRs 2 and 11) says the records have been supplied and verified.",
      },
      {
        kpi: 10,
        status: MEASURED,
        percentage: 100,
        commentary: "100% achieved - no data breaches this month",
      },
      { kpi: 11, status: MEASURED, percentage: 100, commentary: "100%" },
      { kpi: 12, status: MEASURED, percentage: 100, commentary: "100% achieved - see attached log" },
      { kpi: 13, status: MEASURED, percentage: 100, commentary: "100%" },
      {
        kpi: 14,
        status: MEASURED,
        percentage: 100,
        commentary: "100% - no emergency measures required this month",
      },
      { kpi: 15, status: MEASURED, percentage: 100, commentary: "100% achieved" },
      { kpi: 16, status: MEASURED, percentage: 100, commentary: "100%" },
      // One query, resolved in time: 1 of 1.
      {
        kpi: 17,
        status: MEASURED,
        achieved: 1,
        total: 1,
        percentage: 100,
        commentary: "100% one query resolved within 5 days",
      },
      { kpi: 18, status: MEASURED, percentage: 100, commentary: "100% reported" },
      { kpi: 19, status: MEASURED, percentage: 100, commentary: "100%" },
      { kpi: 20, status: MEASURED, percentage: 100, commentary: "100%" },
      // All routes operated: no routes missed (count 0), all reported.
      {
        kpi: 21,
        status: MEASURED,
        count: 0,
        percentage: 100,
        commentary: "100% all routes operated",
        derived: true,
      },
      // One application, processed: 1 of 1.
      {
        kpi: 22,
        status: MEASURED,
        achieved: 1,
        total: 1,
        percentage: 100,
        commentary: "100% one new application - although not traveled as yet",
      },
      // Delivered in August; the August return's KPI 23 (1 of 1) covers September.
      { kpi: 23, status: NOT_DUE, commentary: "reported last month" },
      { kpi: 24, status: MEASURED, percentage: 100, commentary: "100% reported" },
      { kpi: 25, status: MEASURED, percentage: 100, commentary: "100% reported" },
      {
        kpi: 26,
        status: MEASURED,
        percentage: 95.2,
        commentary: "95.2%% this was due to high number of sickness throughout September",
      },
      {
        kpi: 27,
        status: MEASURED,
        percentage: 90,
        commentary: "90% due to high sickness throughout September",
      },
    ],
    // Appendix 2, third column ("Matters being addressed & comments for September").
    msrComments: [
      {
        msr: 1,
        comment:
          "KPI 5 – Whilst self-delivery meet 100% of meet and greets, there was an issue with a couple of sub-contractors. A new procedure is being prepared for next year. Vecteo has raised this with both sub-contractors during contract meetings. Performance is being closely monitored by Vecteo.\nKPI 26 and 27 – Due to high sickness levels experienced in September the <98% for staff changes was not meet however all routes took place and no journeys were not able to run, due to spare staff and utilising office staff.",
      },
      { msr: 2, comment: "All Training and DBS records have been supplied and verified." },
      {
        msr: 3,
        comment:
          "100% self-delivery achieved. One sub-contractor carried out meet, however these were fairly late in the process. Another Sub-contractor, despite repeated chasing, failed to provide 10 meet and greets. This has been addressed during a contractual meeting. Vecteo’s Manager is producing a procedure for next year to be able to gain where there are difficulties with any meet and greets and be pro-active to ensure they take place.",
      },
      {
        msr: 4,
        comment:
          "Random checks have been made for September by an SCC Compliance inspector and also verification has taken place by having access/visibility to Cordic the system that records this information.",
      },
      {
        msr: 5,
        comment:
          "This is not part of the home to school service, but is part of the overall core services.\nSCC are contract managing this service. It was agreed that after 3 months of continued service improvements a review would take place as to transferring this service to Vecteo Ltd.\nUPDATE SEPT: This is currently being transferred back to Vecteo to contract manage, due to an improvement with service delivery. Adult Services do not require as much operational administration, therefore this service was preferable to transfer first.",
      },
      {
        msr: 6,
        comment:
          "This is not part of the home to school service, but is part of the overall core services.\nSCC are contract managing this service. It was agreed that after 3 months of continued service improvements a review would take place as to transferring this service to Vecteo Ltd.\nUPDATE Sept: We will review performance with a view to handing the contract management over to Vecteo in January 2023.",
      },
      {
        msr: 7,
        comment:
          "Vecteo ICT are establishing a complaints email that will automatically send complaints made, via the website to SCC. This will be soft tested in October 22.",
      },
      {
        msr: 8,
        comment:
          "Dial-A-Ride is currently in operation and Vecteo are in a position to actively promote this service.",
      },
      {
        msr: 9,
        comment:
          "All vehicles and licence plates are verified during SCC compliance inspections.\nSCC Hackney carriage viewed sample vehicles to be used in 2021 to ensure compliance.",
      },
      {
        msr: 10,
        comment:
          "All staff have received the appropriate training and instruction for these areas. This training has been supplied and verified.",
      },
      { msr: 11, comment: "All DBS records have been supplied and verified." },
      {
        msr: 12,
        comment:
          "All staff have received the appropriate training and instruction for these areas. This training has been supplied and verified.",
      },
    ],
  },
];

/** The council's fields of a transcribed row: what the month's review says about that KPI. */
const COUNCIL_FIELDS = ["verified", "verificationNote", "derived", "override"];

function split(row) {
  const supplier = {};
  const council = { kpi: row.kpi };
  for (const [key, value] of Object.entries(row))
    (COUNCIL_FIELDS.includes(key) ? council : supplier)[key] = value;
  return { supplier, council: Object.keys(council).length > 1 ? council : undefined };
}

/** The first of the month after `month`: the files' fixed date. */
function createdFor(month) {
  const monthIndex = Number(month.slice(5, 7)); // 1-based month as a 0-based index: the first of the next month
  return new Date(Date.UTC(Number(month.slice(0, 4)), monthIndex, 1));
}

const REVIEWER = "Anne Warburton, Service Manager, Integrated Transport and Fleet Services";

async function main() {
  const { contract } = checkContract(
    JSON.parse(await readFile(join(ROOT, "data", "contract.json"), "utf8")),
    "data/contract.json",
  );
  const numbers = contract.kpis.map((k) => k.number);
  const returnsDir = join(ROOT, "data", "returns");
  const reviewsDir = join(ROOT, "data", "reviews");
  await mkdir(returnsDir, { recursive: true });
  await mkdir(reviewsDir, { recursive: true });
  const returns = new Map();
  const reviews = new Map();
  for (const entry of RETURNS) {
    // Every KPI of the contract exactly once, in order: a slip in the transcription stops the run.
    const given = entry.kpis.map((row) => row.kpi);
    if (given.join(",") !== numbers.join(","))
      throw new Error(
        `${entry.month}: KPI rows ${given.join(",")} are not the contract's ${numbers.join(",")}`,
      );
    const rows = entry.kpis.map(split);
    returns.set(
      entry.month,
      MonthlyReturnSchema.parse({
        contract: contract.id,
        month: entry.month,
        supplier: "Vecteo",
        ...(entry.compliments === undefined ? {} : { compliments: entry.compliments }),
        kpis: rows.map((r) => r.supplier),
      }),
    );
    reviews.set(
      entry.month,
      MonthlyReviewSchema.parse({
        contract: contract.id,
        month: entry.month,
        // The seed names who prepared the briefing note (line 9), not who reviewed each month or when:
        // the officer who prepared it signs, on the workbook's own fixed date (the first of the month after).
        reviewedBy: REVIEWER,
        reviewedOn: createdFor(entry.month).toISOString().slice(0, 10),
        kpis: rows.flatMap((r) => (r.council ? [r.council] : [])),
        msrComments: entry.msrComments ?? [],
      }),
    );
  }
  for (const [month, value] of returns) {
    const bytes = await buildReturnWorkbook(contract, month, value, createdFor(month));
    const file = join(returnsDir, `${month}.xlsx`);
    await writeFile(file, bytes);
    console.log(`wrote ${file} (${bytes.length} bytes)`);
  }
  for (const [month, review] of reviews) {
    // The review shows what the figures alone give, judged as build judges them: with every return, no review.
    const reference = reviewReference(returns.get(month), evaluateMonth(contract, month, returns));
    const bytes = await buildReviewWorkbook(contract, month, reference, review, createdFor(month));
    const file = join(reviewsDir, `${month}.xlsx`);
    await writeFile(file, bytes);
    console.log(`wrote ${file} (${bytes.length} bytes)`);
  }
}

await main();
