/**
 * How a line of boxes fits its measure: natural width, stretch and shrink from the prefix sums
 * of the items (constant time per line, whatever its length), and the adjustment ratio: the
 * fraction of the stretch (positive) or shrink (negative) the word spaces must take to fill the
 * measure exactly (Knuth and Plass 1981, §"The adjustment ratio").
 */
import { Brk, type WordItems } from "./word-items.js";

/** A line: boxes start..end-1; it breaks at joins[end - 1] (none for the paragraph's last line). */
export interface WordBreak {
  start: number;
  end: number;
}

export interface LineFit {
  natural: number;
  stretch: number;
  shrink: number;
}

export function lineFit(items: WordItems, start: number, end: number): LineFit {
  const breakJoin = end < items.boxes.length ? items.joins[end - 1] : undefined;
  const hyphen = breakJoin && breakJoin.brk === Brk.Hyphen ? breakJoin.hyphenWidth : 0;
  const last = end - 1; // joins start..last-1 lie inside the line
  return {
    natural: items.boxSum[end] - items.boxSum[start] + items.joinSum[last] - items.joinSum[start] + hyphen,
    stretch: items.stretchSum[last] - items.stretchSum[start],
    shrink: items.shrinkSum[last] - items.shrinkSum[start],
  };
}

/**
 * The adjustment ratio of a line set to `width`: 0 for a perfect fit, up to 1 when the spaces
 * reach their widest, -1 at their narrowest; Infinity for a short line with nothing to stretch,
 * -Infinity for a long one with nothing to shrink. A last line is not stretched (TeX's
 * \parfillskip): its ratio is 0 unless it must shrink.
 */
export function adjustmentRatio(fit: LineFit, width: number, isLast: boolean): number {
  const slack = width - fit.natural;
  if (Math.abs(slack) < 1e-9) return 0;
  if (slack > 0) {
    if (isLast) return 0;
    return fit.stretch > 0 ? slack / fit.stretch : Infinity;
  }
  return fit.shrink > 0 ? slack / fit.shrink : -Infinity;
}

/**
 * Badness of a ratio: TeX's 100 |r|^3, but not capped at 10,000, so that when no set of lines
 * stays within the tolerance the least loose one still wins; a line with nothing to stretch
 * (one long word) counts as INF_BAD.
 */
export function badness(r: number): number {
  if (!Number.isFinite(r)) return INF_BAD;
  return 100 * Math.abs(r) ** 3;
}

export const INF_BAD = 1e7;
