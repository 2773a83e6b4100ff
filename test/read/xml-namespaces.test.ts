import { SaxesParser, type SaxesTagNS } from "saxes";
import { describe, expect, it } from "vitest";
import { parseXml } from "../../src/read/xml.js";

// parseXml resolves namespace prefixes itself (saxes runs without its namespace mode, which was a
// quarter of the reading): each case gives the elements and attributes as read, or a refusal, and
// saxes's own namespace mode must read the same part the same way.
const M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

type Read = { element: string; id?: string | undefined; bare?: string | undefined }[] | "refused";

function ours(xml: string): Read {
  const read: Exclude<Read, "refused"> = [];
  try {
    parseXml(Buffer.from(xml), "xl/part.xml", "return.xlsx", {
      open: (e) => read.push({ element: `{${e.uri}}${e.local}`, id: e.getNs(R, "id"), bare: e.get("id") }),
    });
  } catch {
    return "refused";
  }
  return read;
}

function saxesNs(xml: string): Read {
  const read: Exclude<Read, "refused"> = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (raw) => {
    const tag = raw as SaxesTagNS;
    const attributes = Object.values(tag.attributes);
    const id = attributes.find((a) => a.local === "id" && a.uri === R)?.value;
    const bare = attributes.find((a) => a.name === "id")?.value;
    read.push({ element: `{${tag.uri}}${tag.local}`, id, bare });
  });
  try {
    parser.write(xml).close();
  } catch {
    return "refused";
  }
  return read;
}

const cases: { name: string; xml: string; read: Read }[] = [
  {
    name: "the default namespace and r:id",
    xml: `<sheets xmlns="${M}" xmlns:r="${R}"><sheet r:id="rId1" id="7"/></sheets>`,
    read: [
      { element: `{${M}}sheets`, id: undefined, bare: undefined },
      { element: `{${M}}sheet`, id: "rId1", bare: "7" },
    ],
  },
  {
    name: "other prefixes for both, declared on the element itself",
    xml: `<x:sheets xmlns:x="${M}"><x:sheet xmlns:rel="${R}" rel:id="rId2"/><x:sheet rel2:id="z" xmlns:rel2="${R}"/></x:sheets>`,
    read: [
      { element: `{${M}}sheets`, id: undefined, bare: undefined },
      { element: `{${M}}sheet`, id: "rId2", bare: undefined },
      { element: `{${M}}sheet`, id: "z", bare: undefined },
    ],
  },
  {
    name: "a declaration holds inside its element only",
    xml: `<a xmlns="urn:a"><b xmlns="${M}"><c/></b><d/><e xmlns=""/></a>`,
    read: [
      { element: "{urn:a}a" },
      { element: `{${M}}b` },
      { element: `{${M}}c` },
      { element: "{urn:a}d" },
      { element: "{}e" },
    ].map((r) => ({ ...r, id: undefined, bare: undefined })),
  },
  { name: "an unbound element prefix", xml: `<x:a/>`, read: "refused" },
  { name: "a prefix bound only inside a sibling", xml: `<a><b xmlns:x="urn:x"/><x:c/></a>`, read: "refused" },
  { name: "an unbound attribute prefix", xml: `<a q:id="1"/>`, read: "refused" },
  {
    name: "one attribute twice under two prefixes",
    xml: `<a xmlns:p="${R}" xmlns:q="${R}" p:id="1" q:id="2"/>`,
    read: "refused",
  },
  { name: "a prefix undeclared in XML 1.0", xml: `<a xmlns:p=""/>`, read: "refused" },
  { name: "xml bound elsewhere", xml: `<a xmlns:xml="urn:x"/>`, read: "refused" },
  { name: "xmlns declared", xml: `<a xmlns:xmlns="urn:x"/>`, read: "refused" },
  {
    name: "the xmlns namespace as the default",
    xml: `<a xmlns="http://www.w3.org/2000/xmlns/"/>`,
    read: "refused",
  },
  {
    name: "the xml namespace under another prefix",
    xml: `<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>`,
    read: "refused",
  },
  { name: "an element named with the xmlns prefix", xml: `<xmlns:a/>`, read: "refused" },
  { name: "a name with two colons", xml: `<a xmlns:p="urn:p"><p:b:c/></a>`, read: "refused" },
  { name: "an attribute with an empty prefix", xml: `<a :id="1"/>`, read: "refused" },
  { name: "an attribute with an empty local name", xml: `<a xmlns:p="urn:p" p:="1"/>`, read: "refused" },
  {
    name: "xml:space, bound from the start",
    xml: `<a xml:space="preserve"/>`,
    read: [{ element: "{}a", id: undefined, bare: undefined }],
  },
];

describe("namespace prefixes, resolved by the reader", () => {
  it.each(cases)("$name", ({ xml, read }) => {
    expect(ours(xml)).toEqual(read);
    expect(saxesNs(xml)).toEqual(read);
  });
});
