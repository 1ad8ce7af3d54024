/**
 * First fit for words, as Word breaks Latin text: each line takes as many words as fit at their
 * natural spacing; when the next word does not fit it is hyphenated at its last point that fits,
 * but only if the line would otherwise leave at least the hyphenation zone empty (Word's
 * w:hyphenationZone) and the consecutive-hyphen limit allows (w:consecutiveHyphenLimit).
 * Kept for ragged (non-justified) text and for comparison with optimum fit.
 */
import { EPSILON } from "./break-lines.js";
import { lineFit, type WordBreak } from "./word-fit.js";
import { Brk, type WordItems } from "./word-items.js";

export interface FirstFitOptions {
  hyphenate: boolean;
  /** hyphenate only when the line would otherwise end this far short of the measure (points) */
  hyphenationZone: number;
  maxConsecutiveHyphens: number;
}

export function firstFit(items: WordItems, widthOf: (line: number) => number, o: FirstFitOptions): WordBreak[] {
  const n = items.boxes.length;
  const out: WordBreak[] = [];
  let start = 0;
  let hyphens = 0;
  while (start < n) {
    const width = widthOf(out.length) + EPSILON;
    let whole = -1; // furthest break that fits without hyphenating
    let any = -1; // furthest break that fits, hyphenation points included
    let first = -1; // the first break at all (a line must take something)
    for (let end = start + 1; end <= n; end++) {
      const join = end < n ? items.joins[end - 1] : undefined;
      if (join && join.brk === Brk.None) continue;
      if (first < 0) first = end;
      const fit = lineFit(items, start, end);
      const hyphenWidth = join && join.brk === Brk.Hyphen ? join.hyphenWidth : 0;
      if (fit.natural - hyphenWidth > width) break; // the text alone no longer fits: nothing further will
      if (fit.natural > width) continue;
      if (join && join.brk === Brk.Hyphen) any = end;
      else whole = any = end;
    }
    let end = whole;
    if (any > whole && o.hyphenate && hyphens < o.maxConsecutiveHyphens) {
      const left = whole > start ? widthOf(out.length) - lineFit(items, start, whole).natural : Infinity;
      if (left >= o.hyphenationZone) end = any;
    }
    if (end <= start) end = any > start ? any : first; // nothing fits whole: hyphenate, or overflow
    out.push({ start, end });
    const join = end < n ? items.joins[end - 1] : undefined;
    hyphens = join && join.flagged ? hyphens + 1 : 0;
    start = end;
  }
  return out;
}
