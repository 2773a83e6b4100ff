import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

// The compiled modules: only in dist/ is render-worker.js beside renderers.js, so only there does
// a worker start (npm test builds dist/ before running the tests).
const dist = (file: string) => new URL(`../../dist/commands/${file}`, import.meta.url);

interface RenderersLike {
  readonly threaded: boolean;
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
