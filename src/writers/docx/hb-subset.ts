/**
 * Font subsetting with HarfBuzz's hb-subset (harfbuzzjs ships it as a standalone WebAssembly
 * module with no imports). The module is instantiated once per process, each face's bytes are
 * copied into it once, and each (face, code point set) subset is computed once.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// The project compiles without the DOM library, which declares WebAssembly; Node has it.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

interface HbExports {
  memory: { buffer: ArrayBuffer };
  _initialize?: () => void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_length(b: number): number;
  hb_blob_get_data(b: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
/** hb_subset_sets_t */
const SETS_LAYOUT_FEATURE_TAG = 6;
/** hb_subset_flags_t: keep the font's hinting (Liberation's fpgm/prep/cvt), drop glyph names */
const FLAGS = 0;
/**
 * OpenType features kept besides hb-subset's default list: width variants (hwid, fwid, halt,
 * palt: half-width digits and punctuation, full-width middle dot) and vertical forms (vert, vrt2).
 */
export const EXTRA_FEATURES = ["hwid", "fwid", "halt", "palt", "vert", "vrt2", "vhal", "vpal"];

let hb: HbExports | undefined;
function harfbuzz(): HbExports {
  if (!hb) {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    hb = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports as unknown as HbExports;
    hb._initialize?.();
  }
  return hb;
}

const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

/** hb faces by font bytes: the bytes are copied into the wasm heap once and kept. */
const faces = new WeakMap<Uint8Array, number>();
function hbFace(bytes: Uint8Array): number {
  let face = faces.get(bytes);
  if (face === undefined) {
    const h = harfbuzz();
    const ptr = h.malloc(bytes.length);
    new Uint8Array(h.memory.buffer).set(bytes, ptr);
    const blob = h.hb_blob_create(ptr, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
    face = h.hb_face_create(blob, 0);
    h.hb_blob_destroy(blob); // the face keeps its own reference
    faces.set(bytes, face);
  }
  return face;
}

/** The subset of `bytes` (a TrueType or OpenType font) holding the glyphs of `codePoints`. */
export function subsetFont(bytes: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const h = harfbuzz();
  const face = hbFace(bytes);
  const input = h.hb_subset_input_create_or_fail();
  if (!input) throw new Error("hb-subset: cannot create the subset input");
  try {
    const unicodes = h.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) h.hb_set_add(unicodes, cp);
    const features = h.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG);
    for (const f of EXTRA_FEATURES) h.hb_set_add(features, tag(f));
    h.hb_subset_input_set_flags(input, h.hb_subset_input_get_flags(input) | FLAGS);
    const subset = h.hb_subset_or_fail(face, input);
    if (!subset) throw new Error("hb-subset failed");
    const blob = h.hb_face_reference_blob(subset);
    try {
      const data = h.hb_blob_get_data(blob, 0);
      const length = h.hb_blob_get_length(blob);
      return new Uint8Array(h.memory.buffer).slice(data, data + length);
    } finally {
      h.hb_blob_destroy(blob);
      h.hb_face_destroy(subset);
    }
  } finally {
    h.hb_subset_input_destroy(input);
  }
}
