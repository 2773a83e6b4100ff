import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * HarfBuzz's subsetter (harfbuzzjs's dist/harfbuzz-subset.wasm, a module of its own with no
 * imports and no JavaScript wrapper): a face cut down to the glyphs of the characters asked for,
 * with their layout rules (kerning, ligatures and the glyphs they reach) kept, so that Word and
 * LibreOffice set the kept text as the whole face would. It takes about 1 ms a face once warm;
 * compiling and instantiating the module about 10 ms, once per thread. Left to V8's defaults, its
 * hot functions are then compiled again by the optimising tier in the background, about 0.3 s of
 * CPU and 30 MB that the process waits for before it exits: a build keeps WebAssembly on
 * the baseline compiler (--liftoff-only, commands/renderers.ts).
 */
interface SubsetExports {
  memory: { readonly buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** The global WebAssembly, as much of it as is used here: @types/node 20 does not declare it. */
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
};

/** hb_memory_mode_t: HarfBuzz may read the bytes where they are (they are ours until the face is gone). */
const HB_MEMORY_MODE_WRITABLE = 2;
/** hb_subset_sets_t: the name table's records to keep. */
const HB_SUBSET_SETS_NAME_ID = 4;

const require = createRequire(import.meta.url);
let loading: Promise<SubsetExports> | undefined;

/**
 * Compiles and instantiates the subsetter, once per thread. The file is found by Node's own
 * resolution first, so a missing one is "Cannot find module" (a damaged installation, one line).
 */
function subsetter(): Promise<SubsetExports> {
  loading ??= (async () => {
    const path = require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(path), {});
    const exports = instance.exports as unknown as SubsetExports;
    exports._initialize();
    return exports;
  })();
  return loading;
}

/**
 * `face` (TrueType bytes) with only the glyphs `codepoints` need. Every record of the name table
 * is kept (HarfBuzz keeps the first seven by default): the copyright, and the licence the SIL Open
 * Font License asks to travel with the font, among them.
 */
export async function subsetFace(face: Uint8Array, codepoints: Iterable<number>): Promise<Uint8Array> {
  const hb = await subsetter();
  const bytes = hb.malloc(face.length);
  new Uint8Array(hb.memory.buffer).set(face, bytes);
  const blob = hb.hb_blob_create(bytes, face.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const source = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  let subset = 0;
  try {
    if (!input) throw new Error("HarfBuzz could not make a subset input");
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codepoint of codepoints) hb.hb_set_add(unicodes, codepoint);
    const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    hb.hb_set_clear(names);
    hb.hb_set_invert(names);
    subset = hb.hb_subset_or_fail(source, input);
    if (!subset) throw new Error("HarfBuzz could not subset the embedded font");
    const out = hb.hb_face_reference_blob(subset);
    const length = hb.hb_blob_get_length(out);
    // Copied out before anything else can grow (and so move) the module's memory.
    const result = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(out, 0), length).slice();
    hb.hb_blob_destroy(out);
    if (length === 0) throw new Error("HarfBuzz made an empty subset of the embedded font");
    return result;
  } finally {
    if (subset) hb.hb_face_destroy(subset);
    if (input) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(source);
    hb.free(bytes);
  }
}
