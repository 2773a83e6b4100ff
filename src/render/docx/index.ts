import type { ReportDocument } from "../../model/document.js";

export async function renderDocx(document: ReportDocument): Promise<Uint8Array> {
  throw new Error(`DOCX renderer not written yet (${document.title})`);
}
