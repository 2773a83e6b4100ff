import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

// The compiled modules: only in dist/ is render-worker.js beside renderers.js, so only there does
// a worker start (npm test builds dist/ before running the tests).
const dist = (file: string) => new URL(`../../dist/commands/${file}`, import.meta.url);

interface RenderersLike {
  readonly threaded: boolean;
  readonly readByWorker: number;
  readonly readsOnWorker: boolean;
  read(path: string): Promise<{ workbook: unknown; bytes: Uint8Array; sha256: string }>;
  render(document: unknown): Promise<Map<string, Uint8Array>>;
  close(): Promise<void>;
}

async function renderers(formats: string[]): Promise<RenderersLike> {
  const { Renderers } = (await import(dist("renderers.js").href)) as {
    Renderers: new (formats: string[]) => RenderersLike;
  };
  return new Renderers(formats);
}

/** One request to the worker thread, and its one reply. */
async function ask(
  request: object,
): Promise<{ id: number; bytes?: Uint8Array; error?: { message: string } }> {
  const worker = new Worker(dist("render-worker.js"));
  try {
    return await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.postMessage(request);
    });
  } finally {
    await worker.terminate();
  }
}

describe("the PDF worker", () => {
  it("answers a renderer's failure with the error, instead of dying or going quiet", async () => {
    const reply = await ask({ id: 7, format: "pdf", document: { title: "not a report" } });
    expect(reply.id).toBe(7);
    expect(reply.bytes).toBeUndefined();
    expect(reply.error?.message).toMatch(/\w/);
  });

  it("answers a warm-up once pdfkit is loaded", async () => {
    expect(await ask({ id: 1, format: "pdf", warm: true })).toEqual({ id: 1 });
  });

  it("is started for two formats, not for one, and refuses work once closed", async () => {
    const both = await renderers(["pdf", "docx"]);
    expect(both.threaded).toBe(true);
    await both.close();
    await expect(both.render({ title: "after close" })).rejects.toThrow(/closed/);
    const one = await renderers(["pdf"]);
    expect(one.threaded).toBe(false);
    await one.close();
  });
});

describe("reading on the worker thread", () => {
  const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/read/${name}`, import.meta.url));

  it("gives the cells, bytes and hash reading here gives, and refuses a file as reading here does", async () => {
    const { readWorkbookFile } = (await import(dist("../read/workbook.js").href)) as {
      readWorkbookFile: RenderersLike["read"];
    };
    const threaded = await renderers(["pdf", "docx"]);
    try {
      // The worker reads only once it has loaded the PDF renderer.
      await expect.poll(() => threaded.readsOnWorker, { timeout: 30_000 }).toBe(true);
      // Three at once: the worker takes two, the third is read here.
      const names = ["2022-09-rich-text.xlsx", "2022-09-rel-prefix.xlsx", "2022-09-inline-strings.xlsx"];
      const read = await Promise.all(names.map((name) => threaded.read(fixture(name))));
      for (const [i, name] of names.entries()) {
        const here = await readWorkbookFile(fixture(name));
        expect(read[i]!.sha256).toBe(here.sha256);
        expect(Buffer.from(read[i]!.bytes).equals(Buffer.from(here.bytes))).toBe(true);
        expect(read[i]!.workbook).toEqual(here.workbook);
      }
      expect(threaded.readByWorker).toBe(2);
      const missing = fixture("no-such-return.xlsx");
      const refusal = await readWorkbookFile(missing).catch((error: Error) => error);
      await expect(threaded.read(missing)).rejects.toThrow(refusal as Error);
      await expect(threaded.read(missing)).rejects.toBeInstanceOf((refusal as Error).constructor);
    } finally {
      await threaded.close();
    }
  });
});
