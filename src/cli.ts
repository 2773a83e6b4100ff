import { Command, CommanderError, Option } from "commander";
import { InputError, OutputError, UsageError } from "./errors.js";
import { processIo, type CommandResult, type Io } from "./commands/io.js";
import { PACKAGE } from "./package-root.js";

/** Exit codes, as documented in the README. Nothing else in the code sets one. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

const { version } = PACKAGE;

type Runner = (options: Record<string, unknown>, io: Io) => Promise<CommandResult>;

/** Commands are imported only when run, so `validate` never loads pdfkit or docx. */
function lazy(load: () => Promise<Runner>) {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const positional = command.args;
    const options = { ...command.opts(), ...(positional[0] !== undefined ? { file: positional[0] } : {}) };
    const run = await load();
    const result = await run(options, processIo);
    process.exitCode = result.failed ? EXIT.findings : EXIT.ok;
  };
}

const monthOption = () => new Option("--month <YYYY-MM>", "the reporting month, e.g. 2022-09");
const dataOption = () => new Option("--data <dir>", "the data folder: contract.json, returns/ and reviews/ (default: $KPI_REPORT_DATA, else ./data)");
const contractOption = () => new Option("--contract <file>", "a contract file other than <data>/contract.json");
const formatOption = () => new Option("--format <format>", "output format").choices(["text", "json"]).default("text");

export function buildProgram(): Command {
  const program = new Command()
    .name("kpi-report")
    .description("Check a supplier's monthly KPI return against its contract and produce the committee's appendices.")
    .version(version)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("status")
    .description("the month's verdict in the terminal: every KPI, the MSRs and a summary line")
    .addOption(monthOption().makeOptionMandatory())
    .addOption(dataOption())
    .addOption(contractOption())
    .addOption(formatOption())
    .action(lazy(async () => (await import("./commands/status.js")).statusCommand));

  program
    .command("build")
    .description("write Appendix 1 (KPI schedule) and Appendix 2 (MSRs) as PDF and DOCX, the results as JSON, and a manifest")
    .addOption(new Option("--month <months>", "the reporting month (2022-09), a range (2022-03..2022-09) or a list (2022-07,2022-09)"))
    .addOption(dataOption())
    .addOption(contractOption())
    .option("--config <file>", "a JSON file listing several data folders and months to build in one run (instead of --month)")
    .option("--out <dir>", "where to write the files", "out")
    .option("--formats <list>", "comma-separated: pdf, docx", "pdf,docx")
    .option("--from <YYYY-MM>", "the first month Appendix 1 shows (default: up to 12 months back, from the first return)")
    .option("--start-page <n>", "the page number of the first page, to continue an agenda pack's numbering", "1")
    .option("--check", "validate every return the build would use, print every finding, and write nothing", false)
    .option("--strict", "treat warnings as errors", false)
    .option("--summary <file>", "also write a markdown summary of the build (as for GITHUB_STEP_SUMMARY)")
    .addOption(new Option("--quiet", "print nothing but errors").default(false).conflicts("verbose"))
    .option("--verbose", "say what was read and decided", false)
    .action(lazy(async () => (await import("./commands/build.js")).buildCommand));

  program
    .command("validate")
    .description("check a supplier's return, or a council review, and list every problem with its sheet and cell")
    .argument("<file>", "the return or review workbook (.xlsx)")
    .addOption(monthOption().makeOptionMandatory(false))
    .addOption(dataOption())
    .addOption(contractOption())
    .addOption(formatOption())
    .option("--max-errors <n>", "list at most this many findings", "200")
    .action(lazy(async () => (await import("./commands/validate.js")).validateCommand));

  program
    .command("template")
    .description("write a blank return workbook for a month, ready for the supplier to fill in")
    .addOption(monthOption().makeOptionMandatory())
    .option("--out <file>", "where to write it (default: return-YYYY-MM.xlsx)")
    .option("--force", "replace the file if it exists", false)
    .addOption(dataOption())
    .addOption(contractOption())
    .action(lazy(async () => (await import("./commands/template.js")).templateCommand));

  program
    .command("add")
    .description("check a supplier's return and file it, unchanged, as <data>/returns/YYYY-MM.xlsx (the month from its Return sheet)")
    .argument("<file>", "the supplier's return, under whatever name it came with")
    .option("--replace", "replace the month's return if there is one (the old one is kept in returns/replaced/)", false)
    .addOption(dataOption())
    .addOption(contractOption())
    .action(lazy(async () => (await import("./commands/add.js")).addCommand));

  program
    .command("review")
    .description("write the council's review workbook for a month: verification, overrides and MSR comments to fill")
    .addOption(monthOption().makeOptionMandatory())
    .option("--out <file>", "where to write it (default: <data>/reviews/YYYY-MM.xlsx, where build reads it)")
    .option("--force", "replace the review if it exists", false)
    .addOption(dataOption())
    .addOption(contractOption())
    .action(lazy(async () => (await import("./commands/review.js")).reviewCommand));

  program
    .command("init")
    .description("start a data folder: a contract to edit, returns/, reviews/, templates/ and a README")
    .argument("[dir]", "the folder to start (default: $KPI_REPORT_DATA, else ./data)")
    .option("--example", "also copy the bundled Southend returns and reviews, March to September 2022", false)
    .action(lazy(async () => (await import("./commands/init.js")).initCommand));

  return program;
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and version are not failures.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof InputError || error instanceof UsageError || error instanceof OutputError) {
    io.err(`kpi-report: ${error.message}`);
    if ("hint" in error && error.hint) io.err(`  ${error.hint}`);
    return EXIT.usage;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.err(`kpi-report: internal error: ${detail}`);
  io.err("  This is a bug in kpi-report. Please report it with the command you ran; set KPI_REPORT_DEBUG=1 for details.");
  if (process.env.KPI_REPORT_DEBUG && error instanceof Error) io.err(error.stack ?? "");
  return EXIT.internal;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
  } catch (error) {
    process.exitCode = report(error, processIo);
  }
}

await main(process.argv.slice(2));
