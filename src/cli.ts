import { Command, CommanderError, Option } from "commander";
import { type InputError, OutputError, UsageError, damagedInstall, isRunStopper } from "./errors.js";
import { processIo, type CommandResult, type Io } from "./commands/io.js";
import { commanderProblem } from "./cli-words.js";
import { VERBOSE_WORDS } from "./words/commands/cli.js";
import { PACKAGE } from "./package-root.js";
import { DATA_LAYOUT, findDataFolder } from "./read/data-dir.js";
import { join } from "node:path";
import { DEFAULT_DOCUMENT_FORMATS, DOCUMENT_FORMATS } from "./render/registry.js";
import { removeOwnTemporaries } from "./commands/temporaries.js";

/** Exit codes, as documented in the README. Nothing else in the code sets one. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3, install: 4 } as const;

const { version } = PACKAGE;

type Runner = (options: Record<string, unknown>, io: Io) => Promise<CommandResult>;

/**
 * --quiet and --verbose for a command whose output is what it did (template, review, add, init, contract):
 * quiet drops that (errors and warnings still go to stderr); verbose says first, on stderr, which
 * data folder and contract the command uses, and where each came from.
 */
const quietOption = () =>
  new Option("--quiet", "print nothing but errors and warnings").default(false).conflicts("verbose");
const verboseOption = () =>
  new Option("--verbose", "also say which data folder and contract are used, and why (on stderr)").default(
    false,
  );

function progressIo(command: string, options: Record<string, unknown>, io: Io): Io {
  if (options.quiet === true) return { ...io, out: () => undefined };
  if (options.verbose !== true) return io;
  const given = (key: string) => (typeof options[key] === "string" ? (options[key] as string) : undefined);
  if (command === "init") {
    const dir = given("file");
    const folder = findDataFolder(undefined);
    io.err(dir ? VERBOSE_WORDS.startGiven(dir) : VERBOSE_WORDS.start(folder.dir, folder.origin));
    return io;
  }
  const folder = findDataFolder(given("data"));
  if (command === "contract") {
    const out = given("out");
    io.err(
      VERBOSE_WORDS.contractTo(
        folder.dir,
        folder.origin,
        out ?? join(folder.dir, DATA_LAYOUT.contract),
        out !== undefined,
      ),
    );
    return io;
  }
  const contract = given("contract");
  io.err(
    VERBOSE_WORDS.contractFrom(
      folder.dir,
      folder.origin,
      contract ?? join(folder.dir, DATA_LAYOUT.contract),
      contract !== undefined,
    ),
  );
  return io;
}

/** Commands are imported only when run, so `validate` never loads pdfkit or docx. */
function lazy(load: () => Promise<Runner>) {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const positional = command.args;
    const options: Record<string, unknown> = {
      ...command.opts(),
      ...(positional.length ? { file: positional[0], files: positional } : {}),
    };
    try {
      const run = await load();
      const progress = "quiet" in options && command.name() !== "build";
      const result = await run(
        options,
        progress ? progressIo(command.name(), options, processIo) : processIo,
      );
      process.exitCode = result.unreadable ? EXIT.usage : result.failed ? EXIT.findings : EXIT.ok;
    } catch (error) {
      // A script reading --format json gets a JSON document on stdout even when the run stops,
      // a damaged installation included (exit 4).
      if (options.format === "json") {
        const install = damagedInstall(error);
        if (isRunStopper(error)) processIo.out(errorJson(error));
        else if (install) processIo.out(stoppedJson("install", install.message, undefined));
      }
      throw error;
    }
  };
}

/** The JSON a run that stops prints with --format json: what stopped it, in the same words as stderr. */
function errorJson(error: InputError | UsageError | OutputError): string {
  const kind = error instanceof UsageError ? "usage" : error instanceof OutputError ? "output" : "input";
  return stoppedJson(kind, error.message, "hint" in error ? error.hint : undefined);
}

