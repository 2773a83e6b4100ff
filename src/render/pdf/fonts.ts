import { createRequire } from "node:module";
import { BOLD, FACE_FILES, REGULAR } from "../layout/type.js";
import { internals, type EmbeddedFont, type FontkitFont } from "./pdfkit-internals.js";
import { installShaper } from "./shaper.js";

/** The layout's faces (layout/type.ts), opened in pdfkit so every glyph drawn is embedded. */
const require = createRequire(import.meta.url);

/**
 * What Source Sans 3 cannot draw (emoji, and the symbols among them such as ☎) is drawn in Noto
 * Emoji, monochrome outlines that embed like any TrueType font and give their characters back to
 * text extraction. It is opened only for a document that needs it: its 0.9 MB are not parsed
 * for a report without an emoji.
 */
export const FALLBACK = "NotoEmoji-Regular";
const FALLBACK_MODULE = "@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf";

/** Each face parsed once per process, with the words fontkit has shaped in it, for every document after the first. */
const opened = new Map<string, { font: FontkitFont; layoutCache: EmbeddedFont["layoutCache"] }>();

/**
 * Opens both faces in `doc`. The first document parses the TTF files; later ones (the rest of a
 * batch) get the same fontkit objects and pdfkit's cache of shaped words, so only the subset of
 * glyphs embedded is per document. Nothing cached depends on the document, so the bytes do not
 * depend on what was drawn before.
 *
 * Unshared (a document made with `fontLayoutCache: false`), each face is parsed afresh and shapes
 * every word each time it is measured or drawn: the reference the caches are tested against.
 */
export function openFonts(doc: PDFKit.PDFDocument, shared = true): Map<string, EmbeddedFont> {
  const faces = new Map<string, EmbeddedFont>();
  for (const [name, path] of [
    [REGULAR, FACE_FILES[REGULAR]],
    [BOLD, FACE_FILES[BOLD]],
  ] as const)
    faces.set(name, openFace(doc, name, path, shared));
  return faces;
}

/**
 * The fallback face in `doc`, opened on first use. Found only then, too: a report without an emoji
 * never looks for the file, so an installation without it still makes every such PDF.
 */
export function openFallback(doc: PDFKit.PDFDocument, shared = true): EmbeddedFont {
  const known = shared && opened.has(FALLBACK);
  return openFace(doc, FALLBACK, known ? "" : require.resolve(FALLBACK_MODULE), shared);
}

function openFace(doc: PDFKit.PDFDocument, name: string, path: string, share: boolean): EmbeddedFont {
  const shared = share ? opened.get(name) : undefined;
  const current = internals(doc)._font;
  doc.registerFont(name, (shared?.font ?? path) as string);
  const face = internals(doc.font(name))._font;
  installShaper(face);
  if (shared) face.layoutCache = shared.layoutCache;
  else if (share) opened.set(name, { font: face.font, layoutCache: face.layoutCache });
  // Opening a face selects it; the document goes on in the face it was in.
  if (current) internals(doc)._font = current;
  return face;
}

export { BOLD, REGULAR, SIZE, blockStyle, cellStyle, textColour, type TextStyle } from "../layout/type.js";
