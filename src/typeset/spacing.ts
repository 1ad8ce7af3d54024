/**
 * Spacing between adjacent units: the CJK/Latin gap and punctuation compression. Both change
 * widths, so the line breaker and the placement use the same functions.
 */
import { blankSide } from "./classify.js";
import type { Unit } from "./units.js";

export interface SpacingOptions {
  /** gap between an ideograph and a Latin letter or digit, in em (Word's autoSpaceDE/autoSpaceDN) */
  cjkLatinGapEm: number;
  /** set adjacent full-width marks to 1.5 em together (clreq §3.1.6; Word's compressPunctuation) */
  compressAdjacentPunctuation: boolean;
  /** let line-end 、，。；：！？ hang into the margin (Word's overflowPunct) */
  hangingPunctuation: boolean;
  /** set an opening bracket or quote at line start half width (clreq §3.1.6); Word does not by default */
  compressLineStart?: boolean;
  /** set a closing mark at line end half width when that makes it fit (clreq §3.1.6); Word does not by default */
  compressLineEnd?: boolean;
}

/** Half-em removed from a mark at the start of a line (its blank left half), or 0. */
export function lineStartSaving(u: Unit, opt: SpacingOptions): number {
  return opt.compressLineStart && u.face.script === "cjk" && !u.multi && blankSide(u.firstChar) === "left" ? u.size / 2 : 0;
}

/** Half-em removed from a mark at the end of a line (its blank right half), or 0. */
export function lineEndSaving(u: Unit, opt: SpacingOptions): number {
  return opt.compressLineEnd && u.face.script === "cjk" && !u.multi && blankSide(u.lastChar) === "right" ? u.size / 2 : 0;
}

const EM_GAP_SIDES = new Set(["ideograph"]);

/**
 * Gap before unit `b` when it follows `a` on the same line (points).
 * Word's automatic spacing adds it between ideographs/kana and Latin letters or digits only:
 * not next to punctuation, and never at a line edge (the caller does not ask there).
 */
export function gapBetween(a: Unit, b: Unit, opt: SpacingOptions): number {
  if (opt.cjkLatinGapEm <= 0) return 0;
  if (a.rise !== b.rise) return 0; // no gap before or after a superscript reference
  const aCjk = EM_GAP_SIDES.has(a.last) && !a.multi;
  const bCjk = EM_GAP_SIDES.has(b.first) && !b.multi;
  const aLatin = a.last === "alnum" && !isCjkFaceUnit(a);
  const bLatin = b.first === "alnum" && !isCjkFaceUnit(b);
  if ((aCjk && bLatin) || (aLatin && bCjk)) return opt.cjkLatinGapEm * Math.max(a.size, b.size);
  return 0;
}

function isCjkFaceUnit(u: Unit): boolean {
  return u.face.script === "cjk";
}

/**
 * Punctuation compression between adjacent full-width marks (clreq §3.1.6): when a mark with a
 * blank right half is followed by another mark, or a mark with a blank left half follows one,
 * half an em is removed. Returns how much the pair is tightened and on which unit.
 */
export function compressionBetween(a: Unit, b: Unit, opt: SpacingOptions): { amount: number; on: "a" | "b" } | null {
  if (!opt.compressAdjacentPunctuation) return null;
  if (a.face.script !== "cjk" || b.face.script !== "cjk") return null;
  const aSide = blankSide(a.lastChar);
  const bSide = blankSide(b.firstChar);
  if (aSide === "none" || bSide === "none") return null;
  if (aSide === "right") return { amount: a.size / 2, on: "a" };
  if (bSide === "left") return { amount: b.size / 2, on: "b" };
  return null;
}

/** Advance change between a and b on one line: gap minus compression (points). */
export function joinBetween(a: Unit, b: Unit, opt: SpacingOptions): number {
  const c = compressionBetween(a, b, opt);
  return gapBetween(a, b, opt) - (c ? c.amount : 0);
}
