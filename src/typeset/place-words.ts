/**
 * Placement of a line of words: boxes -> positioned glyph runs. A justified line is filled by
 * its word spaces (and the small stretch between ideographs): every join takes width + r *
 * stretch (or r * shrink when r < 0) for the line's adjustment ratio r. Only where that would
 * open word spaces wider than the limit (a paragraph with no better breaks) do the letters take
 * the rest, a slight letter spacing of at most `letterSpacingMax`, as book typesetting does.
 * The last line of a paragraph and lines of ragged text keep natural spaces. A line that ends
 * at a hyphenation point gets a hyphen from the face of its last box, not in the paragraph's
 * text. Boxes that touch (pieces of one word) and look the same become one run.
 */
import type { LineAlign, ComposedLine, GlyphRun } from "./place-line.js";
import { adjustmentRatio, lineFit } from "./word-fit.js";
import { Brk, type WordItems } from "./word-items.js";
import { measure } from "./units.js";

export interface PlaceLimits {
  /** widest word space of a justified line (points) */
  wordSpaceLimit: number;
  /** most letter spacing per letter that may relieve it (points) */
  letterSpacingMax: number;
}

const NO_LIMITS: PlaceLimits = { wordSpaceLimit: Infinity, letterSpacingMax: 0 };

/**
 * Letter spacing for a justified line whose word spaces would pass the limit: the excess over the
 * limit, shared by every gap between two letters of a word, up to the maximum.
 */
function trackingFor(items: WordItems, start: number, end: number, r: number, limits: PlaceLimits): number {
  if (r <= 0 || !Number.isFinite(limits.wordSpaceLimit)) return 0;
  const { boxes, joins } = items;
  let excess = 0;
  let letterGaps = 0;
  for (let k = start; k < end; k++) {
    letterGaps += Math.max(0, [...boxes[k].text].length - 1);
    if (k > start) {
      const j = joins[k - 1];
      const gap = j.width + r * j.stretch;
      if (j.wordSpace) excess += Math.max(0, gap - limits.wordSpaceLimit);
      else if (Math.abs(gap) < 1e-9) letterGaps++; // pieces of one word
    }
  }
  if (excess <= 0 || letterGaps === 0) return 0;
  return Math.min(limits.letterSpacingMax, excess / letterGaps);
}

export function placeWordLine(items: WordItems, start: number, end: number, measureWidth: number, indent: number, align: LineAlign, isLast: boolean, limits: PlaceLimits = NO_LIMITS): ComposedLine {
  const { boxes, joins } = items;
  const n = boxes.length;
  const fit = lineFit(items, start, end);
  const breakJoin = end < n ? joins[end - 1] : undefined;
  const hyphen = breakJoin !== undefined && breakJoin.brk === Brk.Hyphen;
  let r = adjustmentRatio(fit, measureWidth, isLast || align !== "justify");
  if (r === Infinity) r = 0; // nothing to stretch (one word, or Chinese without stretch): set ragged
  if (r < -1) r = -1; // overfull even at the narrowest spaces: the text runs past the measure
  let used = fit.natural + (r >= 0 ? r * fit.stretch : r * fit.shrink);
  const justified = align === "justify" && !isLast;
  const track = justified ? trackingFor(items, start, end, r, limits) : 0;
  let spaceShare = 0; // what each word space gives up to the letter spacing
  if (track) {
    let letterWidth = 0;
    let wordSpaces = 0;
    for (let k = start; k < end; k++) {
      letterWidth += Math.max(0, [...boxes[k].text].length - 1) * track;
      if (k > start) {
        const j = joins[k - 1];
        if (j.wordSpace) wordSpaces++;
        else if (Math.abs(j.width + r * j.stretch) < 1e-9) letterWidth += track;
      }
    }
    if (hyphen) letterWidth += track; // the printed hyphen is a letter of the last word
    spaceShare = wordSpaces ? letterWidth / wordSpaces : 0;
  }

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
      const touching = Math.abs(gap) < 1e-9;
      if (j.wordSpace) {
        gap -= spaceShare;
        spaceSum += gap;
        spaces++;
      } else if (touching) gap = track;
      pen += gap;
    }
    const touches = cur !== null && k > start && Math.abs(gap - track) < 1e-9 && !joins[k - 1].wordSpace && cur.letterSpacing === track && cur.face === u.face && cur.size === u.size && cur.rise === u.rise && cur.level === u.level && sameFeatures(cur.features, u.features);
    const letters = [...u.text].length;
    if (touches && cur) {
      cur.text += u.text;
      cur.advance += u.advance;
      cur.end = u.end;
    } else {
      cur = { text: u.text, face: u.face, size: u.size, features: u.features, x: pen, letterSpacing: track, advance: u.advance, start: u.start, end: u.end, rise: u.rise };
      if (u.level !== undefined) cur.level = u.level;
      runs.push(cur);
    }
    pen += u.advance + Math.max(0, letters - 1) * track;
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
