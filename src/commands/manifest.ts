import { createHash } from "node:crypto";
import { summaryLine } from "../words/index.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import type { MonthResults } from "../schema/results.js";
import type { CheckedReturn, CheckedReview, DataSource } from "./data-source.js";
import type { WrittenFile } from "./build-report.js";
import { withLock } from "./file-lock.js";
import { writeFileAtomic } from "./io.js";
import { MANIFEST_WORDS } from "../words/commands/output.js";
import { PACKAGE } from "../package-root.js";

const { name, version } = PACKAGE;

export interface ReportRecord {
  source: DataSource;
  out: string;
  results: MonthResults;
  inputs: CheckedReturn[];
  /** The council's reviews read for the months shown. */
  reviews: CheckedReview[];
  outputs: WrittenFile[];
}

/** 2: each input month names both its files, the supplier's return and the council's review (or null). */
export const MANIFEST_VERSION = 2;

/**
 * What is read back of a manifest already in the folder: enough to tell which files each report
 * made. Everything else in an entry is kept as it was (passthrough), whoever added it.
 */
export const ExistingManifestSchema = z.looseObject({
  version: z.literal(MANIFEST_VERSION),
  tool: z.looseObject({ name: z.literal(name) }),
  reports: z.array(
    z.looseObject({ month: z.string(), outputs: z.array(z.looseObject({ file: z.string() })) }),
  ),
});
type ManifestReport = z.infer<typeof ExistingManifestSchema>["reports"][number];

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/**
 * manifest.json in each output folder: which spreadsheets, by hash, made which files, so a
 * published appendix can be traced to its sources: for every month used, the supplier's return
 * and the council's review, each with its SHA-256 (a month with no review says so, as null).
 * No timestamps: a rebuild gives the same manifest.
 *
 * A folder keeps every month built into it, in this run or earlier ones: a report's entry stays
 * until a later build writes one of its files again, and then the new entry replaces it.
 */
export async function writeManifests(
  records: readonly ReportRecord[],
  warn: (text: string) => void = () => undefined,
  /** By folder, the months whose disagreement the run has already named (folder-check.ts). */
  named: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Promise<string[]> {
  const byFolder = new Map<string, ReportRecord[]>();
  for (const record of records) byFolder.set(record.out, [...(byFolder.get(record.out) ?? []), record]);
  const hashes = new Map<string, Promise<string>>();
  const hashFile = (path: string) => {
    if (!hashes.has(path)) hashes.set(path, readFile(path).then(sha256));
    return hashes.get(path)!;
  };
  const written: string[] = [];
  for (const [folder, group] of byFolder) {
    const reports: ManifestReport[] = [];
    for (const record of group) {
      reports.push({
        month: record.results.month,
        contract: {
          id: record.results.contract,
          file: record.source.contractFile,
          sha256: record.source.contractSha256 ?? (await hashFile(record.source.contractFile)),
        },
        inputs: await Promise.all(
          record.inputs.map(async (input) => {
            const review = record.reviews.find((r) => r.month === input.month);
            return {
              month: input.month,
              // The hashes of the bytes read when the run began, not of the files as they are now.
              return: { file: input.file, sha256: input.sha256 },
              review: review ? { file: review.file, sha256: review.sha256 } : null,
            };
          }),
        ),
        outputs: record.outputs.map((o) => ({
          file: o.name,
          sha256: sha256(o.bytes),
          bytes: o.bytes.byteLength,
        })),
        // The counts, and the line a CI job greps for (docs/ci.md), as the results JSON has them.
        summary: { ...record.results.summary, line: summaryLine(record.results.summary) },
      });
    }
    const path = join(folder, "manifest.json");
    // Read, merged and written under the folder's lock: builds of other months into the same folder
    // at the same moment each keep the others' entries.
    await withLock(join(folder, ".manifest.json.lock"), MANIFEST_WORDS.lockName(folder), async () => {
      const kept = await agreeing(
        folder,
        await earlierReports(path, new Set(reports.flatMap((r) => r.outputs.map((o) => o.file)))),
        warn,
        named.get(folder) ?? new Set(),
      );
      const all = [...kept, ...reports].sort((a, b) => a.month.localeCompare(b.month));
      await writeFileAtomic(
        path,
        `${JSON.stringify({ version: MANIFEST_VERSION, tool: { name, version }, reports: all }, null, 2)}\n`,
      );
    });
    written.push(path);
  }
  return written;
}

/**
 * The entries of the folder's manifest whose files this build did not write again. A manifest
 * that is missing, damaged or not one of ours has nothing to keep, and is replaced.
 */
async function earlierReports(path: string, rewritten: ReadonlySet<string>): Promise<ManifestReport[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch {
    return [];
  }
  const parsed = ExistingManifestSchema.safeParse(json);
  if (!parsed.success) return [];
  // The entries as they were written, key order and all: a rebuild must give the same bytes.
  const original = (json as { reports: ManifestReport[] }).reports;
  return original.filter((_, i) => !parsed.data.reports[i]!.outputs.some((o) => rewritten.has(o.file)));
}

/**
 * The earlier entries whose files are still the files they record. A build stopped partway (a kill
 * between renames, a full disk) can leave a month's new files beside its old entry; the manifest
 * never vouches for a file it did not record, so such an entry is dropped, and the build says which
 * files and how to make the set whole again.
 */
async function agreeing(
  folder: string,
  reports: ManifestReport[],
  warn: (text: string) => void,
  named: ReadonlySet<string>,
): Promise<ManifestReport[]> {
  const kept: ManifestReport[] = [];
  for (const report of reports) {
    const wrong: string[] = [];
    for (const output of report.outputs) {
      const recorded = (output as { sha256?: unknown }).sha256;
      const actual = await readFile(join(folder, output.file)).then(sha256, () => undefined);
      if (actual === undefined) wrong.push(MANIFEST_WORDS.missing(output.file));
      else if (actual !== recorded) wrong.push(MANIFEST_WORDS.changed(output.file));
    }
    if (!wrong.length) {
      kept.push(report);
      continue;
    }
    if (named.has(report.month)) continue;
    warn(MANIFEST_WORDS.dropped(join(folder, "manifest.json"), report.month, wrong, folder));
  }
  return kept;
}