function stoppedJson(
  kind: "usage" | "output" | "input" | "install",
  message: string,
  hint: string | undefined,
): string {
  return JSON.stringify(
    { version: 1, valid: false, error: { kind, message, ...(hint ? { hint } : {}) } },
    null,
    2,
  );
}

/**
 * Whether the command line asks for JSON, read from the words themselves: commander stopped before
 * it had options to give. `-f` is --formats on build, so there it does not count.
 */
function jsonAsked(argv: readonly string[], command: string | undefined): boolean {
  const short = command === "build" ? [] : ["-f"];
  return argv.some((word, i) => {
    if (word === "--format=json" || (command !== "build" && word === "-fjson")) return true;
    return ["--format", ...short].includes(word) && argv[i + 1] === "json";
  });
}

/**
 * A reader that stops early (`kpi-report status | head -1`) closes the pipe: what is left to print
 * has no one to read it, so it is dropped and the command finishes its work (a return is still filed),
 * ending with its own exit code, as `git log | head` ends quietly. Any other write error is a real one.
 */
function dropOutputToClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
      throw error;
    });
  }
}

/**
 * Ctrl-C, SIGTERM (a CI job cancelled) or the terminal closing stops the run where it is: its own
 * temporary files, probes and locks are removed, and it exits as a shell expects of a program a signal
 * stopped, 128 plus the signal's number, saying nothing (the user asked it to stop). A file already
 * renamed into place is whole; the manifest, written last, tells the next build what the set lacks.
 */
function stopCleanlyOnSignals(): void {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.on(signal, () => {
      try {
        removeOwnTemporaries();
      } finally {
        process.exit(code);
      }
    });
  }
}

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

const monthOption = (required: boolean) =>
  new Option("-m, --month <YYYY-MM>", `${required ? "(required) " : ""}the reporting month, e.g. 2022-09`);
const dataOption = () =>
  new Option(
    "-d, --data <dir>",
    "the data folder: contract.json, returns/ and reviews/ (default: $KPI_REPORT_DATA, else ./data)",
  );
const contractOption = () =>
  new Option("--contract <file>", "a contract file other than <data>/contract.json");
const formatOption = () => new Option("-f, --format <format>", "text or json").default("text");

