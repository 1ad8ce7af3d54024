/**
 * Shaping a run of text in a face: its glyphs, their advances and positions. Most text needs no
 * OpenType layout at all: an ideograph, a Chinese punctuation mark or a word of letters no lookup
 * of the face starts at is drawn as its cmap glyph at its hmtx advance. Such text is shaped here
 * from the face's own tables (sfnt.ts); anything else (a glyph a ligature, kerning pair or mark
 * lookup starts at, a script with a shaper of its own, marks, default-ignorable characters, a
 * character the face lacks) goes to fontkit, loaded on first need. The results are the same
 * either way (tests/fonts/shape.test.ts): the shortcut is taken only when layout-reach.ts shows
 * that no lookup can apply.
 */
import type { Face } from "./registry.js";
import { kern } from "./kerning.js";
import { ALONE, BEFORE_ANOTHER, KERN_PAIR, KERN_TABLE, layoutReach } from "./layout-reach.js";
import type { Sfnt } from "./sfnt.js";

export interface ShapedGlyph {
  id: number;
  /** the characters the glyph stands for (a PDF's ToUnicode map) */
  codePoints: number[];
  /** hmtx advance, font units */
  advanceWidth: number;
}

export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface Shaped {
  glyphs: ShapedGlyph[];
  positions: GlyphPosition[];
  /** sum of the advances, font units */
  advanceWidth: number;
}

/**
 * Scripts fontkit sets with its default shaper, left to right: Han, kana, bopomofo, Latin,
 * Greek, Cyrillic and the common characters (punctuation, digits, symbols). Marks, controls,
 * format and private-use characters, default-ignorable ones and the fraction slash (which turns
 * on the frac, numr and dnom features) never take the shortcut.
 */
export const PLAIN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]*$/u;
export const NOT_PLAIN = /[\p{M}\p{C}\p{Default_Ignorable_Code_Point}\u2044]/u;

/**
 * Text all of printable ASCII, CJK ideographs, CJK symbols and punctuation, general punctuation
 * and fullwidth forms: PLAIN and not NOT_PLAIN (tests/fonts/plain.test.ts checks each character),
 * found without those two expressions, whose large classes take ~1 ms to compile in a cold process.
 */
export function commonPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fef) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x2010 && c <= 0x2027) || (c >= 0xff01 && c <= 0xff5e)) continue;
    return false;
  }
  return true;
}

const reaches = new WeakMap<Sfnt, Map<string, Uint8Array>>();

function reachOf(sfnt: Sfnt, features: readonly string[]): Uint8Array {
  let byFeatures = reaches.get(sfnt);
  if (!byFeatures) reaches.set(sfnt, (byFeatures = new Map()));
  const key = features.join(",");
  let reach = byFeatures.get(key);
  if (!reach) byFeatures.set(key, (reach = layoutReach(sfnt, features)));
  return reach;
}

/**
 * `text` shaped from the tables alone, or undefined when it needs fontkit: its glyphs, and their
 * positions when kerning moved any (else every glyph sits at its advance).
 */
function plainShape(sfnt: Sfnt, text: string, features: readonly string[]): { ids: number[]; kerned?: GlyphPosition[] } | undefined {
  if (!sfnt.cmapSupported || (!commonPlain(text) && (!PLAIN.test(text) || NOT_PLAIN.test(text)))) return undefined;
  const reach = reachOf(sfnt, features);
  const ids: number[] = [];
  for (const ch of text) {
    const gid = sfnt.glyphId(ch.codePointAt(0)!);
    if (gid === 0 || reach[gid] & ALONE) return undefined;
    ids.push(gid);
  }
  let pairs = false;
  for (let i = 0; i < ids.length - 1; i++) {
    const r = reach[ids[i]];
    if (r & BEFORE_ANOTHER) return undefined;
    if (r & (KERN_PAIR | KERN_TABLE)) pairs = true;
  }
  if (!pairs) return { ids };
  const kerned = ids.map((gid) => ({ xAdvance: sfnt.advance(gid), yAdvance: 0, xOffset: 0, yOffset: 0 }));
  return kern(sfnt, text, ids, kerned) ? { ids, kerned } : undefined;
}

/** The advance of `text` in font units (what fontkit's layout(text, features).advanceWidth gives). */
export function advanceOf(face: Face, text: string, features: readonly string[] = []): number {
  const sfnt = face.sfnt;
  const plain = sfnt && plainShape(sfnt, text, features);
  if (!plain) return face.font.layout(text, [...features]).advanceWidth;
  let sum = 0;
  if (plain.kerned) for (const p of plain.kerned) sum += p.xAdvance;
  else for (const gid of plain.ids) sum += sfnt.advance(gid);
  return sum;
}

/**
 * The glyph ids of `text` when it is drawn glyph by glyph at the glyphs' advances (shaped from the
 * tables, no lookup applies and no pair is kerned), one per code point; else undefined.
 */
export function unkernedGlyphs(face: Face, text: string): number[] | undefined {
  const sfnt = face.sfnt;
  const plain = sfnt && plainShape(sfnt, text, []);
  return plain && !plain.kerned ? plain.ids : undefined;
}

/** Glyphs and positions of `text` (what fontkit's layout(text, features) gives), font units. */
export function shape(face: Face, text: string, features: readonly string[] = []): Shaped {
  const sfnt = face.sfnt;
  const plain = sfnt && plainShape(sfnt, text, features);
  if (!plain) {
    const run = face.font.layout(text, [...features]);
    return {
      glyphs: run.glyphs.map((g) => ({ id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth })),
      positions: run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })),
      advanceWidth: run.advanceWidth,
    };
  }
  const glyphs: ShapedGlyph[] = [];
  const positions: GlyphPosition[] = [];
  let sum = 0;
  let i = 0;
  for (const ch of text) {
    const gid = plain.ids[i];
    const advanceWidth = sfnt.advance(gid);
    glyphs.push({ id: gid, codePoints: [ch.codePointAt(0)!], advanceWidth });
    const p = plain.kerned?.[i] ?? { xAdvance: advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
    positions.push(p);
    sum += p.xAdvance;
    i++;
  }
  return { glyphs, positions, advanceWidth: sum };
}

/** Does the face map this code point to a glyph? */
export function hasGlyph(face: Face, cp: number): boolean {
  const sfnt = face.sfnt;
  return sfnt?.cmapSupported ? sfnt.glyphId(cp) !== 0 : face.font.hasGlyphForCodePoint(cp);
}
