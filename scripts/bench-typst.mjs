// The Typst yardstick of `npm run bench` (issue 23): how long Typst takes to typeset the same words
// as our September PDF, as a whole process, beside our build of that PDF.
//
// - The Typst source is made from the report model the build draws (the same stages: read,
//   validate, evaluate, model, through dist/), never written by hand: every heading, paragraph,
//   table caption, column header and cell, with Source Sans 3 at our sizes on our page, header rows
//   repeated, the glance's chart given as its table of figures. Typst is asked for a tagged PDF/UA-1.
// - Typst runs through its Node addon, @myriaddreamin/typst-ts-node-compiler, installed on first
//   use with npm into a cache folder ($XDG_CACHE_HOME or ~/.cache, then kpi-report-bench/): never a
//   dependency of kpi-report. When it cannot be had (no network, another platform) the bench says
//   so in one line and goes on without it.
// - Run as `node scripts/bench-typst.mjs --typeset ADDON SOURCE OUT FONT...`, it is the child the
//   bench times: load the addon, load the fonts, typeset, write the PDF, exit.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";

export const TYPST_PACKAGE = "@myriaddreamin/typst-ts-node-compiler";
export const TYPST_VERSION = "0.7.0";

/** The cache folder the addon is installed into, and its entry module once there. */
export function typstCache() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const dir = join(base, "kpi-report-bench", `typst-ts-node-compiler-${TYPST_VERSION}`);
  return { dir, entry: join(dir, "node_modules", ...TYPST_PACKAGE.split("/"), "index.js") };
}

/**
 * The addon's entry module, installed first if it is not in the cache; or why it cannot be had.
 * npm picks the addon's build for this platform (an optional dependency of the package).
 */
export function fetchTypst() {
  const { dir, entry } = typstCache();
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    const npm = spawnSync(
      "npm",
      [
        "install",
        "--prefix",
        dir,
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        `${TYPST_PACKAGE}@${TYPST_VERSION}`,
      ],
      { encoding: "utf8", timeout: 300_000 },
    );
    if (npm.error || npm.status !== 0 || !existsSync(entry)) {
      const why = npm.error?.message ?? npm.stderr.trim().split("\n").find(Boolean) ?? `exit ${npm.status}`;
      return { skipped: `npm could not install ${TYPST_PACKAGE}@${TYPST_VERSION} into ${dir} (${why})` };
    }
  }
  // The addon's native part must load here too (it exists for a dozen platforms, not every one).
  const probe = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(entry)}).NodeCompiler.create`], {
    encoding: "utf8",
  });
  if (probe.status !== 0)
    return { skipped: `${TYPST_PACKAGE} does not load here (${probe.stderr.trim().split("\n").pop()})` };
  return { entry };
}

/**
 * The report model `kpi-report build --month MONTH --data DATA` draws, made by the build's own
 * steps in dist/ (the data folder opened, the month's schedule read, validated and judged, the
 * summary template filled).
 */
export async function reportModel(root, data, month) {
  const dist = (path) => import(new URL(`dist/${path}`, `file://${root}/`).href);
  const { DataSource } = await dist("commands/data-source.js");
  const { readSchedule, judgeSchedule } = await dist("commands/month-schedule.js");
  const { reportDocument } = await dist("commands/build-report.js");
  const source = await DataSource.open({ data });
  const schedule = await readSchedule(source, month);
  return reportDocument({
    contract: source.contract,
    month,
    shown: schedule.shown,
    results: judgeSchedule(source, schedule),
    data: source.dataDir,
    out: "",
    glance: true,
    options: { startPage: 1 },
    warn: () => undefined,
  });
}

// ---------------------------------------------------------------------------------------------
// The model as Typst markup

/** A Typst string literal: the text as it is, nothing in it read as markup. */
const str = (text) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/** Our sizes (src/render/pdf/fonts.ts): cells 8 pt, their verdicts 8.5 pt bold, notes 8 pt grey. */
function paragraph(p, where) {
  const strong = p.role === "status" || p.role === "figures" || p.role === "strong";
  const size = where === "cell" ? (strong ? 8.5 : 8) : p.role === "note" ? 9 : 10;
  const args = [`size: ${size}pt`];
  if (strong) args.push(`weight: "bold"`);
  if (p.role === "note") args.push(`fill: rgb("#4D4D4D")`);
  return `#text(${args.join(", ")}, ${str(p.text)})`;
}

