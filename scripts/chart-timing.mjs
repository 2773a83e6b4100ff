// How long the outcome chart takes to describe (model/outcome-chart.ts) and draw as SVG
// (render/chart/svg.ts), for the bundled 7 months and for 60. Run after `npx tsc -p tsconfig.build.json`:
//   node scripts/chart-timing.mjs
// Prints the first (cold) run, the median of 200 runs after 50 to warm up, and the SVG's size.

import { performance } from "node:perf_hooks";
import { outcomeChart } from "../dist/model/outcome-chart.js";
import { outcomeChartSvg } from "../dist/render/chart/svg.js";

function months(count) {
  return Array.from({ length: count }, (_, i) => {
    const notMet = (i * 7) % 5,
      notCaptured = (i * 3) % 4,
      notApplicable = i % 3,
      notDue = i % 6 === 0 ? 2 : 0;
    const month = `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    return {
      month,
      returned: true,
      met: 27 - notMet - notCaptured - notApplicable - notDue,
      notMet,
      notCaptured,
      notApplicable,
      notDue,
    };
  });
}

for (const count of [7, 60]) {
  const data = months(count);
  const times = [];
  let svg = "";
  let first = 0;
  for (let run = 0; run < 250; run++) {
    const start = performance.now();
    svg = outcomeChartSvg(outcomeChart(data, 27));
    if (run === 0) first = performance.now() - start;
    if (run >= 50) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${count} months: first run ${first.toFixed(2)} ms, median ${times[times.length >> 1].toFixed(3)} ms, max ${times.at(-1).toFixed(3)} ms, ${svg.length} bytes of SVG`,
  );
}