export function buildProgram(): Command {
  const program = new Command()
    .name("kpi-report")
    .description(
      "Check a supplier's monthly KPI return against its contract and produce the committee's appendices.",
    )
    .version(version)
    .exitOverride()
    // Errors are printed by report() below, in this tool's words (cli-words.ts).
    .configureOutput({ outputError: () => undefined })
    .addHelpText(
      "after",
      examples(
        "kpi-report build --month 2022-09",
        "kpi-report status --month 2022-09",
        "kpi-report validate return.xlsx",
        "kpi-report template --month 2022-10",
      ),
    );

  program
    .command("status")
    .description("the month's verdict in the terminal: every KPI, the MSRs and a summary line")
    .addOption(monthOption(true))
    .addOption(dataOption())
    .addOption(contractOption())
    .addOption(formatOption())
    .option(
      "-o, --out <dir>",
      "the output folder of build, whose manifest is checked against its files (a build stopped partway)",
      "out",
    )
    .addHelpText(
      "after",
      examples(
        "kpi-report status --month 2022-09",
        "kpi-report status --month 2022-09 --data ../council-data --format json",
      ),
    )
    .action(lazy(async () => (await import("./commands/status.js")).statusCommand));

  program
    .command("build")
    .description(
      "write Appendix 1 (KPI schedule) and Appendix 2 (MSRs) as PDF, DOCX and HTML, the results as JSON, and a manifest",
    )
    .addOption(
      new Option(
        "-m, --month <months>",
        "(required, or --config) the reporting month (2022-09), a range (2022-03..2022-09) or a list (2022-07,2022-09)",
      ),
    )
    .addOption(dataOption())
    .addOption(contractOption())
    .option(
      "--config <file>",
      "a JSON file listing several data folders and months to build in one run (instead of --month)",
    )
    .option("-o, --out <dir>", "where to write the files", "out")
    .option(
      "-f, --formats <list>",
      `comma-separated, from the document renderers: ${DOCUMENT_FORMATS.join(", ")}`,
      DEFAULT_DOCUMENT_FORMATS.join(","),
    )
    .option(
      "--from <YYYY-MM>",
      "the first month Appendix 1 shows (default: up to 12 months back, from the first return)",
    )
    .option(
      "--start-page <n>",
      "the page number of the first page, to continue an agenda pack's numbering",
      "1",
    )
    .option(
      "--no-glance",
      "leave out the summary at a glance that comes before Appendix 1 (for a pack whose covering report has it)",
    )
    .option(
      "--check",
      "validate every return and template the build would use, print every finding, and write nothing",
      false,
    )
    .option("--strict", "treat warnings as errors", false)
    .option("--summary <file>", "also write a markdown summary of the build (as for GITHUB_STEP_SUMMARY)")
    .addOption(new Option("--quiet", "print nothing but errors").default(false).conflicts("verbose"))
    .option("--verbose", "say what was read and decided", false)
    .addHelpText(
      "after",
      examples(
        "kpi-report build --month 2022-09",
        "kpi-report build --month 2022-03..2022-09 --out archive",
        "kpi-report build --month 2022-09 --check --strict",
        "kpi-report build --month 2022-09 --formats pdf --start-page 41",
      ),
    )
    .action(lazy(async () => (await import("./commands/build.js")).buildCommand));

  program
    .command("validate")
    .description("check suppliers' returns or council reviews and list every problem with its sheet and cell")
    .argument(
      "<files...>",
      "(required) one or more return or review workbooks (.xlsx), or patterns such as 'returns/*.xlsx'",
    )
    .addOption(monthOption(false))
    .addOption(dataOption())
    .addOption(contractOption())
    .addOption(
      new Option("-f, --format <format>", "text, json, or github (annotations for GitHub Actions)").default(
        "text",
      ),
    )
    .option("--max-errors <n>", "list at most this many findings for each file", "200")
    .addHelpText(
      "after",
      examples(
        "kpi-report validate return.xlsx",
        "kpi-report validate 'data/returns/*.xlsx' --format json",
        "kpi-report validate return.xlsx --month 2022-10 --format github",
      ),
    )
    .action(lazy(async () => (await import("./commands/validate.js")).validateCommand));

  program
    .command("template")
    .description("write a blank return workbook for a month, ready for the supplier to fill in")
    .addOption(monthOption(true))
    .option("-o, --out <file>", "where to write it (default: return-YYYY-MM.xlsx)")
    .option("--force", "replace the file if it exists", false)
    .addOption(dataOption())
    .addOption(contractOption())
    .addHelpText(
      "after",
      examples(
        "kpi-report template --month 2022-10",
        "kpi-report template --month 2022-10 --out to-supplier/return-2022-10.xlsx",
      ),
    )
    .addOption(quietOption())
    .addOption(verboseOption())
    .action(lazy(async () => (await import("./commands/template.js")).templateCommand));

  program
    .command("add")
    .description(
      "check a supplier's return and file it, unchanged, as <data>/returns/YYYY-MM.xlsx (the month from its Return sheet)",
    )
    .argument("<file>", "the supplier's return, under whatever name it came with")
    .option(
      "--replace",
      "replace the month's return if there is one (the old one is kept in returns/replaced/)",
      false,
    )
    .addOption(dataOption())
    .addOption(contractOption())
    .addHelpText(
      "after",
      examples(
        'kpi-report add "Vecteo October 2022 return.xlsx"',
        'kpi-report add "Vecteo October 2022 return.xlsx" --replace --data council-data',
      ),
    )
    .addOption(quietOption())
    .addOption(verboseOption())
    .action(lazy(async () => (await import("./commands/add.js")).addCommand));

  program
    .command("review")
    .description(
      "write the council's review workbook for a month: verification, overrides and MSR comments to fill",
    )
    .addOption(monthOption(true))
    .option(
      "-o, --out <file>",
      "where to write it (default: <data>/reviews/YYYY-MM.xlsx, where build reads it)",
    )
    .option("--force", "replace the review if it exists", false)
    .addOption(dataOption())
    .addOption(contractOption())
    .addHelpText(
      "after",
      examples("kpi-report review --month 2022-10", "kpi-report review --month 2022-10 --force"),
    )
    .addOption(quietOption())
    .addOption(verboseOption())
    .action(lazy(async () => (await import("./commands/review.js")).reviewCommand));

  program
    .command("init")
    .description("start a data folder: a contract to edit, returns/, reviews/, templates/ and a README")
    .argument("[dir]", "the folder to start (default: $KPI_REPORT_DATA, else ./data)")
    .option("--example", "also copy the bundled Southend returns and reviews, March to September 2022", false)
    .option("--blank", "a blank contract.json to fill in, instead of the bundled Southend one", false)
    .option(
      "--contract-workbook",
      "no contract.json yet: contract.xlsx to fill in, made into contract.json by kpi-report contract",
      false,
    )
    .addHelpText(
      "after",
      examples(
        "kpi-report init council-data",
        "kpi-report init ws --example",
        "kpi-report init council-data --contract-workbook",
      ),
    )
    .addOption(quietOption())
    .addOption(verboseOption())
    .action(lazy(async () => (await import("./commands/init.js")).initCommand));

  program
    .command("contract")
    .description(
      "check a contract workbook (from init --contract-workbook) cell by cell and write it as <data>/contract.json",
    )
    .argument("<file>", "the contract workbook, e.g. council-data/contract.xlsx")
    .option("-o, --out <file>", "where to write the contract (default: <data>/contract.json)")
    .option("--force", "replace the contract.json there is", false)
    .addOption(dataOption())
    .addHelpText(
      "after",
      examples(
        "kpi-report contract council-data/contract.xlsx --data council-data",
        "kpi-report contract contract.xlsx --out draft.json",
      ),
    )
    .addOption(quietOption())
    .addOption(verboseOption())
    .action(lazy(async () => (await import("./commands/contract.js")).contractCommand));

  return program;
}

