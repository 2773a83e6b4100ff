import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { BOLD, FACE_FILES, REGULAR } from "../layout/type.js";
import { subsetFace } from "./font-subset.js";

/**
 * The DOCX is set in the PDF's faces, Source Sans 3 (SIL Open Font License 1.1, which allows
 * embedding, whole or subsetted), embedded in the file, so Word and LibreOffice break lines with
 * the widths the layout measured; a named font they lack (Arial, drawn as Liberation Sans by
 * LibreOffice) is about 8% wider and moves every break.
 *
 * Each face is embedded cut down (font-subset.ts) to the characters of the document and a fixed
 * set an officer editing it is likely to type (TYPED): about 20 KB a face deflated, where the
 * whole faces took about 300 KB and 0.1 s of CPU to deflate. A character outside both is drawn by
 * Word or LibreOffice in a fallback font, as for any font that lacks it. Both faces get the same
 * set: an officer may make any text bold.
 *
 * docx 9.7's own `fonts` option is not used: it embeds a face as "regular" only (no w:embedBold)
 * and obfuscates each with a random key, so the same model would not give the same bytes.
 */
export const FONT_NAME = "Source Sans 3";

export interface EmbeddedFonts {
  /** word/fontTable.xml */
  fontTable: string;
  /** word/_rels/fontTable.xml.rels */
  relationships: string;
  /** The obfuscated faces, by their path in the package. */
  files: Record<string, Uint8Array>;
}

const FACES = [
  ["embedRegular", REGULAR],
  ["embedBold", BOLD],
] as const;

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/**
 * What an officer editing the DOCX is likely to type, kept whether the document uses it or not:
 * printable ASCII, Latin-1 and Latin Extended-A (names and places across Europe: é, ß, ł, ő) and
 * the punctuation word processors put in for them (curly quotes, dashes, ellipsis, bullet, the
 * euro and the minus sign). Measured on September: 20 KB a face deflated, against 10 KB for the
 * document's characters alone, and no time to speak of.
 */
const TYPED: readonly number[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0x17f),
  ...[0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2022, 0x2026],
  ...[0x2030, 0x2032, 0x2033, 0x2039, 0x203a, 0x20ac, 0x2122, 0x2212],
];

/**
 * Every character outside ASCII in `parts` (the package's XML as written, document.xml as its
 * UTF-8 bytes): the text, and the attributes that are drawn too (a list's bullet is w:lvlText's
 * value). The markup itself is ASCII, which TYPED holds already. docx and our tables escape only
 * the five XML entities, which are ASCII; a numeric reference is read as its character all the same.
 */
export function charactersOf(parts: Iterable<string | Uint8Array>): Set<number> {
  const found = new Set<number>();
  const decoder = new TextDecoder();
  for (const part of parts) {
    const xml = typeof part === "string" ? part : decoder.decode(part);
    for (const [character] of xml.matchAll(/[^\0-\x7f]/gu)) found.add(character.codePointAt(0)!);
    for (const [, hex, dec] of xml.matchAll(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g))
      found.add(hex ? Number.parseInt(hex, 16) : Number(dec));
  }
  return found;
}

/** The whole faces, read once per process. */
let wholeFaces: Uint8Array[] | undefined;
/** The last fonts made, by their characters: a batch of months often needs the same again. */
let last: { key: string; fonts: EmbeddedFonts } | undefined;

/** The font table and the faces for a document whose parts are `parts`. */
export async function embeddedFonts(parts: Iterable<string | Uint8Array>): Promise<EmbeddedFonts> {
  const codepoints = [...new Set([...TYPED, ...charactersOf(parts)])].sort((a, b) => a - b);
  const key = codepoints.join(",");
  if (last?.key === key) return last.fonts;
  wholeFaces ??= FACES.map(([, face]) => readFileSync(FACE_FILES[face]));
  const files: Record<string, Uint8Array> = {};
  const elements: string[] = [];
  const relationships: string[] = [];
  for (const [i, [element]] of FACES.entries()) {
    const bytes = await subsetFace(wholeFaces[i]!, codepoints);
    const fontKey = fontKeyOf(bytes);
    const id = `rId${i + 1}`;
    files[`word/fonts/font${i + 1}.odttf`] = obfuscate(bytes, fontKey);
    elements.push(`<w:${element} r:id="${id}" w:fontKey="{${fontKey}}" w:subsetted="1"/>`);
    relationships.push(
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font${i + 1}.odttf"/>`,
    );
  }
  const fonts = {
    fontTable:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:font w:name="${FONT_NAME}"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>${elements.join("")}</w:font>` +
      "</w:fonts>",
    relationships:
      '<?xml version="1.0" encoding="UTF-8"?>' +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join("")}</Relationships>`,
    files,
  };
  last = { key, fonts };
  return fonts;
}

/** A GUID from the face's own bytes: the same face always gets the same key, so the file's bytes do not vary. */
function fontKeyOf(bytes: Uint8Array): string {
  const hex = createHash("sha256").update(bytes).digest("hex").slice(0, 32).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * ECMA-376 Part 2, 11.1 (font obfuscation): the first 32 bytes XORed with the key's 16 bytes,
 * taken from the GUID's last hex pair to its first.
 */
export function obfuscate(bytes: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/-/g, "");
  const keyBytes = Array.from({ length: 16 }, (_, i) =>
    Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16),
  ).reverse();
  const out = Uint8Array.from(bytes);
  for (let i = 0; i < 32; i++) out[i] = out[i]! ^ keyBytes[i % 16]!;
  return out;
}
