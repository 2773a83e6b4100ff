import { parentPort } from "node:worker_threads";
import type { ReportDocument } from "../model/document.js";
import type { RenderFormat } from "./options.js";
import { documentRenderer, type DocumentRenderer } from "../render/registry.js";
import type { WorkbookFile } from "../read/workbook.js";

/**
 * The second thread of a build (see renderers.ts): draws what it is sent with the same renderers
 * the main thread uses, so a report's bytes do not depend on which thread drew them.
 */

export type WorkerRequest =
  | { id: number; format: RenderFormat; document: ReportDocument }
  | { id: number; format: RenderFormat; warm: true }
  /** A return or review to read while the main thread reads another (see renderers.ts). */
  | { id: number; read: string };

export type WorkerReply = {
  id: number;
  bytes?: Uint8Array;
  warnings?: string[];
  /** A file read: its cells and hash (its bytes are `bytes`). */
  read?: Omit<WorkbookFile, "bytes">;
  error?: { message: string; stack?: string };
};

/** The renderer for a format, from the registry, imported on first use: a worker that only draws PDFs never loads docx. */
export function rendererFor(format: RenderFormat): Promise<DocumentRenderer> {
  return documentRenderer(format);
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (request: WorkerRequest) => {
    void (async () => {
      try {
        if ("read" in request) {
          const { readWorkbookFile } = await import("../read/workbook.js");
          const { workbook, bytes, sha256 } = await readWorkbookFile(request.read);
          const reply: WorkerReply = { id: request.id, bytes, read: { workbook, sha256 } };
          port.postMessage(reply, movable(bytes) ? [bytes.buffer as ArrayBuffer] : []);
          return;
        }
        const render = await rendererFor(request.format);
        // A warm-up only loads the renderer, while the main thread is still reading the returns.
        const rendered = "warm" in request ? undefined : await render(request.document);
        const bytes = rendered?.bytes;
        // A file that owns its whole buffer is moved to the main thread rather than copied (12.7 MB for 270 KPIs over 60 months).
        const reply: WorkerReply = rendered
          ? { id: request.id, bytes, warnings: rendered.warnings }
          : { id: request.id };
        port.postMessage(reply, bytes && movable(bytes) ? [bytes.buffer as ArrayBuffer] : []);
      } catch (error) {
        const { message, stack } = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ id: request.id, error: { message, stack } } satisfies WorkerReply);
      }
    })();
  });
}

/** Bytes that own their whole buffer can be moved to the other thread rather than copied. */
function movable(bytes: Uint8Array): boolean {
  return (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  );
}