function report(error: unknown, io: Io, argv: readonly string[], program: Command): number {
  if (error instanceof CommanderError) {
    // Help and version are not failures.
    if (error.exitCode === 0) return EXIT.ok;
    const names = program.commands.map((c) => c.name());
    const command = argv.find((a) => names.includes(a));
    const { message, hint } = commanderProblem(error, command, names);
    if (jsonAsked(argv, command)) io.out(stoppedJson("usage", message, hint));
    io.err(`kpi-report: ${message}`);
    io.err(`  ${hint}`);
    return EXIT.usage;
  }
  if (isRunStopper(error)) {
    io.err(`kpi-report: ${error.message}`);
    if ("hint" in error && error.hint) io.err(`  ${error.hint}`);
    return EXIT.usage;
  }
  // issue 22: a file of kpi-report's own missing is a damaged install, not a bug: one line, exit 4.
  const install = damagedInstall(error);
  if (install) {
    io.err(`kpi-report: ${install.message}`);
    return EXIT.install;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.err(`kpi-report: internal error: ${detail}`);
  io.err(
    "  This is a bug in kpi-report. Please report it with the command you ran; set KPI_REPORT_DEBUG=1 for details.",
  );
  if (process.env.KPI_REPORT_DEBUG && error instanceof Error) io.err(error.stack ?? "");
  return EXIT.internal;
}

export async function main(argv: readonly string[]): Promise<void> {
  dropOutputToClosedPipes();
  stopCleanlyOnSignals();
  const program = buildProgram();
  // Bare `kpi-report` is a request for help, not a mistake: the help, on stdout, exit 0.
  if (argv.length === 0) {
    program.outputHelp();
    return;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    process.exitCode = report(error, processIo, argv, program);
  }
}

await main(process.argv.slice(2));
