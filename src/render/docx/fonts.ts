import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { BOLD, FACE_FILES, REGULAR } from "../layout/type.js";

/**
 * The DOCX is set in the PDF's faces, Source Sans 3 (SIL Open Font License 1.1, which allows
 * embedding), embedded in the file, so Word and LibreOffice break lines with the widths the
 * layout measured; a named font they lack (Arial, drawn as Liberation Sans by LibreOffice) is
 * about 8% wider and moves every break. The cost is the two faces, about 300 KB deflated.
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

let embedded: EmbeddedFonts | undefined;

/** Read and obfuscated once per process: the faces never change. */
export function embeddedFonts(): EmbeddedFonts {
  if (embedded) return embedded;
  const files: Record<string, Uint8Array> = {};
  const elements: string[] = [];
  const relationships: string[] = [];
  FACES.forEach(([element, face], i) => {
    const bytes = readFileSync(FACE_FILES[face]);
    const key = fontKey(bytes);
    const id = `rId${i + 1}`;
    files[`word/fonts/font${i + 1}.odttf`] = obfuscate(bytes, key);
    elements.push(`<w:${element} r:id="${id}" w:fontKey="{${key}}"/>`);
    relationships.push(
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font${i + 1}.odttf"/>`,
    );
  });
  embedded = {
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
  return embedded;
}

/** A GUID from the face's own bytes: the same face always gets the same key, so the file's bytes do not vary. */
function fontKey(bytes: Uint8Array): string {
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
