import { LIMITS } from "./limits.js";
import { unreadable } from "./read-failures.js";
import { NS, parseXml } from "./xml.js";

/** A relationship from one part to another, its target resolved to a part name. */
export interface Relationship {
  id: string;
  /** The last segment of the type URI: "worksheet", "sharedStrings", "styles", "officeDocument"... */
  kind: string;
  target: string;
}

/**
 * The unzipped parts as an Open Packaging Conventions package: parts found by name ignoring case
 * (OPC part names are case-insensitive, and some generators write "XL/Workbook.xml"), relationships
 * read with whatever prefix their file uses, targets relative or absolute. Also where the limit on
 * XML elements is enforced, before any part is parsed.
 */
export class XlsxPackage {
  private readonly byName = new Map<string, Uint8Array>();
  private readonly originalNames: string[];

  constructor(
    parts: ReadonlyMap<string, Uint8Array>,
    readonly path: string,
  ) {
    this.originalNames = [...parts.keys()];
    let elements = 0;
    for (const [name, data] of parts) {
      const key = name.toLowerCase();
      if (this.byName.has(key))
        throw unreadable(
          "workbook-damaged",
          path,
          `${path} is damaged: it holds two parts named ${JSON.stringify(name)}, differing only in case.`,
        );
      this.byName.set(key, data);
      if (!/\.(xml|rels|vml)$/i.test(name)) continue;
      // About one element per "<"; counted before parsing, so a part of a million tags is never parsed.
      elements += countByte(data, 0x3c);
      if (elements > LIMITS.maxXmlElements) {
        throw unreadable(
          "limit-xml-elements",
          path,
          `${path} holds more than ${LIMITS.maxXmlElements.toLocaleString("en-GB")} XML elements (stopped at ${name}); a return has a few thousand.`,
        );
      }
    }
  }

  /** Every part's name as the zip gives it. */
  partNames(): readonly string[] {
    return this.originalNames;
  }

  part(name: string): Uint8Array | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The relationships of a part ("" for the package's own), in the order the file gives them. */
  relationships(source: string): Relationship[] {
    const slash = source.lastIndexOf("/");
    const relsName = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
    const bytes = this.part(relsName);
    if (!bytes) return [];
    const found: Relationship[] = [];
    parseXml(bytes, relsName, this.path, {
      open: (e) => {
        if (
          e.local !== "Relationship" ||
          e.uri !== NS.packageRelationships ||
          e.get("TargetMode") === "External"
        )
          return;
        const id = e.get("Id");
        const type = e.get("Type");
        const target = resolve(source, e.get("Target") ?? "");
        if (id !== undefined && type !== undefined && target !== undefined)
          found.push({ id, kind: type.slice(type.lastIndexOf("/") + 1), target });
      },
    });
    return found;
  }

  /** The workbook part: the package's officeDocument relationship, else the content types' main part, else the usual name. */
  workbookPart(): string | undefined {
    const office = this.relationships("").find((r) => r.kind === "officeDocument" && this.part(r.target));
    if (office) return office.target;
    const types = this.part("[Content_Types].xml");
    let main: string | undefined;
    if (types) {
      parseXml(types, "[Content_Types].xml", this.path, {
        open: (e) => {
          if (
            main === undefined &&
            e.local === "Override" &&
            e.uri === NS.contentTypes &&
            /\.(sheet|template)\.main\+xml$/i.test(e.get("ContentType") ?? "")
          ) {
            main = resolve("", e.get("PartName") ?? "");
          }
        },
      });
    }
    if (main !== undefined && this.part(main)) return main;
    return this.part("xl/workbook.xml") ? "xl/workbook.xml" : undefined;
  }

  /** What the zip is when it holds no workbook, in the user's terms. */
  refuseAsNotWorkbook(): never {
    const path = this.path;
    const mimetype = this.part("mimetype");
    const kind = this.part("word/document.xml")
      ? "a Word document"
      : this.part("ppt/presentation.xml")
        ? "a PowerPoint presentation"
        : this.part("xl/workbook.bin")
          ? "an Excel binary workbook (.xlsb)"
          : mimetype && new TextDecoder().decode(mimetype).includes("opendocument.spreadsheet")
            ? "an OpenDocument spreadsheet (.ods)"
            : mimetype
              ? "an OpenDocument file"
              : `a zip archive, not a workbook (it holds ${this.names(3)})`;
    throw unreadable("not-a-workbook", path, `${path} is ${kind}, not an Excel workbook (.xlsx).`);
  }

  private names(count: number): string {
    const names = this.originalNames;
    return (
      (names
        .slice(0, count)
        .map((n) => JSON.stringify(n))
        .join(", ") || "nothing") + (names.length > count ? ", ..." : "")
    );
  }
}

/**
 * A relationship's target as a part name: relative to the folder of its source part, or absolute
 * from the package root when it starts with "/"; percent-escapes decoded (a part named
 * "sheet 1.xml" is the target "sheet%201.xml"). Undefined for a target outside the package.
 */
export function resolve(source: string, target: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target, `http://package/${source}`);
  } catch {
    return undefined;
  }
  if (url.host !== "package" || url.protocol !== "http:") return undefined;
  try {
    return decodeURIComponent(url.pathname.slice(1));
  } catch {
    return url.pathname.slice(1);
  }
}

/** A plain loop: Buffer's indexOf, called once per "<", cost several times as much (thousands of calls into C++). */
function countByte(data: Uint8Array, byte: number): number {
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === byte) count++;
  return count;
}
