import { SaxesParser, type SaxesTagNS } from "saxes";
import { LIMITS } from "./limits.js";
import { UnreadableFileError, unreadable } from "./read-failures.js";

/**
 * The one XML parser of the reader: saxes, a strict, streaming, namespace-aware parser. Strict
 * matters here: a return is untrusted, and a part that is not well-formed XML is one Excel calls
 * damaged too, so it is refused rather than guessed at. saxes expands only the five XML entities
 * and character references, never anything a DTD declares; a DOCTYPE (which Excel never writes)
 * is refused outright.
 *
 * Chosen over htmlparser2 (xmlMode), which is faster but lenient (it accepts unclosed and
 * mismatched tags without a word): parsing the seven XML parts of data/returns/2022-09.xlsx
 * (45,000 characters), saxes took 0.67-0.92 ms and htmlparser2 0.53-0.61 ms a return on the
 * two-core development machine (500 rounds each, /tmp scratch script), so strictness costs about
 * 0.2 ms a return, 12 ms over 60 returns. For a 270-KPI return (the bench's largest, 220 KB of
 * XML) the parsers alone took 4.3-6.0 ms (saxes) and 2.7 ms (htmlparser2) of CPU: saxes is then
 * about 60% of reading, and the reason reading 60 such returns takes about 0.6 s, not 0.4 s.
 * htmlparser2 would need a layer of our own to refuse what is not well-formed and to resolve
 * namespaces; kept off until a measurement on real returns says the 0.2 s is worth that code.
 * Namespace resolution (xmlns: true) cost little; position tracking about 0.3 ms a return, so it is off.
 */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  strict: "http://purl.oclc.org/ooxml/spreadsheetml/main",
} as const;

export interface XmlElement {
  /** The name without its prefix: <x:c> and <c> are both "c". */
  local: string;
  uri: string;
  /** An unprefixed attribute's value (attributes without a prefix are in no namespace, as OOXML's are). */
  get(name: string): string | undefined;
  /** A namespaced attribute's value, whatever prefix the file bound to the namespace (r:id, rel:id...). */
  getNs(uri: string, name: string): string | undefined;
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(local: string, uri: string): void;
  text?(text: string): void;
}

/**
 * Parses one part, calling the handlers as it goes. Any XML error, and anything a handler throws
 * that is not the tool's own refusal, becomes "workbook-damaged" naming the part.
 */
export function parseXml(bytes: Uint8Array, part: string, path: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const damaged = () =>
    unreadable(
      "workbook-damaged",
      path,
      `${path} is damaged: its part ${JSON.stringify(part)} is not well-formed XML.`,
    );
  // saxes resolves each tag's prefixes by walking the open tags, so its cost grows with the square of
  // the depth (100,000 deep ran for minutes): the depth is checked as each tag starts, before that walk.
  let depth = 0;
  parser.on("opentagstart", () => {
    if (++depth > LIMITS.maxXmlDepth) {
      throw unreadable(
        "limit-xml-depth",
        path,
        `${path} nests XML elements more than ${LIMITS.maxXmlDepth} deep in its part ${JSON.stringify(part)}; Excel nests them about 10 deep.`,
      );
    }
  });
  parser.on("doctype", () => {
    throw unreadable(
      "workbook-damaged",
      path,
      `${path} is damaged: its part ${JSON.stringify(part)} declares a DTD, which Excel never writes.`,
    );
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(new Element(tag as SaxesTagNS)));
  }
  const close = handlers.close;
  parser.on("closetag", (tag) => {
    depth--;
    close?.((tag as SaxesTagNS).local, (tag as SaxesTagNS).uri);
  });
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  try {
    parser.write(decode(bytes)).close();
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw Object.assign(damaged(), { cause: error });
  }
}

/** One object per element, its methods on the prototype: closures per element were a tenth of the reading time. */
class Element implements XmlElement {
  constructor(private readonly tag: SaxesTagNS) {}

  get local(): string {
    return this.tag.local;
  }

  get uri(): string {
    return this.tag.uri;
  }

  get(name: string): string | undefined {
    const attribute = this.tag.attributes[name];
    return attribute && attribute.prefix === "" ? attribute.value : undefined;
  }

  getNs(uri: string, name: string): string | undefined {
    const attributes = this.tag.attributes;
    for (const key in attributes) {
      const attribute = attributes[key]!;
      if (attribute.local === name && attribute.uri === uri) return attribute.value;
    }
    return undefined;
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const UTF16LE = new TextDecoder("utf-16le", { fatal: true });
const UTF16BE = new TextDecoder("utf-16be", { fatal: true });

/**
 * OPC allows XML parts in UTF-8 or UTF-16, told apart by a byte-order mark; .NET generators put a
 * UTF-8 BOM on every part. The decoders drop the mark, and refuse bytes that are not the encoding.
 */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE.decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16BE.decode(bytes);
  return UTF8.decode(bytes);
}
