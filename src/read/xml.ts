import { SaxesParser } from "saxes";
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
 * Position tracking cost about 0.3 ms a return, so it is off; namespaces are resolved in parseXml.
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

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
/** Every namespace named in this file, by itself (see declare). */
const KNOWN_URIS: ReadonlyMap<string, string> = new Map(
  [...Object.values(NS), XML_NAMESPACE, XMLNS_NAMESPACE].map((uri) => [uri, uri]),
);
/** Prefix to namespace, for the element being read and its ancestors; shared down the tree until an element declares one. */
type Scope = Record<string, string>;
const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, {
  xml: XML_NAMESPACE,
  xmlns: XMLNS_NAMESPACE,
});

/**
 * Parses one part, calling the handlers as it goes. Any XML error, and anything a handler throws
 * that is not the tool's own refusal, becomes "workbook-damaged" naming the part.
 *
 * saxes parses without namespaces and the prefixes are resolved here, with the checks saxes makes
 * in its namespace mode (an unbound or malformed prefix, a declaration XML forbids, one attribute
 * twice under two prefixes): saxes's own resolution built objects for every attribute and a set
 * for every tag, and walked the open tags for each prefix (0.25 of the reading of a 270-KPI return).
 */
export function parseXml(bytes: Uint8Array, part: string, path: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const damaged = () =>
    unreadable(
      "workbook-damaged",
      path,
      `${path} is damaged: its part ${JSON.stringify(part)} is not well-formed XML.`,
    );
  const fail = (why: string): never => {
    throw new Error(why);
  };
  // The element read now and its ancestors: their local names, namespaces and scopes.
  const locals: string[] = [];
  const uris: string[] = [];
  const scopes: Scope[] = [ROOT_SCOPE];
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
  // The attributes of the tag being read that declare or use a prefix (few: xmlns on the root, x14ac:dyDescent on rows).
  const named: string[] = [];
  parser.on("attribute", ({ name }) => {
    if (name === "xmlns" || name.includes(":")) named.push(name);
  });
  const open = handlers.open;
  parser.on("opentag", (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    let scope = scopes[scopes.length - 1]!;
    if (named.length) {
      for (const name of named)
        if (name === "xmlns" || name.startsWith("xmlns:")) {
          if (scope === scopes[scopes.length - 1]) scope = Object.assign(Object.create(null) as Scope, scope);
          declare(scope, name, attributes[name]!, parser.xmlDecl.version === "1.1", fail);
        }
      checkPrefixedAttributes(named, scope, fail);
      named.length = 0;
    }
    scopes.push(scope);
    const name = tag.name;
    let local = name;
    let uri = scope[""] ?? "";
    if (name.includes(":")) {
      const [prefix, after] = qname(name, fail);
      if (prefix === "xmlns") fail('tags may not have "xmlns" as prefix.');
      local = after;
      uri = scope[prefix] ?? "";
      if (uri === "") fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
    }
    locals.push(local);
    uris.push(uri);
    open?.(new Element(local, uri, attributes, scope));
  });
  const close = handlers.close;
  parser.on("closetag", () => {
    depth--;
    scopes.pop();
    const local = locals.pop()!;
    const uri = uris.pop()!;
    close?.(local, uri);
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

/** A name's prefix and local part, refusing what a namespace-aware parser refuses (":a", "a:", "a:b:c"). */
function qname(name: string, fail: (why: string) => never): [prefix: string, local: string] {
  const colon = name.indexOf(":");
  if (colon === -1) return ["", name];
  const prefix = name.slice(0, colon);
  const local = name.slice(colon + 1);
  if (prefix === "" || local === "" || local.includes(":")) fail(`malformed name: ${name}.`);
  return [prefix, local];
}

/** An xmlns or xmlns:p attribute, bound in `scope` as saxes would bind it, with the same refusals. */
function declare(
  scope: Scope,
  name: string,
  value: string,
  xml11: boolean,
  fail: (why: string) => never,
): void {
  const [, declared] = name === "xmlns" ? ["", ""] : qname(name, fail);
  const uri = value.trim();
  if (declared !== "" && uri === "" && !xml11) fail("invalid attempt to undefine prefix in XML 1.0");
  if (declared === "xml" && uri !== XML_NAMESPACE) fail(`xml prefix must be bound to ${XML_NAMESPACE}.`);
  if (declared === "xmlns") fail(`xmlns prefix may not be declared.`);
  if (uri === XMLNS_NAMESPACE)
    fail(`may not assign a prefix or the default namespace to ${XMLNS_NAMESPACE}.`);
  if (uri === XML_NAMESPACE && declared !== "xml")
    fail("may not assign the xml namespace to another prefix.");
  // The namespace as our own constant where it is one: each element's is compared with NS's for
  // every element read, and a string that is the same object compares at once where an equal copy
  // is compared character by character (60 returns of 270 KPIs: 0.37 -> 0.33 s, docs/performance.md).
  scope[declared] = KNOWN_URIS.get(uri) ?? uri;
}

/** Each prefixed attribute's prefix is bound, and no two name one attribute under two prefixes. */
function checkPrefixedAttributes(names: readonly string[], scope: Scope, fail: (why: string) => never): void {
  // One prefixed attribute (a row's x14ac:dyDescent) cannot be a duplicate: no set is made for it.
  const seen = names.length > 1 ? new Set<string>() : undefined;
  for (const name of names) {
    const [prefix, local] = qname(name, fail);
    if (prefix === "") continue;
    const uri = scope[prefix];
    if (uri === undefined) fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
    if (!seen) continue;
    const expanded = `{${uri}}${local}`;
    if (seen.has(expanded)) fail(`duplicate attribute: ${expanded}.`);
    seen.add(expanded);
  }
}

/** One object per element, its methods on the prototype: closures per element were a tenth of the reading time. */
class Element implements XmlElement {
  constructor(
    readonly local: string,
    readonly uri: string,
    private readonly attributes: Record<string, string>,
    private readonly scope: Scope,
  ) {}

  get(name: string): string | undefined {
    // A prefixed attribute's key has its colon, so only an unprefixed one is found by a bare name.
    return this.attributes[name];
  }

  getNs(uri: string, name: string): string | undefined {
    for (const key in this.attributes) {
      const colon = key.indexOf(":");
      if (colon === -1 || key.slice(colon + 1) !== name) continue;
      if (this.scope[key.slice(0, colon)] === uri) return this.attributes[key];
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
