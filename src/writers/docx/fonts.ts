/**
 * Embedded fonts: the faces the document uses, each cut down to the glyphs of the document's text
 * (hb-subset), handed to docx's `fonts` option, which obfuscates them (ECMA-376 Part 1 §17.8.1)
 * and writes word/fontTable.xml with w:embedRegular / w:embedBold. Faces of weight 600 and up are
 * embedded as the bold member of their family, so `w:b` runs find them instead of a synthetic bold.
 */
import { CharacterSet } from "docx";
import type { Face } from "../../fonts/registry.js";
import type { Document } from "../../model/types.js";
import { textPieces } from "../../layout/roles.js";
import type { Style } from "../../style/style.js";
import type { FaceSet } from "../../typeset/index.js";
import { subsetFont } from "./hb-subset.js";

type Weight = "regular" | "bold";

/** Code points the document sets at each weight, headers, footers and page numbers included (layout/roles.ts textPieces). */
export function codePointsByWeight(doc: Document, style: Style): Record<Weight, Set<number>> {
  const out: Record<Weight, Set<number>> = { regular: new Set(), bold: new Set() };
  for (const piece of textPieces(doc, style)) {
    for (const span of piece.spans) {
      for (const ch of span.text) {
        const cp = ch.codePointAt(0)!;
        if (cp >= 0x20) out[span.weight].add(cp);
      }
    }
  }
  out.regular.add(0x20);
  return out;
}

/** Subsets by face id and code point set: each is cut once per process. */
const subsets = new Map<string, Uint8Array>();

export function faceSubset(face: Face, codePoints: Set<number>): Uint8Array {
  const cps = [...codePoints].filter((cp) => face.font.hasGlyphForCodePoint(cp)).sort((a, b) => a - b);
  const key = `${face.id}\u0000${String.fromCodePoint(...cps)}`;
  let bytes = subsets.get(key);
  if (!bytes) subsets.set(key, (bytes = subsetFont(face.bytes, cps)));
  return bytes;
}

export interface EmbeddedFamily {
  name: string;
  cjk: boolean;
  regular?: Uint8Array;
  bold?: Uint8Array;
}

/**
 * The families to embed. Every face gets all the code points set at its weight (not only those
 * it sets in undoc's own typesetting): Word and LibreOffice may give neutral characters such as
 * digits, brackets and quotes to either the East Asian or the Latin font.
 */
export function embeddedFamilies(doc: Document, style: Style, faces: FaceSet): EmbeddedFamily[] {
  const cps = codePointsByWeight(doc, style);
  const byFace = new Map<Face, Set<number>>();
  for (const weight of ["regular", "bold"] as const) {
    for (const face of [faces[weight].cjk, faces[weight].latin]) {
      const set = byFace.get(face) ?? new Set<number>();
      for (const cp of cps[weight]) set.add(cp);
      byFace.set(face, set);
    }
  }
  const families = new Map<string, EmbeddedFamily>();
  for (const [face, set] of byFace) {
    const family = families.get(face.family) ?? { name: face.family, cjk: face.script === "cjk" };
    const slot = face.weight >= 600 ? "bold" : "regular";
    if (!family[slot]) family[slot] = faceSubset(face, set);
    families.set(face.family, family);
  }
  return [...families.values()];
}

/**
 * docx `fonts` option entries. docx writes the font table and its relationships; the font parts
 * themselves it gets as small placeholders naming the face (an index into `faces`), which the
 * packing step swaps for the subset, so docx never deflates the fonts only to have them unzipped.
 * (docx types `data`, the regular face, as required; a bold-only family has none.)
 */
export function docxFontOptions(families: EmbeddedFamily[]): { options: FontOption[]; faces: Uint8Array[] } {
  const faces: Uint8Array[] = [];
  const placeholder = (bytes: Uint8Array) => Buffer.from(fontPlaceholder(faces.push(bytes) - 1));
  const options = families.map((f) => ({
    name: f.name,
    data: f.regular ? placeholder(f.regular) : (undefined as unknown as Buffer),
    ...(f.bold ? { bold: placeholder(f.bold) } : {}),
    characterSet: f.cjk ? CharacterSet.GB_2312 : CharacterSet.ANSI,
  }));
  return { options, faces };
}

type FontOption = { name: string; data: Buffer; bold?: Buffer; characterSet?: (typeof CharacterSet)[keyof typeof CharacterSet] };

const PLACEHOLDER = "undoc font placeholder ";

/** 64 bytes: longer than the 32 that obfuscation touches. */
export function fontPlaceholder(index: number): Uint8Array {
  const out = new Uint8Array(64);
  out.set(new TextEncoder().encode(`${PLACEHOLDER}${index}`));
  return out;
}

/** The face index of a placeholder, or undefined for any other data. */
export function placeholderIndex(data: Uint8Array): number | undefined {
  if (data.length !== 64) return undefined;
  const m = new RegExp(`^${PLACEHOLDER}(\\d+)\u0000`).exec(new TextDecoder().decode(data));
  return m ? Number(m[1]) : undefined;
}
