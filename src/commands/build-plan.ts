import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { monthRange } from "../evaluate/index.js";
import { InputError } from "../errors.js";
import { fsReason } from "./folders.js";
import type { Month } from "../schema/return.js";
import { configProblems } from "./config-issues.js";
import { BuildConfigSchema, type BuildOptions } from "./options.js";
import { CONFIG_WORDS } from "../words/commands/data.js";

/** One data directory and the reports to make from it. */
export interface BuildTarget {
  /** Undefined: KPI_REPORT_DATA, else ./data. */
  data?: string | undefined;
  contract?: string | undefined;
  months: Month[];
  from?: Month | undefined;
  out: string;
  /** Whether the reports start with the summary at a glance. */
  glance: boolean;
}

function expand(spans: readonly { from: string; to: string }[]): Month[] {
  return [...new Set(spans.flatMap((s) => monthRange(s.from, s.to)))].sort();
}

/** The options, or the config file they name, as a list of targets. */
export async function planBuild(options: BuildOptions): Promise<BuildTarget[]> {
  if (options.month) {
    return [
      {
        data: options.data,
        contract: options.contract,
        months: expand(options.month),
        from: options.from,
        out: options.out,
        glance: options.glance,
      },
    ];
  }
  const path = options.config!;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new InputError(CONFIG_WORDS.cannotRead(path, fsReason(error)), path);
    throw new InputError(CONFIG_WORDS.notJson(path), path, CONFIG_WORDS.shape);
  }
  const parsed = BuildConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(
      CONFIG_WORDS.cannotUse(
        path,
        configProblems(parsed.error.issues, json, ["data", "contract", "month", "from", "out", "glance"]),
      ),
      path,
    );
  }
  return parsed.data.builds.map((b, i) => ({
    data: b.data,
    contract: b.contract,
    months: expand(b.month),
    from: b.from,
    // Several contracts in one run each get their own folder, so their files cannot collide.
    out: b.out ?? join(options.out, String(i + 1)),
    glance: b.glance ?? options.glance,
  }));
}
