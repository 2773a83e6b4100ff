import type { XmlElement } from "./xml.js";
import { NS, parseXml } from "./xml.js";

/**
 * The text of a string item, as Excel shows it: <si> and a cell's inline <is> hold either one <t>
 * or rich-text runs (<r><t>...</t></r>), joined in order. Phonetic runs (<rPh>, the furigana over
 * Japanese text) are a reading aid Excel draws above the text, not part of it, so they are skipped.
 */
export class StringItem {
  private parts: string[] = [];
  private inText = false;
  private phoneticDepth = 0;

  open(e: XmlElement): void {
    if (e.uri !== NS.main) return;
    if (e.local === "rPh") this.phoneticDepth++;
    else if (e.local === "t" && this.phoneticDepth === 0) this.inText = true;
  }

  close(local: string, uri: string): void {
    if (uri !== NS.main) return;
    if (local === "rPh") this.phoneticDepth--;
    else if (local === "t") this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  /** The text so far, and a fresh start for the next item. */
  take(): string {
    const text = this.parts.join("");
    this.parts = [];
    this.inText = false;
    this.phoneticDepth = 0;
    return text;
  }
}

/** xl/sharedStrings.xml: the strings cells of type "s" index, in order. */
export function readSharedStrings(bytes: Uint8Array | undefined, part: string, path: string): string[] {
  if (!bytes) return [];
  const strings: string[] = [];
  const item = new StringItem();
  let inItem = false;
  parseXml(bytes, part, path, {
    open(e) {
      if (e.uri === NS.main && e.local === "si") {
        inItem = true;
        item.take();
      } else if (inItem) item.open(e);
    },
    close(local, uri) {
      if (uri === NS.main && local === "si") {
        strings.push(item.take());
        inItem = false;
      } else if (inItem) item.close(local, uri);
    },
    text(text) {
      if (inItem) item.text(text);
    },
  });
  return strings;
}
