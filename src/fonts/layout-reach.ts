/**
 * Which glyphs a font's OpenType layout could change (GSUB, GPOS, the old kern table), for a set
 * of features: the glyphs each lookup can start at (its coverage; a context lookup's first input
 * coverage). A text none of whose glyphs any lookup can start at is laid out by any OpenType
 * shaper exactly as its cmap glyphs at their hmtx advances, which is what shape.ts does without
 * fontkit. The sets are supersets on purpose (every script and language system, every lookup of
 * every feature named), so that shortcut is never taken when a lookup might apply.
 */
import type { Sfnt } from "./sfnt.js";

/** A lookup starting at this glyph applies to it alone (substitution, single adjustment, contexts, marks). */
export const ALONE = 1;
/** A lookup starting at this glyph needs a glyph after it (ligatures, pairs, cursive attachment). */
export const BEFORE_ANOTHER = 2;
/** The first glyph of a kerning pair of the kern feature (GPOS pair adjustment that kerning.ts applies). */
export const KERN_PAIR = 4;
/** The left glyph of a pair of the old kern table (kerning.ts applies it when GPOS does not kern). */
export const KERN_TABLE = 8;

/**
 * The features fontkit's default shaper applies to horizontal text (rvrn, ltra, ltrm, ccmp, locl,
 * rlig, mark, mkmk, calt, clig, liga, rclt, curs, kern; frac, numr, dnom around U+2044, which
 * shape.ts never takes the shortcut for).
 */
export const DEFAULT_FEATURES = ["rvrn", "ltra", "ltrm", "ccmp", "locl", "rlig", "mark", "mkmk", "calt", "clig", "liga", "rclt", "curs", "kern", "frac", "numr", "dnom"];

function coverageGlyphs(v: DataView, at: number, out: (gid: number) => void): void {
  if (at <= 0 || at + 4 > v.byteLength) return;
  const format = v.getUint16(at);
  const count = v.getUint16(at + 2);
  if (format === 1) for (let i = 0; i < count; i++) out(v.getUint16(at + 4 + i * 2));
  else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const r = at + 4 + i * 6;
      for (let g = v.getUint16(r), end = v.getUint16(r + 2); g <= end; g++) out(g);
    }
  }
}

/** The coverage a subtable starts at, and whether it needs a following glyph; `undefined`: cannot tell (unknown format). */
function subtableReach(v: DataView, at: number, type: number, gsub: boolean): { coverage: number[]; kind: number } | undefined {
  const format = v.getUint16(at);
  const cov = (off: number) => {
    const out: number[] = [];
    coverageGlyphs(v, at + off, (g) => out.push(g));
    return out;
  };
  if (gsub) {
    switch (type) {
      case 1:
      case 2:
      case 3:
      case 8:
        return { coverage: cov(v.getUint16(at + 2)), kind: ALONE };
      case 4:
        return { coverage: cov(v.getUint16(at + 2)), kind: BEFORE_ANOTHER };
    }
  } else {
    switch (type) {
      case 1:
        return { coverage: cov(v.getUint16(at + 2)), kind: ALONE };
      case 2:
      case 3:
        return { coverage: cov(v.getUint16(at + 2)), kind: BEFORE_ANOTHER };
      case 4:
      case 5:
      case 6:
        return { coverage: cov(v.getUint16(at + 2)), kind: ALONE }; // the mark's coverage
    }
  }
  // contexts: GSUB 5/6, GPOS 7/8
  const context = gsub ? type === 5 : type === 7;
  const chained = gsub ? type === 6 : type === 8;
  if (context || chained) {
    if (format === 1 || format === 2) return { coverage: cov(v.getUint16(at + 2)), kind: ALONE };
    if (format === 3 && context) return { coverage: v.getUint16(at + 2) ? cov(v.getUint16(at + 6)) : [], kind: ALONE };
    if (format === 3 && chained) {
      const backtrack = v.getUint16(at + 2);
      const inputAt = at + 4 + backtrack * 2;
      return { coverage: v.getUint16(inputAt) ? cov(v.getUint16(inputAt + 2)) : [], kind: ALONE };
    }
  }
  return undefined;
}

