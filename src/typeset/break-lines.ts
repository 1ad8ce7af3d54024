/**
 * Line breaking: first fit, as Word sets Chinese text, with
 * - line-start and line-end prohibitions (clreq §3.2.1, §3.2.2): a prohibited break moves
 *   back to the previous allowed one (Word's default "push out");
 * - unsplittable units (words, digit runs, dash and ellipsis pairs; clreq §3.2.3, UAX #14);
 * - hanging punctuation: a 、，。；：！？ that does not fit may hang past the measure
 *   (Word's w:overflowPunct);
 * - optional line-edge compression (clreq §3.1.6): an opening mark at line start and a closing
 *   mark at line end may lose their blank half;
 * - an emergency break inside a unit too long for any line (a 2,000-letter string).
 */
import { HANGABLE, mayEndLine, mayStartLine } from "./classify.js";
import { joinBetween, lineEndSaving, lineStartSaving, type SpacingOptions } from "./spacing.js";
import type { Unit } from "./units.js";

export interface LineBreak {
  /** first unit of the line */
  start: number;
  /** one past the last unit of the line */
  end: number;
  /** the last unit hangs into the margin */
  hangs: boolean;
}

/** Rounding slack: widths are sums of fractions of points. */
export const EPSILON = 1e-6;

/** May the line break between units a and b (b starts the next line)? */
export function canBreakBetween(a: Unit, b: Unit): boolean {
  if (b.rise > a.rise) return false; // a footnote reference stays with the text it follows
  if (a.first === "space") return mayStartLine(b.firstChar);
  if (b.first === "space") return false; // break after the space instead
  if (!mayEndLine(a.lastChar) || !mayStartLine(b.firstChar)) return false;
  // an emergency break inside a unit too wide for any line (compose.ts splitOversized)
  if (a.piece && b.piece) return true;
  // two non-CJK units touching (e.g. "S/2020/905" split by a face change) stay together
  if (a.face.script === "latin" && b.face.script === "latin") return false;
  return true;
}

/**
 * Breaks units into lines. `widthOf(n)` is the measure of line n (points).
 * A unit wider than a whole line arrives cut into pieces (compose.ts splitOversized).
 */
export function breakLines(units: Unit[], widthOf: (line: number) => number, opt: SpacingOptions): LineBreak[] {
  const lines: LineBreak[] = [];
  let i = 0;
  while (i < units.length) {
    while (i < units.length && units[i].first === "space") i++; // spaces vanish at line start
    if (i >= units.length) break;
    const width = widthOf(lines.length) + EPSILON;
    let x = -lineStartSaving(units[i], opt);
    let j = i;
    let hangs = false;
    for (; j < units.length; j++) {
      const u = units[j];
      const join = j > i ? joinBetween(units[j - 1], u, opt) : 0;
      if (u.first === "space" || x + join + u.advance <= width) {
        x += join + u.advance;
        continue;
      }
      // a closing mark that fits once its blank half is dropped ends the line compressed
      const saving = lineEndSaving(u, opt);
      if (saving && j > i && x + join + u.advance - saving <= width && (j + 1 >= units.length || canBreakBetween(u, units[j + 1]))) {
        j++;
        break;
      }
      // u does not fit: hang it if it is a hangable mark and the break after it is allowed
      if (opt.hangingPunctuation && j > i && u.text.length === 1 && HANGABLE.has(u.text) && (j + 1 >= units.length || canBreakBetween(u, units[j + 1]))) {
        hangs = true;
        j++;
      }
      break;
    }
    if (j >= units.length) {
      lines.push({ start: i, end: units.length, hangs });
      break;
    }
    if (hangs) {
      lines.push({ start: i, end: j, hangs });
      i = j;
      continue;
    }
    // break before j, or before the nearest earlier unit where a break is allowed
    let k = j;
    while (k > i && !canBreakBetween(units[k - 1], units[k])) k--;
    if (k === i) k = Math.max(j, i + 1); // nothing allowed: break where it overflows (never an empty line)
    lines.push({ start: i, end: k, hangs: false });
    i = k;
  }
  return lines;
}