function table(t) {
  const columns = t.columns.map((c) => `${c.width}pt`).join(", ");
  const header = t.columns.map((c) => `[#text(size: 8.5pt, weight: "bold", fill: white, ${str(c.header)})]`);
  const cells = t.rows.flatMap((row) =>
    row.cells.map((cell) => {
      const body = cell.paragraphs.map((p) => (cell.list ? "- " : "") + paragraph(p, "cell"));
      return `[${body.join(cell.list ? "\n" : " #parbreak() ")}]`;
    }),
  );
  return [
    `#block(sticky: true, text(size: 10pt, weight: "bold", ${str(t.caption)}))`,
    `#table(columns: (${columns}), inset: (x: 3pt, y: 2.5pt), stroke: 0.5pt + rgb("#8C8C8C"),`,
    `  fill: (_, y) => if y == 0 { rgb("#1F3864") },`,
    `  table.header(${header.join(", ")}),`,
    ...cells.map((c) => `  ${c},`),
    ")",
  ].join("\n");
}

/** Typst markup for a ReportDocument (src/model/document.ts), section by section. */
export function typstSource(document) {
  const out = [
    `#set document(title: ${str(document.title)}, author: ${str(document.author)})`,
    `#set text(font: "Source Sans 3", size: 10pt, lang: ${str(document.language.split("-")[0])})`,
    `#set par(leading: 0.2em, spacing: 0.6em)`,
    `#show heading.where(level: 1): set text(size: 16pt)`,
    `#show heading.where(level: 2): set text(size: 13pt)`,
  ];
  for (const section of document.sections) {
    out.push(
      `#set page(paper: "a4", flipped: ${section.orientation === "landscape"}, margin: 36pt,` +
        ` footer: context text(size: 8.5pt, ${str(`${section.footer}  `)} + ${str(document.labels.page)} + " " + counter(page).display()))`,
    );
    for (const block of section.blocks) {
      if (block.type === "heading") out.push(`#heading(level: ${block.level}, ${str(block.text)})`);
      else if (block.type === "paragraph") out.push(paragraph(block.paragraph, "block"));
      else out.push(table(block.table));
      out.push("");
    }
    out.push("#pagebreak(weak: true)");
  }
  return `${out.join("\n")}\n`;
}

/** Every word the model's sections hold (headings, paragraphs, captions, column headers, cells), one per line. */
export function modelText(document) {
  const lines = [];
  const tableText = (t) => {
    lines.push(t.caption, ...t.columns.map((c) => c.header));
    for (const row of t.rows) for (const cell of row.cells) lines.push(...cell.paragraphs.map((p) => p.text));
  };
  for (const section of document.sections)
    for (const block of section.blocks) {
      if (block.type === "heading") lines.push(block.text);
      else if (block.type === "paragraph") lines.push(block.paragraph.text);
      else tableText(block.table);
    }
  return lines.join("\n");
}

/** Words, as a reader counts them: runs of letters or digits. */
export const wordCount = (text) => text.match(/[\p{L}\p{N}]+(?:['’.,:/-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

// ---------------------------------------------------------------------------------------------
// The child the bench times

if (process.argv[2] === "--typeset") {
  const [, , , addon, source, out, ...fonts] = process.argv;
  const { NodeCompiler } = createRequire(import.meta.url)(addon);
  const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts.map((f) => readFileSync(f)) }] });
  const compiled = compiler.compile({ mainFileContent: readFileSync(source, "utf8") });
  const diagnostics = compiled.takeDiagnostics?.();
  if (!compiled.result) {
    console.error(
      `typst: the source did not compile: ${JSON.stringify(diagnostics?.shortDiagnostics ?? diagnostics)}`,
    );
    process.exit(1);
  }
  writeFileSync(out, compiler.pdf(compiled.result, { pdfStandard: "ua-1", creationTimestamp: 0 }));
}