/** Marks, in `flags` (one byte per glyph), the glyphs the features' lookups of a GSUB or GPOS table can start at. */
function layoutTableReach(table: Uint8Array, gsub: boolean, features: ReadonlySet<string>, flags: Uint8Array): void {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const scriptList = v.getUint16(4);
  const featureList = v.getUint16(6);
  const lookupList = v.getUint16(8);
  const featureCount = v.getUint16(featureList);
  const wanted = new Set<number>();
  // features by tag, and every language system's required feature
  const required = new Set<number>();
  const scripts = v.getUint16(scriptList);
  for (let s = 0; s < scripts; s++) {
    const script = scriptList + v.getUint16(scriptList + 2 + s * 6 + 4);
    const langSyses = [v.getUint16(script), ...Array.from({ length: v.getUint16(script + 2) }, (_, l) => v.getUint16(script + 4 + l * 6 + 4))];
    for (const off of langSyses) if (off) {
      const req = v.getUint16(script + off + 2);
      if (req !== 0xffff) required.add(req);
    }
  }
  // lookups only the kern feature uses, pair adjustments that skip at most marks: kerning.ts applies them
  const byOther = new Set<number>();
  const byKern = new Set<number>();
  for (let f = 0; f < featureCount; f++) {
    const rec = featureList + 2 + f * 6;
    const tag = String.fromCharCode(table[rec], table[rec + 1], table[rec + 2], table[rec + 3]);
    if (!features.has(tag) && !required.has(f)) continue;
    const feature = featureList + v.getUint16(rec + 4);
    const n = v.getUint16(feature + 2);
    for (let i = 0; i < n; i++) {
      const index = v.getUint16(feature + 4 + i * 2);
      wanted.add(index);
      (tag === "kern" && !required.has(f) ? byKern : byOther).add(index);
    }
  }
  const extension = gsub ? 7 : 9;
  for (const index of wanted) {
    const lookup = lookupList + v.getUint16(lookupList + 2 + index * 2);
    const lookupType = v.getUint16(lookup);
    const kernPair = !gsub && byKern.has(index) && !byOther.has(index) && (v.getUint16(lookup + 2) & ~0x8) === 0;
    const count = v.getUint16(lookup + 4);
    for (let i = 0; i < count; i++) {
      let at = lookup + v.getUint16(lookup + 6 + i * 2);
      let type = lookupType;
      if (type === extension) {
        type = v.getUint16(at + 2);
        at += v.getUint32(at + 4);
      }
      const reach = subtableReach(v, at, type, gsub);
      if (!reach) {
        flags.fill(ALONE); // a subtable we cannot read: no shortcut for this font
        return;
      }
      const kind = kernPair && type === 2 ? KERN_PAIR : reach.kind;
      for (const g of reach.coverage) if (g < flags.length) flags[g] |= kind;
    }
  }
}

/**
 * GDEF's mark glyphs: fontkit zeroes a mark's advance after positioning whatever its character
 * is, so a text with one never takes the shortcut.
 */
function gdefMarks(table: Uint8Array, flags: Uint8Array): void {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const at = v.getUint16(4); // glyphClassDef
  if (!at) return;
  const format = v.getUint16(at);
  if (format === 1) {
    const start = v.getUint16(at + 2);
    const count = v.getUint16(at + 4);
    for (let i = 0; i < count; i++) if (v.getUint16(at + 6 + i * 2) === 3 && start + i < flags.length) flags[start + i] |= ALONE;
  } else if (format === 2) {
    const count = v.getUint16(at + 2);
    for (let i = 0; i < count; i++) {
      const r = at + 4 + i * 6;
      if (v.getUint16(r + 4) !== 3) continue;
      for (let g = v.getUint16(r), end = v.getUint16(r + 2); g <= end && g < flags.length; g++) flags[g] |= ALONE;
    }
  }
}

/** The old kern table (version 0, format 0): every left glyph of a pair (other versions and formats: no shortcut). */
function kernReach(table: Uint8Array, flags: Uint8Array): void {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  if (v.getUint16(0) !== 0) {
    flags.fill(BEFORE_ANOTHER); // Apple's kern table: no shortcut for texts of two glyphs or more
    return;
  }
  const n = v.getUint16(2);
  let at = 4;
  for (let s = 0; s < n && at + 6 <= v.byteLength; s++) {
    const length = v.getUint16(at + 2);
    const format = v.getUint8(at + 4);
    if (format !== 0) {
      flags.fill(BEFORE_ANOTHER);
      return;
    }
    const pairs = v.getUint16(at + 6);
    for (let p = 0; p < pairs; p++) {
      const left = v.getUint16(at + 14 + p * 6);
      if (left < flags.length) flags[left] |= KERN_TABLE;
    }
    at += length;
  }
}

/**
 * One byte per glyph: ALONE and BEFORE_ANOTHER bits for the glyphs the font's layout tables
 * could change when shaping with `features` on top of the default ones.
 */
export function layoutReach(font: Sfnt, features: readonly string[]): Uint8Array {
  const flags = new Uint8Array(font.numGlyphs);
  // AAT layout (morx) and variable fonts: fontkit takes other paths; no shortcut at all
  if (font.has("morx") || font.has("mort") || font.has("fvar")) return flags.fill(ALONE | BEFORE_ANOTHER);
  const tags = new Set([...DEFAULT_FEATURES, ...features]);
  try {
    const gsub = font.table("GSUB");
    if (gsub) layoutTableReach(gsub, true, tags, flags);
    const gpos = font.table("GPOS");
    if (gpos) layoutTableReach(gpos, false, tags, flags);
    const kern = font.table("kern");
    if (kern) kernReach(kern, flags);
    const gdef = font.table("GDEF");
    if (gdef) gdefMarks(gdef, flags);
  } catch {
    flags.fill(ALONE | BEFORE_ANOTHER); // a table we misread: no shortcut
  }
  return flags;
}
