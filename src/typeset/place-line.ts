/**
 * Placement: the units of one line -> positioned glyph runs.
 * - justification by inter-character spacing: the space left on a line is shared evenly by
 *   every boundary between units (clreq §3.8 "justification"); the last line of a paragraph
 *   and non-justified paragraphs are set at their natural width;
 * - a hanging mark sits right after the text, past the measure;
 * - runs: consecutive units with one face and a uniform spacing become one run, so the writers
 *   draw a whole justified line with a handful of text operations.
 */
import type { Face } from "../fonts/registry.js";
import { joinBetween, lineEndSaving, lineStartSaving, type SpacingOptions } from "./spacing.js";
import type { Unit } from "./units.js";

export type LineAlign = "start" | "center" | "end" | "justify";

export interface GlyphRun {
  text: string;
  face: Face;
  size: number;
  features: string[];
  /** start of the run's first glyph box, from the line's left edge (points) */
  x: number;
  /** extra space after every character but the last (points; PDF Tc) */
  letterSpacing: number;
  /** natural advance of the run's text (points) */
  advance: number;
  /** character range in the paragraph's plain text */
  start: number;
  end: number;
  /** baseline shift upwards (points): superscript */
  rise: number;
  /**
   * bidi embedding level (UAX #9), in paragraphs that have levels: odd = drawn right to left
   * (the run's text is then its logical text with brackets mirrored, L4)
   */
  level?: number;
}

export interface ComposedLine {
  /** offset of the line's left edge from the text block's left edge (points) */
  indent: number;
  /** the measure the line was set to (points) */
  measure: number;
  /** width actually used, including a hanging mark (points) */
  width: number;
  runs: GlyphRun[];
  hangs: boolean;
  /** character range in the paragraph's plain text */
  start: number;
  end: number;
  /** the line ends at a hyphenation point: its last run ends with a hyphen that is not in the text */
  hyphenated?: boolean;
  /** Latin and Cyrillic lines: the width of the line's word spaces (points; their mean) */
  wordSpace?: number;
}

interface Placed {
  unit: Unit;
  /** left edge of the unit's glyph box */
  x: number;
}

export function placeLine(
  units: Unit[],
  hangs: boolean,
  measure: number,
  indent: number,
  align: LineAlign,
  isLast: boolean,
  opt: SpacingOptions,
): ComposedLine {
  // trailing spaces take no room at line end
  let n = units.length;
  while (n > 0 && units[n - 1].first === "space") n--;
  const body = units.slice(0, n);
  const main = hangs ? body.slice(0, -1) : body;

  // natural positions
  const placed: Placed[] = [];
  // an opening mark compressed at line start is drawn half an em into the indent
  let pen = body.length ? -lineStartSaving(body[0], opt) : 0;
  for (let k = 0; k < body.length; k++) {
    const u = body[k];
    // the gap or compression moves this unit's box; a mark compressed on its blank left half
    // simply starts inside the previous box, which is what the shared pen position gives
    if (k > 0) pen += joinBetween(body[k - 1], u, opt);
    placed.push({ unit: u, x: pen });
    pen += u.advance;
  }
  const lastMain = main[main.length - 1];
  const naturalMain = main.length ? placed[main.length - 1].x + lastMain.advance - (isLast ? 0 : lineEndSaving(lastMain, opt)) : 0;

  // justification: share the slack among the boundaries of the main part
  const boundaries = main.length - 1;
  const slack = measure - naturalMain;
  const justify = align === "justify" && !isLast && boundaries > 0 && slack > 0;
  const extra = justify ? slack / boundaries : 0;
  if (extra) {
    for (let k = 1; k < placed.length; k++) placed[k].x += extra * Math.min(k, boundaries);
  }
  const used = placed.length ? placed[placed.length - 1].x + placed[placed.length - 1].unit.advance : 0;
  const usedMain = justify ? measure : naturalMain;
  let offset = 0;
  if (align === "center") offset = (measure - usedMain) / 2;
  else if (align === "end") offset = measure - usedMain;

  return {
    indent,
    measure,
    width: used + offset,
    runs: toRuns(placed, offset),
    hangs,
    start: body.length ? body[0].start : units[0]?.start ?? 0,
    end: units.length ? units[units.length - 1].end : 0,
  };
}

/** Groups placed units into runs of one face, size and features with uniform spacing. */
function toRuns(placed: Placed[], offset: number): GlyphRun[] {
  const runs: GlyphRun[] = [];
  let cur: GlyphRun | null = null;
  let curChars = 0;
  let curMulti = false;
  let lastEnd = 0; // natural end of the current run's last glyph box
  for (const p of placed) {
    const u = p.unit;
    if (u.first === "space") {
      // spaces are drawn as gaps, never as glyphs: close the run, the next run's x carries it
      cur = null;
      continue;
    }
    const x = p.x + offset;
    if (cur) {
      const gap = x - lastEnd;
      const sameLook = cur.face === u.face && cur.size === u.size && cur.rise === u.rise && sameFeatures(cur.features, u.features);
      const fitsSpacing = curChars === 1 ? !u.multi || Math.abs(gap) < 1e-9 : Math.abs(gap - cur.letterSpacing) < 1e-9 && !u.multi && !curMulti;
      if (sameLook && fitsSpacing) {
        if (curChars === 1 && !curMulti) cur.letterSpacing = gap;
        cur.text += u.text;
        cur.advance += u.advance;
        cur.end = u.end;
        curChars += 1;
        lastEnd = x + u.advance;
        continue;
      }
    }
    cur = { text: u.text, face: u.face, size: u.size, features: u.features, x, letterSpacing: 0, advance: u.advance, start: u.start, end: u.end, rise: u.rise };
    curChars = 1;
    curMulti = u.multi;
    lastEnd = x + u.advance;
    runs.push(cur);
  }
  return runs;
}

function sameFeatures(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
