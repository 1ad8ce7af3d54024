/**
 * Pair kerning as fontkit applies it, from the font's own tables: GPOS pair adjustment (lookup
 * type 2) of the `kern` feature of the script fontkit selects for a text, or, when that script's
 * language system has no `kern` feature, the old kern table (version 0, format 0). Only fonts
 * whose kerning is this simple are kerned here (layout-reach.ts marks the glyphs); shape.ts hands
 * anything else to fontkit. tests/fonts/sfnt.test.ts compares the results with fontkit's.
 */
import type { Sfnt } from "./sfnt.js";

export interface Adjustment {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

type View = DataView;

function coverageIndex(v: View, at: number, glyph: number): number {
  const format = v.getUint16(at);
  const count = v.getUint16(at + 2);
  let lo = 0;
  let hi = count - 1;
  if (format === 1) {
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = v.getUint16(at + 4 + mid * 2);
      if (glyph < g) hi = mid - 1;
      else if (glyph > g) lo = mid + 1;
      else return mid;
    }
  } else if (format === 2) {
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = at + 4 + mid * 6;
      if (glyph < v.getUint16(r)) hi = mid - 1;
      else if (glyph > v.getUint16(r + 2)) lo = mid + 1;
      else return v.getUint16(r + 4) + glyph - v.getUint16(r);
    }
  }
  return -1;
}

/** fontkit's getClassID: the glyph's class, 0 when the ClassDef does not list it. */
function classOf(v: View, at: number, glyph: number): number {
  const format = v.getUint16(at);
  if (format === 1) {
    const start = v.getUint16(at + 2);
    const count = v.getUint16(at + 4);
    const i = glyph - start;
    return i >= 0 && i < count ? v.getUint16(at + 6 + i * 2) : 0;
  }
  if (format === 2) {
    const count = v.getUint16(at + 2);
    for (let i = 0; i < count; i++) {
      const r = at + 4 + i * 6;
      if (v.getUint16(r) <= glyph && glyph <= v.getUint16(r + 2)) return v.getUint16(r + 4);
    }
  }
  return 0;
}

const valueSize = (format: number) => {
  let n = 0;
  for (let b = format & 0xff; b; b >>= 1) n += b & 1;
  return n * 2;
};

/** Adds a value record (placement and advance; device tables are for variable fonts) to a position. */
function applyValue(v: View, at: number, format: number, to: Adjustment): void {
  let p = at;
  if (format & 1) (to.xOffset += v.getInt16(p)), (p += 2);
  if (format & 2) (to.yOffset += v.getInt16(p)), (p += 2);
  if (format & 4) (to.xAdvance += v.getInt16(p)), (p += 2);
  if (format & 8) to.yAdvance += v.getInt16(p);
}

/** A PairPos subtable applied at (left, right): whether it applied (fontkit moves to the next glyph when one does). */
function applyPair(v: View, at: number, left: number, right: number, first: Adjustment, second: Adjustment): boolean {
  const format = v.getUint16(at);
  const index = coverageIndex(v, at + v.getUint16(at + 2), left);
  if (index < 0) return false;
  const f1 = v.getUint16(at + 4);
  const f2 = v.getUint16(at + 6);
  const s1 = valueSize(f1);
  const s2 = valueSize(f2);
  if (format === 1) {
    if (index >= v.getUint16(at + 8)) return false;
    const set = at + v.getUint16(at + 10 + index * 2);
    const count = v.getUint16(set);
    const size = 2 + s1 + s2;
    for (let i = 0; i < count; i++) {
      const r = set + 2 + i * size;
      if (v.getUint16(r) === right) {
        applyValue(v, r + 2, f1, first);
        applyValue(v, r + 2 + s1, f2, second);
        return true;
      }
    }
    return false;
  }
  if (format === 2) {
    const c1 = classOf(v, at + v.getUint16(at + 8), left);
    const c2 = classOf(v, at + v.getUint16(at + 10), right);
    const count1 = v.getUint16(at + 12);
    const count2 = v.getUint16(at + 14);
    if (c1 >= count1 || c2 >= count2) return true; // fontkit finds no record and applies nothing
    const r = at + 16 + (c1 * count2 + c2) * (s1 + s2);
    applyValue(v, r, f1, first);
    applyValue(v, r + s1, f2, second);
    return true;
  }
  return false;
}

interface ScriptKerning {
  /** GPOS pair subtables of the kern feature, by lookup in index order; undefined: the script has no kern feature */
  subtables?: number[][];
}

export interface FontKerning {
  gpos?: View;
  /** per selected script tag */
  scripts: Map<string, ScriptKerning>;
  /** the old kern table's pairs (left << 16 | right -> value), summed over its subtables */
  table?: Map<number, number>;
  /** the kern table has subtables fontkit reads that this does not (kerning by them: fontkit) */
  tableUnsupported: boolean;
}

const DEFAULT_SCRIPTS = ["DFLT", "dflt", "latn"];

/** The OpenType tag fontkit gives a text's script: its first character of a script other than Common and Inherited. */
export function scriptTag(text: string): string {
  for (const ch of text) {
    if (/\p{Script=Latin}/u.test(ch)) return "latn";
    if (/\p{Script=Han}/u.test(ch)) return "hani";
    if (/\p{Script=Cyrillic}/u.test(ch)) return "cyrl";
    if (/\p{Script=Greek}/u.test(ch)) return "grek";
    if (/\p{Script=Hiragana}/u.test(ch)) return "hira";
    if (/\p{Script=Katakana}/u.test(ch)) return "kana";
    if (/\p{Script=Bopomofo}/u.test(ch)) return "bopo";
  }
  return "zzzz";
}

