/**
 * Placement of a line of words: boxes -> positioned glyph runs. A justified line is filled by
 * its word spaces (and the small stretch between ideographs), never by letter spacing: every
 * join takes width + r * stretch (or r * shrink when r < 0) for the line's adjustment ratio r.
 * The last line of a paragraph and lines of ragged text keep natural spaces. A line that ends
 * at a hyphenation point gets a hyphen from the face of its last box, not in the paragraph's
 * text. Boxes that touch (pieces of one word) and look the same become one run.
 */
import type { LineAlign, ComposedLine, GlyphRun } from "./place-line.js";
import { adjustmentRatio, lineFit } from "./word-fit.js";
import { Brk, type WordItems } from "./word-items.js";
import { measure } from "./units.js";

export function placeWordLine(items: WordItems, start: number, end: number, measureWidth: number, indent: number, align: LineAlign, isLast: boolean): ComposedLine {
  const { boxes, joins } = items;
  const n = boxes.length;
  const fit = lineFit(items, start, end);
  const breakJoin = end < n ? joins[end - 1] : undefined;
  const hyphen = breakJoin !== undefined && breakJoin.brk === Brk.Hyphen;
  let r = adjustmentRatio(fit, measureWidth, isLast || align !== "justify");
  if (r === Infinity) r = 0; // nothing to stretch (one word, or Chinese without stretch): set ragged
  if (r < -1) r = -1; // overfull even at the narrowest spaces: the text runs past the measure
  let used = fit.natural + (r >= 0 ? r * fit.stretch : r * fit.shrink);

  let offset = 0;
  if (align === "center") offset = (measureWidth - used) / 2;
  else if (align === "end") offset = measureWidth - used;

  const runs: GlyphRun[] = [];
  let cur: GlyphRun | null = null;
  let pen = offset;
  let spaceSum = 0;
  let spaces = 0;
  for (let k = start; k < end; k++) {
    const u = boxes[k];
    let gap = 0;
    if (k > start) {
      const j = joins[k - 1];
      gap = j.width + (r >= 0 ? r * j.stretch : r * j.shrink);
      if (j.wordSpace) {
        spaceSum += gap;
        spaces++;
      }
      pen += gap;
    }
    const touches = cur !== null && Math.abs(gap) < 1e-9 && cur.letterSpacing === 0 && cur.face === u.face && cur.size === u.size && cur.rise === u.rise && sameFeatures(cur.features, u.features);
    if (touches && cur) {
      cur.text += u.text;
      cur.advance += u.advance;
      cur.end = u.end;
    } else {
      cur = { text: u.text, face: u.face, size: u.size, features: u.features, x: pen, letterSpacing: 0, advance: u.advance, start: u.start, end: u.end, rise: u.rise };
      runs.push(cur);
    }
    pen += u.advance;
  }
  if (hyphen && cur) {
    // the hyphen is drawn in the last box's face; its width was counted in the line's natural width
    cur.text += "-";
    cur.advance += measure(cur.face, "-", [], cur.size);
  }
  used = pen - offset;
  const line: ComposedLine = {
    indent,
    measure: measureWidth,
    width: used + offset,
    runs,
    hangs: false,
    start: start < n ? boxes[start].start : 0,
    end: end < n ? boxes[end].start : boxes[n - 1].end,
  };
  if (hyphen) line.hyphenated = true;
  if (spaces) line.wordSpace = spaceSum / spaces;
  return line;
}

function sameFeatures(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
