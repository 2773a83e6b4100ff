import type { ReportDocument } from "../../model/document.js";

export async function renderPdf(document: ReportDocument): Promise<Uint8Array> {
  throw new Error(`PDF renderer not written yet (${document.title})`);
}