const cache = new WeakMap<Sfnt, FontKerning>();

export function fontKerning(font: Sfnt): FontKerning {
  let k = cache.get(font);
  if (k) return k;
  k = { scripts: new Map(), tableUnsupported: false };
  const gpos = font.table("GPOS");
  if (gpos) k.gpos = new DataView(gpos.buffer, gpos.byteOffset, gpos.byteLength);
  const kern = font.table("kern");
  if (kern) {
    const v = new DataView(kern.buffer, kern.byteOffset, kern.byteLength);
    const pairs = new Map<number, number>();
    if (v.getUint16(0) !== 0) k.tableUnsupported = true;
    else {
      let at = 4;
      for (let s = 0; s < v.getUint16(2) && at + 6 <= v.byteLength; s++) {
        const length = v.getUint16(at + 2);
        const coverage = v.getUint16(at + 4);
        const format = coverage >> 8;
        const horizontal = coverage & 1;
        const override = coverage & 8;
        const crossStream = coverage & 4;
        if (!crossStream && horizontal) {
          if (format !== 0) k.tableUnsupported = true;
          else {
            // fontkit sums each subtable's value (0 when a subtable lacks the pair), or takes the last overriding one
            const n = v.getUint16(at + 6);
            const here = new Map<number, number>();
            for (let p = 0; p < n; p++) {
              const r = at + 14 + p * 6;
              here.set((v.getUint16(r) << 16) | v.getUint16(r + 2), v.getInt16(r + 4));
            }
            if (override) {
              // an overriding subtable sets every pair to its value, 0 for pairs it lacks: not modelled
              k.tableUnsupported = true;
            }
            for (const [key, val] of here) pairs.set(key, (pairs.get(key) ?? 0) + val);
          }
        }
        at += length;
      }
    }
    k.table = pairs;
  }
  cache.set(font, k);
  return k;
}

/** The kern feature of the GPOS script fontkit selects for `tag`: its pair subtables, or undefined when it has none. */
function scriptKerning(k: FontKerning, tag: string): ScriptKerning {
  let s = k.scripts.get(tag);
  if (s) return s;
  s = {};
  const v = k.gpos;
  if (v) {
    const scriptList = v.getUint16(4);
    const featureList = v.getUint16(6);
    const lookupList = v.getUint16(8);
    const count = v.getUint16(scriptList);
    const find = (t: string) => {
      for (let i = 0; i < count; i++) {
        const rec = scriptList + 2 + i * 6;
        const name = String.fromCharCode(v.getUint8(rec), v.getUint8(rec + 1), v.getUint8(rec + 2), v.getUint8(rec + 3));
        if (name === t) return scriptList + v.getUint16(rec + 4);
      }
      return undefined;
    };
    let script = find(tag);
    for (const d of DEFAULT_SCRIPTS) script ??= find(d);
    const langSys = script !== undefined && v.getUint16(script) ? script + v.getUint16(script) : undefined;
    if (langSys !== undefined) {
      // the language system's features by tag, the last of a tag winning (fontkit's feature table)
      let kern: number | undefined;
      const n = v.getUint16(langSys + 4);
      for (let i = 0; i < n; i++) {
        const f = v.getUint16(langSys + 6 + i * 2);
        const rec = featureList + 2 + f * 6;
        const name = String.fromCharCode(v.getUint8(rec), v.getUint8(rec + 1), v.getUint8(rec + 2), v.getUint8(rec + 3));
        if (name === "kern") kern = featureList + v.getUint16(rec + 4);
      }
      if (kern !== undefined) {
        const indices = Array.from({ length: v.getUint16(kern + 2) }, (_, i) => v.getUint16(kern + 4 + i * 2)).sort((a, b) => a - b);
        s.subtables = [...new Set(indices)].map((index) => pairSubtables(v, lookupList + v.getUint16(lookupList + 2 + index * 2)));
      }
    }
  }
  k.scripts.set(tag, s);
  return s;
}

/** A lookup's pair subtables (resolving extensions); other subtables are none of kerning's business here. */
export function pairSubtables(v: View, lookup: number): number[] {
  const type = v.getUint16(lookup);
  const out: number[] = [];
  for (let i = 0; i < v.getUint16(lookup + 4); i++) {
    let at = lookup + v.getUint16(lookup + 6 + i * 2);
    let t = type;
    if (t === 9) {
      t = v.getUint16(at + 2);
      at += v.getUint32(at + 4);
    }
    if (t === 2) out.push(at);
  }
  return out;
}

/**
 * Kerns `glyphs` in place of fontkit: adjusts `positions` (font units). Returns false when the
 * kerning that applies is one this does not model (the caller asks fontkit).
 */
export function kern(font: Sfnt, text: string, glyphs: readonly number[], positions: Adjustment[]): boolean {
  if (glyphs.length < 2) return true;
  const k = fontKerning(font);
  const s = scriptKerning(k, scriptTag(text));
  if (s.subtables) {
    const v = k.gpos!;
    for (const subtables of s.subtables) {
      for (let i = 0; i + 1 < glyphs.length; i++) {
        for (const at of subtables) if (applyPair(v, at, glyphs[i], glyphs[i + 1], positions[i], positions[i + 1])) break;
      }
    }
    return true;
  }
  if (k.table) {
    if (k.tableUnsupported) return false;
    for (let i = 0; i + 1 < glyphs.length; i++) positions[i].xAdvance += k.table.get((glyphs[i] << 16) | glyphs[i + 1]) ?? 0;
  }
  return true;
}
