import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { ReportDocument } from "../model/document.js";
import type { RenderFormat } from "./options.js";
import type { Rendered } from "../render/registry.js";
import { rendererFor, type WorkerReply, type WorkerRequest } from "./render-worker.js";
import { readWorkbookFile, type WorkbookFile } from "../read/workbook.js";

/**
 * V8 sizes a new thread's young generation for a server (up to 48 MB here), which a PDF renderer
 * fills with short-lived strings and then keeps: a September build peaked at 168 MiB with the
 * default and 150 MiB with 4 MB, for the same time (scripts/bench.mjs; docs/performance.md).
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/**
 * V8's compilers, set for drawing before any renderer is loaded or thread started, so each flag holds
 * for every module in every thread; here rather than at start-up, because importing node:v8 (and
 * node:os) there cost `validate` 2-3% more instructions, which a command drawing nothing need not pay
 * (docs/performance.md).
 * - WebAssembly (HarfBuzz: the PDF's shaper, the DOCX's font subsetter) stays on the baseline
 *   compiler. By default its hot functions are compiled again by the optimising tier on background
 *   threads, which a run this short never earns back: subsetting the DOCX's two faces then cost
 *   about 0.3 s of CPU and 30 MB more, waited for at exit.
 * - On two cores or fewer the build's two threads keep every core busy, and the optimising
 *   compiler works beside them on background threads: with its inlining, those threads took about
 *   a third of a long build's CPU (270 KPIs over 60 months: 2.8-3.6 s of 7.7-10 s). Without it the
 *   compiles are far cheaper and the code about as fast here. Where there are cores to spare, the
 *   compiler's threads cost the build nothing, and V8 keeps its default.
 */
function compilersForDrawing(): void {
  setFlagsFromString("--liftoff-only");
  if (availableParallelism() <= 2) setFlagsFromString("--no-turbo-inlining");
}

/**
 * Draws a report's formats side by side: the PDF on a worker thread, everything else on this one.
 * Drawing is all CPU, so on two cores a build costs about the longer of the two instead of their
 * sum; the PDF is the longer by far (September: about 0.4 s against 0.1 s for the DOCX). The
 * worker starts before the returns are read and loads pdfkit meanwhile.
 *
 * With one format, or one core, or when run from source (tests import src/, where there is no
 * compiled render-worker.js), everything is drawn here; the bytes are the same either way.
 */
export class Renderers {
  private worker: Worker | undefined;
  /** Why the worker stopped, if it did: every request after that fails with it rather than waiting forever. */
  private failure: Error | undefined;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }
  >();
  /** Whether the worker has loaded the PDF renderer: it reads nothing before, so a small build is not delayed. */
  private warm = false;
  /** Files the worker is reading now. */
  private reading = 0;
  /** Files the worker has read (for the tests: a failed worker read is read again here, silently). */
  readByWorker = 0;

  constructor(private readonly formats: readonly RenderFormat[]) {
    compilersForDrawing();
    const script = new URL("./render-worker.js", import.meta.url);
    if (
      formats.includes("pdf") &&
      formats.length > 1 &&
      availableParallelism() > 1 &&
      existsSync(fileURLToPath(script))
    ) {
      this.worker = new Worker(script, {
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      this.worker.on("message", (reply: WorkerReply) => this.settle(reply));
      this.worker.on("error", (error) => this.fail(error));
      this.worker.on("exit", (code) =>
        this.fail(new Error(`The PDF renderer's thread stopped (exit code ${code}).`)),
      );
      // A failed warm-up is reported by the request that needs the worker, not here.
      this.send({ id: this.nextId++, format: "pdf", warm: true }).then(
        () => (this.warm = true),
        () => undefined,
      );
    }
  }

  /** True once files handed to read() may be read on the worker thread. */
  get readsOnWorker(): boolean {
    return this.worker !== undefined && this.warm && !this.failure;
  }

  /** True when the PDF is drawn on the worker thread. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Reads a return or review, on the worker once it has loaded the PDF renderer and unless it has two
   * to read already, else here: the worker is otherwise idle while the returns and reviews are read
   * (270 KPIs over 60 months: 1.3 s; September's 21 files are read before it is warm). What the
   * worker cannot read is read again here, so a refusal is told exactly as it always is.
   */
  readonly read = async (path: string): Promise<WorkbookFile> => {
    if (!this.worker || !this.warm || this.failure || this.reading >= 2) return readWorkbookFile(path);
    this.reading++;
    try {
      const reply = await this.send({ id: this.nextId++, read: path });
      if (reply.error || !reply.read || !reply.bytes) return readWorkbookFile(path);
      this.readByWorker++;
      return { ...reply.read, bytes: reply.bytes };
    } catch {
      return readWorkbookFile(path);
    } finally {
      this.reading--;
    }
  };

  /** Every format asked for, in the order asked; the bytes (and warnings) each renderer gave. */
  async render(document: ReportDocument): Promise<Map<RenderFormat, Rendered>> {
    if (this.failure) throw this.failure;
    const drawn = this.formats.map((format) =>
      this.worker && format === "pdf"
        ? this.send({ id: this.nextId++, format, document }).then(rendered)
        : this.here(format, document),
    );
    const bytes = await Promise.all(drawn);
    return new Map(this.formats.map((format, i) => [format, bytes[i]!]));
  }

  /** Stops the worker; a build calls it however it ends, so the process can exit. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failure ??= new Error("The renderers were closed.");
    await worker?.terminate();
  }

  private async here(format: RenderFormat, document: ReportDocument): Promise<Rendered> {
    return (await rendererFor(format))(document);
  }

  private send(request: WorkerRequest): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      if (this.failure || !this.worker)
        return reject(this.failure ?? new Error("The renderers were closed."));
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (!waiting) return;
    waiting.resolve(reply);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** A drawing's reply as the renderer's result; a renderer's failure on the worker as an error here. */
function rendered(reply: WorkerReply): Rendered {
  if (reply.error) throw Object.assign(new Error(reply.error.message), { stack: reply.error.stack });
  return { bytes: reply.bytes ?? new Uint8Array(), warnings: reply.warnings ?? [] };
}
