import { appendFile } from "node:fs/promises";
import { OutputError } from "../errors.js";
import { jobSummaryView } from "../model/job-summary.js";
import { viewRenderer } from "../render/registry.js";
import { writeFileAtomic } from "./io.js";
import { OUTPUT_WORDS } from "../words/commands/output.js";
import type { ReportRecord } from "./manifest.js";

/**
 * The job summary goes to GITHUB_STEP_SUMMARY when GitHub Actions sets it (appended, as GitHub
 * expects several steps to add to it), and to --summary FILE when given.
 */
export async function writeJobSummaries(
  records: readonly ReportRecord[],
  summaryFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const stepSummary = env.GITHUB_STEP_SUMMARY;
  if (!stepSummary && !summaryFile) return [];
  const render = await viewRenderer("markdown");
  const markdown = render(
    jobSummaryView(
      records.map((r) => ({
        results: r.results,
        outputs: r.outputs.map((o) => o.name).concat("manifest.json"),
      })),
    ),
  );
  const written: string[] = [];
  if (stepSummary) {
    try {
      await appendFile(stepSummary, `${markdown}\n`);
    } catch {
      throw new OutputError(OUTPUT_WORDS.cannotAppendSummary(stepSummary), stepSummary);
    }
    written.push(stepSummary);
  }
  if (summaryFile) {
    await writeFileAtomic(summaryFile, markdown);
    written.push(summaryFile);
  }
  return written;
}
