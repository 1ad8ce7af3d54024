/**
 * Optimum fit: Knuth and Plass's total-fit line breaking ("Breaking paragraphs into lines",
 * Software: Practice and Experience 11, 1981), as TeX breaks paragraphs. Every break opportunity
 * is a candidate; for each, the best way to reach it from an earlier break is kept per fitness
 * class; the paragraph takes the sequence with the least total demerits, so one tight line can
 * save the next from wide spaces, which first fit cannot see.
 *
 * Demerits of a line, as TeX: (linePenalty + badness)² + penalty², plus adjDemerits when its
 * fitness class is two apart from the previous line's (tight next to loose), doubleHyphenDemerits
 * when it and the previous line both end in a hyphen, finalHyphenDemerits when the last full line
 * does. A hard limit on consecutive hyphenated lines is kept as part of the node state.
 *
 * The active list is bounded: a node is dropped once a line from it overflows the measure even
 * at its narrowest spaces, so it only ever holds the breaks of about one line back; the work is
 * linear in the length of the paragraph.
 */
import { adjustmentRatio, badness, type WordBreak } from "./word-fit.js";
import { Brk, type WordItems } from "./word-items.js";

export interface OptimumOptions {
  /** the largest badness a line may have (TeX \tolerance: 200, spaces up to ratio 1.26; 100 = ratio 1) */
  tolerance: number;
  linePenalty: number;
  adjDemerits: number;
  doubleHyphenDemerits: number;
  finalHyphenDemerits: number;
  /** at most this many lines in a row may end with a hyphen or dash */
  maxConsecutiveHyphens: number;
}

export const OPTIMUM_DEFAULTS: OptimumOptions = {
  tolerance: 200,
  linePenalty: 10,
  adjDemerits: 10_000,
  doubleHyphenDemerits: 10_000,
  finalHyphenDemerits: 5_000,
  maxConsecutiveHyphens: 3,
};

interface Node {
  /** the next line starts at this box */
  at: number;
  /** lines before this break */
  line: number;
  fitness: number;
  /** lines in a row ending with a hyphen or dash, up to this break */
  hyphens: number;
  demerits: number;
  prev: Node | null;
}

/** Fitness classes: tight, decent, loose, very loose (TeX). */
function fitnessOf(r: number): number {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

/**
 * Breaks the items into lines of widthOf(n) (lines after the first all have widthOf(1), as
 * lineBox gives them); null when no sequence of lines keeps every line's
 * badness within the tolerance (the caller then tries again more tolerantly).
 */
export function optimumFit(items: WordItems, widthOf: (line: number) => number, o: OptimumOptions): WordBreak[] | null {
  const n = items.boxes.length;
  if (n === 0) return [];
  let active: Node[] = [{ at: 0, line: 0, fitness: 1, hyphens: 0, demerits: 0, prev: null }];
  // every line after the first has the same measure (lineBox): two widths serve all
  const firstWidth = widthOf(0);
  const restWidth = widthOf(1);
  // the loosest ratio the tolerance admits (badness 100 r³ <= tolerance)
  const maxRatio = Number.isFinite(o.tolerance) ? Math.cbrt(o.tolerance / 100) : Infinity;
  const slots = 4 * (o.maxConsecutiveHyphens + 1);
  const best: (Node | null)[] = new Array(slots).fill(null);
  let finals: Node[] = [];
  for (let end = 1; end <= n; end++) {
    const isLast = end === n;
    const join = isLast ? undefined : items.joins[end - 1];
    if (join && join.brk === Brk.None) continue;
    const flagged = join ? join.flagged : false;
    const penalty = join ? join.penalty : 0;
    const hyphenWidth = join && join.brk === Brk.Hyphen ? join.hyphenWidth : 0;
    best.fill(null);
    let found = false;
    const kept: Node[] = [];
    const boxEnd = items.boxSum[end];
    const joinEnd = items.joinSum[end - 1];
    const stretchEnd = items.stretchSum[end - 1];
    const shrinkEnd = items.shrinkSum[end - 1];
    for (const a of active) {
      // the line a.at..end-1 (as lineFit, inlined: this loop is the hot one)
      const natural = boxEnd - items.boxSum[a.at] + joinEnd - items.joinSum[a.at] + hyphenWidth;
      const shrink = shrinkEnd - items.shrinkSum[a.at];
      const width = a.line === 0 ? firstWidth : restWidth;
      // overfull without the hyphen: every later break from a is longer still, so a is done
      if (natural - hyphenWidth - shrink > width + 1e-9) continue;
      kept.push(a);
      const stretch = stretchEnd - items.stretchSum[a.at];
      if (!isLast && natural + stretch * maxRatio < width) continue; // too loose for the tolerance
      const r = adjustmentRatio({ natural, stretch, shrink }, width, isLast);
      if (r < -1) continue;
      const bad = badness(r);
      if (bad > o.tolerance) continue;
      const hyphens = flagged ? a.hyphens + 1 : 0;
      if (hyphens > o.maxConsecutiveHyphens) continue;
      const fitness = isLast ? 1 : fitnessOf(r);
      let d = (o.linePenalty + bad) ** 2 + (penalty > 0 ? penalty * penalty : 0);
      const prevFlagged = a.hyphens > 0;
      if (flagged && prevFlagged) d += o.doubleHyphenDemerits;
      if (isLast && prevFlagged) d += o.finalHyphenDemerits;
      if (!isLast && a.prev !== null && Math.abs(fitness - a.fitness) > 1) d += o.adjDemerits;
      const total = a.demerits + d;
      const slot = fitness * (o.maxConsecutiveHyphens + 1) + hyphens;
      const cur = best[slot];
      if (!cur || total < cur.demerits) {
        best[slot] = { at: end, line: a.line + 1, fitness, hyphens, demerits: total, prev: a };
        found = true;
      }
    }
    active = kept;
    if (found) {
      for (const node of best) if (node) (isLast ? finals : active).push(node);
    }
    if (!active.length && !isLast) return null;
  }
  if (!finals.length) return null;
  let win = finals[0];
  for (const f of finals) if (f.demerits < win.demerits) win = f;
  const out: WordBreak[] = [];
  for (let node: Node | null = win; node && node.prev; node = node.prev) out.push({ start: node.prev.at, end: node.at });
  finals = [];
  return out.reverse();
}
