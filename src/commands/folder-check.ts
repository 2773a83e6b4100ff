import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type DisagreementKind, disagreementWords, mendCommand } from "../words/commands/output.js";
import { ExistingManifestSchema } from "./manifest.js";
import { staleTemporaries } from "./temporaries.js";

/**
 * What an output folder holds that its manifest does not say, as a build stopped partway (a kill
 * between the renames, a full disk) leaves it: a recorded file missing or not the bytes recorded,
 * a month's files with no entry at all, or a temporary file of a run that no longer runs.
 */
export interface Disagreement {
  /** The month whose set it breaks; undefined for a temporary file, which breaks no set. */
  month: string | undefined;
  file: string;
  kind: DisagreementKind;
}

/** The names build writes: appendices-YYYY-MM.FORMAT and results-YYYY-MM.json. */
const OUTPUT = /^(?:appendices-(\d{4}-\d{2})\.[a-z]+|results-(\d{4}-\d{2})\.json)$/;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every disagreement between `folder` and its manifest.json; none for a folder that is not there. */
export async function folderDisagreements(folder: string): Promise<Disagreement[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const found: Disagreement[] = [];
  const recorded = new Set<string>();
  for (const report of await manifestReports(folder)) {
    recorded.add(report.month);
    for (const output of report.outputs) {
      const actual = await readFile(join(folder, output.file)).then(sha256, () => undefined);
      if (actual === undefined) found.push({ month: report.month, file: output.file, kind: "missing" });
      else if (actual !== (output as { sha256?: unknown }).sha256)
        found.push({ month: report.month, file: output.file, kind: "changed" });
    }
  }
  for (const name of names.sort()) {
    const match = OUTPUT.exec(name);
    const month = match?.[1] ?? match?.[2];
    if (month && !recorded.has(month)) found.push({ month, file: name, kind: "unrecorded" });
  }
  for (const name of await staleTemporaries(folder))
    found.push({ month: undefined, file: name, kind: "temporary" });
  return found;
}

/** The manifest's entries; none when it is missing, damaged or not one of ours. */
async function manifestReports(folder: string) {
  try {
    const parsed = ExistingManifestSchema.safeParse(
      JSON.parse(await readFile(join(folder, "manifest.json"), "utf8")),
    );
    return parsed.success ? parsed.data.reports : [];
  } catch {
    return [];
  }
}

/**
 * The disagreements in one line: what is wrong, and what mends it. `mending` are the months a build
 * saying it is about to write into the folder, which it mends as it goes (and it removes the
 * temporary files); only the months left over are given a command.
 */
export function disagreementLine(
  folder: string,
  found: readonly Disagreement[],
  mending: readonly string[] | undefined,
  dataFlag = "",
): string {
  const broken = [
    ...new Set(found.flatMap((d) => (d.month && d.kind !== "temporary" ? [d.month] : []))),
  ].sort();
  const unmended = broken.filter((m) => !mending?.includes(m));
  return disagreementWords(
    join(folder, "manifest.json"),
    found,
    mending && broken.filter((m) => mending.includes(m)),
    unmended.length ? mendCommand(unmended, dataFlag, folder) : undefined,
  );
}
