import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readStructure } from "./pdf-structure.js";

/**
 * Reads a PDF back the way assistive technology and a person would: pdfjs's text with its
 * marked-content boundaries (tagged text vs artifacts), the per-page structure tree, and the
 * drawing operators. Nothing here shares code with the renderer.
 */

export interface TextItem {
  text: string;
  x: number;
  /** Baseline, in PDF coordinates (from the bottom of the page). */
  y: number;
  width: number;
  size: number;
  artifact: boolean;
}

export interface StructNode {
  role: string;
  children: StructNode[];
  /** The text of the marked content this node owns directly. */
  text: string;
  /** The element's /Alt (a Figure's alternative text), as pdf.js reads it. */
  alt?: string;
}

export interface PdfPage {
  number: number;
  /** Text inside structure content, in content order, whitespace collapsed. */
  tagged: string;
  /** Text inside artifacts (page footers, repeated header rows). */
  artifact: string;
  items: TextItem[];
  struct: StructNode | null;
  /** Drawing operators outside any marked content (should be none in a tagged PDF). */
  unmarkedDrawing: string[];
}

export interface PdfRead {
  pages: PdfPage[];
  /**
   * The document's whole structure tree (Document > Sect > ...), each element once with its text
   * from every page it has content on: a table row split at a page break is one TR here, where
   * each page's `struct` holds its own piece. No /Alt: a page's tree has that.
   */
  tree: StructNode;
  info: Record<string, unknown>;
  markInfo: { Marked?: boolean } | null;
  /** Raw bytes as latin1: pdfkit writes object dictionaries uncompressed. */
  raw: string;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

type RawItem = {
  type?: string;
  id?: string | null;
  tag?: string;
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
};
type RawNode = { role?: string; type?: string; id?: string; alt?: string; children?: RawNode[] };

const DRAWING = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.fill,
  OPS.stroke,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.constructPath,
]);
const OPEN = new Set<number>([OPS.beginMarkedContent, OPS.beginMarkedContentProps]);
const OP_NAMES = new Map<number, string>(Object.entries(OPS).map(([name, code]) => [code as number, name]));

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const meta = await pdf.getMetadata();
  const pages: PdfPage[] = [];
  /** Each marked-content sequence's text, by "page object number:MCID". */
  const marked = new Map<string, string>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const pageObject = page.ref?.num;
    const tagged: string[] = [];
    const artifact: string[] = [];
    const items: TextItem[] = [];
    const stack: { id: string | null; artifact: boolean; parts: string[] }[] = [];
    for (const item of content.items as RawItem[]) {
      if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
        stack.push({
          id: item.id ?? null,
          artifact: item.tag === "Artifact" || (stack.at(-1)?.artifact ?? false),
          parts: [],
        });
      } else if (item.type === "endMarkedContent") {
        const done = stack.pop()!;
        const text = squash(done.parts.join(""));
        if (done.id) byId.set(done.id, text);
        const mcid = done.id ? /_mc(\d+)$/.exec(done.id)?.[1] : undefined;
        if (mcid !== undefined && pageObject !== undefined) marked.set(`${pageObject}:${mcid}`, text);
        (done.artifact ? artifact : tagged).push(text);
      } else if (item.str !== undefined) {
        const top = stack.at(-1);
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform ?? [];
        if (item.str.trim())
          items.push({
            text: item.str,
            x,
            y,
            width: item.width ?? 0,
            size: Math.hypot(a, b),
            artifact: top?.artifact ?? false,
          });
        if (top) top.parts.push(item.str + (item.hasEOL ? " " : ""));
      }
    }
    const tree = (await page.getStructTree()) as RawNode | null;
    const toNode = (raw: RawNode): StructNode => {
      const kids = raw.children ?? [];
      return {
        role: raw.role ?? "",
        children: kids.filter((k) => k.type !== "content").map(toNode),
        text: squash(
          kids
            .filter((k) => k.type === "content")
            .map((k) => byId.get(k.id ?? "") ?? "")
            .join(" "),
        ),
        ...(raw.alt !== undefined ? { alt: raw.alt } : {}),
      };
    };
    const ops = await page.getOperatorList();
    let depth = 0;
    const unmarkedDrawing: string[] = [];
    ops.fnArray.forEach((fn) => {
      if (OPEN.has(fn)) depth++;
      else if (fn === OPS.endMarkedContent) depth--;
      else if (depth <= 0 && DRAWING.has(fn)) unmarkedDrawing.push(OP_NAMES.get(fn) ?? String(fn));
    });
    if (depth !== 0) unmarkedDrawing.push(`unbalanced marked content (${depth})`);
    pages.push({
      number: n,
      tagged: squash(tagged.join(" ")),
      artifact: squash(artifact.join(" ")),
      items,
      struct: tree ? toNode(tree) : null,
      unmarkedDrawing,
    });
    page.cleanup();
  }
  const markInfo = (await pdf.getMarkInfo()) as PdfRead["markInfo"];
  await pdf.destroy();
  const raw = Buffer.from(bytes).toString("latin1");
  return {
    pages,
    tree: documentTree(raw, marked),
    info: meta.info as Record<string, unknown>,
    markInfo,
    raw,
  };
}

function documentTree(raw: string, marked: ReadonlyMap<string, string>): StructNode {
  const { roots, elements } = readStructure(raw);
  const toNode = (num: number): StructNode => {
    const element = elements.get(num)!;
    const children: StructNode[] = [];
    const text: string[] = [];
    for (const kid of element.kids) {
      if ("element" in kid) children.push(toNode(kid.element));
      else text.push(marked.get(`${kid.page}:${kid.mcid}`) ?? "");
    }
    return { role: element.role, children, text: squash(text.join(" ")) };
  };
  return { role: "StructTreeRoot", children: roots.map(toNode), text: "" };
}

/** Every node of a page's structure tree, depth first. */
export function nodes(root: StructNode | null): StructNode[] {
  if (!root) return [];
  return [root, ...root.children.flatMap(nodes)];
}

/** The text of a node and everything under it. */
export function textOf(node: StructNode): string {
  return squash([node.text, ...node.children.map(textOf)].join(" "));
}

export function count(haystack: string, needle: string | RegExp): number {
  if (typeof needle === "string") return haystack.split(needle).length - 1;
  return [
    ...haystack.matchAll(
      new RegExp(needle.source, needle.flags.includes("g") ? needle.flags : `${needle.flags}g`),
    ),
  ].length;
}

export { squash };
