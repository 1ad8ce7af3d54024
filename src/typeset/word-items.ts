/**
 * Itemisation of a paragraph in a Latin or Cyrillic language: styled text -> boxes and the joins
 * between them, the material of Knuth and Plass's line breaking ("Breaking paragraphs into
 * lines", 1981): a box is a piece of a word (a word is cut at its hyphenation points and after
 * its hard hyphens and dashes) or one CJK character; a join is what lies between two boxes: a
 * word space (glue that stretches and shrinks and where the line may break), a no-break space,
 * a break opportunity inside a word, or nothing.
 *
 * Rules, and where they come from:
 * - word spaces break (UAX #14 LB18), no-break spaces (U+00A0, U+202F, U+2007) do not (LB12);
 *   no break at a space before a closing mark or ; : ! ? or after an opening one (LB13, LB19);
 * - a word breaks only at a hyphenation point (Liang patterns, or a soft hyphen typed by the
 *   author, which then replaces the patterns for that word, as in TeX), after a hard hyphen that
 *   has two letters or digits on each side and is not followed by a digit (LB21, LB25: 2020-2021
 *   stays whole), after an en or em dash unless digits stand on both sides (a range), and at a
 *   zero-width space (LB8);
 * - an apostrophe belongs to its word (Member’s never breaks); all-capital words (acronyms) are
 *   not hyphenated;
 * - quotes, apostrophes, dashes and the ellipsis come from the Latin face (Chinese text in the
 *   paragraph, and spans whose language is Chinese, keep the full-width marks); ideographs are
 *   boxes of their own, with the CJK line-start and line-end prohibitions (clreq §3.2) and the
 *   CJK/Latin gap between them and Latin letters.
 * - in a paragraph with bidi levels (UAX #9: Arabic text, or any right-to-left character), a
 *   word is cut where the level changes ("(كوفيد-19)": the brackets and letters right to left,
 *   the digits left to right), with no break there, so that every box has one level; at an odd
 *   level, characters with a mirrored form are drawn mirrored (L4).
 * Word spaces are joins, never glyphs: the writers draw each box run at its own position.
 */
import type { Face } from "../fonts/registry.js";
import { CLOSING, classify, isDefaultIgnorable, mayEndLine, mayStartLine, OPENING, STOPS } from "./classify.js";
import { mirroredForm } from "./bidi.js";
import { hyphenationLimits, hyphenationPoints, type HyphenationLimits } from "./hyphenate.js";
import { isCjkLanguage } from "./lang.js";
import { joinBetween, type SpacingOptions } from "./spacing.js";
import { clusterize, drawnForm, faceHas, featuresFor, measure, slotFor, SUPERSCRIPT, variantOf, type FaceSet, type Span, type Unit } from "./units.js";

/** What a line break at a join does. */
export const Brk = {
  /** no break here */
  None: 0,
  /** a break at a word space: the space disappears */
  Space: 1,
  /** a break that adds nothing (after a hard hyphen or dash, between ideographs, at a zero-width space) */
  Free: 2,
  /** a hyphenation point: the line ends with a hyphen */
  Hyphen: 3,
} as const;
export type Brk = (typeof Brk)[keyof typeof Brk];

export interface Join {
  /** natural width (points) when the line does not break here */
  width: number;
  /** how much it may grow (points at adjustment ratio 1) and shrink (points at ratio -1) */
  stretch: number;
  shrink: number;
  brk: Brk;
  /** cost of breaking here (TeX's penalties: 50 for a hyphen) */
  penalty: number;
  /** a break here ends the line with a hyphen or dash (consecutive ones are discouraged) */
  flagged: boolean;
  /** width of the hyphen drawn at a Hyphen break (points) */
  hyphenWidth: number;
  /** a word space (ordinary or no-break): the justification statistics count these */
  wordSpace: boolean;
}

export interface WordItems {
  boxes: Unit[];
  /** joins[k] lies between boxes[k] and boxes[k + 1] */
  joins: Join[];
  /** prefix sums: box widths before box k; join widths, stretch and shrink before join k */
  boxSum: Float64Array;
  joinSum: Float64Array;
  stretchSum: Float64Array;
  shrinkSum: Float64Array;
}

export interface WordOptions extends SpacingOptions {
  /** the paragraph's language (BCP 47) */
  lang: string;
  hyphenate: boolean;
  limits?: Partial<HyphenationLimits>;
  /** word spaces: the narrowest (adjustment ratio -1) and the widest at ratio 1, in em */
  wordSpaceMinEm: number;
  wordSpaceMaxEm: number;
  hyphenPenalty: number;
  explicitHyphenPenalty: number;
  /** how much the join between two ideographs may stretch (em): a Chinese phrase in a Latin line */
  cjkStretchEm: number;
  /** the paragraph's bidi embedding levels per UTF-16 code unit (bidi.ts), or none: all left to right */
  levels?: Uint8Array | null;
}

/** Penalty of a cut inside a word too long for any line (an emergency break). */
const EMERGENCY_PENALTY = 1000;

// Space characters. Ordinary spaces break and stretch; U+00A0 stretches but does not break; the
// narrow and figure spaces keep their width and do not break; other fixed spaces break.
const STRETCHING_BREAK = new Set([" ", "\t", "\n"]);
const STRETCHING_KEEP = new Set(["\u00A0"]);
const FIXED_KEEP = new Set(["\u202F", "\u2007"]);
const FIXED_BREAK = new Set(["\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2008", "\u2009", "\u200A", "\u205F", "\u3000"]);

function isSpace(ch: string): boolean {
  return STRETCHING_BREAK.has(ch) || STRETCHING_KEEP.has(ch) || FIXED_KEEP.has(ch) || FIXED_BREAK.has(ch);
}

/** No break at a space before these (UAX #14 LB13, LB19: closing marks, ; : ! ? , .) */
const NO_BREAK_BEFORE = new Set([...CLOSING, ...STOPS, ..."»›!?…%"]);
/** No break at a space after these (LB14, LB19: opening marks) */
const NO_BREAK_AFTER = new Set([...OPENING, ..."«‹¿¡„"]);

const HARD_HYPHENS = new Set(["-", "\u2010"]);
const DASHES = new Set(["\u2013", "\u2014", "\u2015"]);
const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;

interface Glue {
  width: number;
  stretch: number;
  shrink: number;
  breaks: boolean;
  wordSpace: boolean;
}

/** One span's clusters with what is drawn for them and in which face. */
interface Run {
  raw: string;
  offset: number;
  starts: number[];
  ends: number[];
  drawn: string[];
  cjk: boolean[];
  face: { cjk: Face; latin: Face };
  size: number;
  rise: number;
  lang: string;
  cjkText: boolean;
  /** the span's text has a soft hyphen or a zero-width space */
  invisibleBreaks: boolean;
  /** each cluster's bidi level, when the paragraph has levels */
  levels: number[] | null;
}

export function wordItems(spans: Span[], faces: FaceSet, size: number, opt: WordOptions, maxWidth: number): WordItems {
  const b = new Builder(opt, maxWidth);
  let offset = 0;
  for (const span of spans) {
    const set = faces[variantOf(span.weight, span.italic)];
    const lang = span.lang ?? opt.lang;
    const cjkText = isCjkLanguage(lang);
    const clusters = clusterize(span.text, offset);
    const run: Run = {
      raw: span.text,
      offset,
      starts: [],
      ends: [],
      drawn: [],
      cjk: [],
      face: set,
      size: span.superscript ? size * SUPERSCRIPT.scale : size,
      rise: span.superscript ? size * SUPERSCRIPT.rise : 0,
      lang,
      cjkText,
      invisibleBreaks: /[\u00AD\u200B]/.test(span.text),
      levels: opt.levels ? [] : null,
    };
    for (const c of clusters) {
      // a non-breaking hyphen the Latin face lacks (Liberation has no U+2011) is drawn as U+2010
      let text = c.text === "\u2011" && !cjkText && !faceHas(set.latin, 0x2011) && faceHas(set.latin, 0x2010) ? "\u2010" : c.text;
      if (opt.levels) {
        const level = clusterLevel(opt.levels, span.text, offset, c.start, c.end);
        run.levels!.push(level);
        if (level % 2 === 1 && text.length === 1) text = mirroredForm(text); // UAX #9 L4
      }
      const slot = slotFor(text, set, cjkText);
      run.starts.push(c.start);
      run.ends.push(c.end);
      run.drawn.push(drawnForm(text, set[slot]));
      run.cjk.push(slot === "cjk");
    }
    b.addRun(run);
    offset += span.text.length;
  }
  return b.finish();
}

/** A cluster's level: its first drawn character's (ignorable characters before it do not count). */
function clusterLevel(levels: Uint8Array, spanText: string, offset: number, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    if (!isDefaultIgnorable(spanText.charCodeAt(i - offset))) return levels[i];
  }
  return levels[start];
}

class Builder {
  readonly boxes: Unit[] = [];
  readonly joins: Join[] = [];
  private glue: Glue | null = null;
  /** the join to use before the next box when it continues the same word */
  private inner: Join | null = null;

  constructor(
    private readonly opt: WordOptions,
    private readonly maxWidth: number,
  ) {}

  addRun(run: Run): void {
    const n = run.drawn.length;
    let i = 0;
    while (i < n) {
      const ch = run.drawn[i];
      if (isSpace(ch)) {
        this.addSpace(ch, run);
        i++;
      } else if (run.cjk[i]) {
        let j = i + 1;
        // a two-em dash or an ellipsis pair is never split (clreq §3.2.3)
        if (classify(ch) === "paired") while (j < n && run.drawn[j] === ch && run.cjk[j]) j++;
        this.addCjk(run, i, j);
        i = j;
      } else {
        let j = i + 1;
        while (j < n && !isSpace(run.drawn[j]) && !run.cjk[j]) j++;
        this.addWord(run, i, j);
        i = j;
      }
    }
  }

  private addSpace(ch: string, run: Run): void {
    const latin = run.face.latin;
    const em = run.size;
    let g: Glue;
    if (STRETCHING_BREAK.has(ch) || STRETCHING_KEEP.has(ch)) {
      const natural = measure(latin, " ", [], em);
      g = {
        width: natural,
        stretch: Math.max(0, this.opt.wordSpaceMaxEm * em - natural),
        shrink: Math.max(0, natural - this.opt.wordSpaceMinEm * em),
        breaks: STRETCHING_BREAK.has(ch),
        wordSpace: true,
      };
    } else {
      const face = ch === "\u3000" ? run.face.cjk : latin;
      g = { width: measure(face, ch, [], em), stretch: 0, shrink: 0, breaks: FIXED_BREAK.has(ch), wordSpace: false };
    }
    const prev = this.glue;
    if (!prev) this.glue = g;
    else if (prev.wordSpace && g.wordSpace) prev.breaks = prev.breaks && g.breaks; // a run of spaces is one space; a no-break one holds it
    else {
      // fixed spaces add up with the rest; the run breaks only if every part may
      this.glue = { width: prev.width + g.width, stretch: prev.stretch + g.stretch, shrink: prev.shrink + g.shrink, breaks: prev.breaks && g.breaks, wordSpace: prev.wordSpace || g.wordSpace };
    }
    this.inner = null;
  }

  private addCjk(run: Run, i: number, j: number): void {
    const text = run.drawn.slice(i, j).join("");
    const cls = classify(run.drawn[i]);
    const features = featuresFor(cls, true);
    const face = run.face.cjk;
    this.push(this.unit(run, i, j, text, face, measure(face, text, features, run.size), features), null);
  }

  /** A Latin or Cyrillic word (anything between spaces and ideographs): cut at its break opportunities. */
  private addWord(run: Run, i: number, j: number): void {
    const face = run.face.latin;
    const n = j - i;
    // break opportunities after cluster i + k (k < n - 1)
    const brk = new Uint8Array(Math.max(0, n - 1));
    const pen = new Float64Array(Math.max(0, n - 1));
    let soft = false;
    // level changes inside the word: the pieces are cut there, with no break (bidi runs)
    const cut = new Uint8Array(Math.max(0, n - 1));
    if (run.levels) for (let k = 0; k < n - 1; k++) cut[k] = run.levels[i + k] !== run.levels[i + k + 1] ? 1 : 0;
    for (let k = 0; k < n - 1; k++) {
      const c = i + k;
      // soft hyphens and zero-width spaces are not drawn: look for them in the typed text
      const raw = run.invisibleBreaks ? run.raw.slice(run.starts[c] - run.offset, run.ends[c] - run.offset) : "";
      const ch = run.drawn[c];
      if (raw.includes("\u00AD")) {
        soft = true;
        brk[k] = Brk.Hyphen;
        pen[k] = this.opt.hyphenPenalty;
      } else if (raw.includes("\u200B")) {
        brk[k] = Brk.Free;
      } else if (HARD_HYPHENS.has(ch) && this.hyphenBreaks(run, i, j, c)) {
        brk[k] = Brk.Free;
        pen[k] = this.opt.explicitHyphenPenalty;
      } else if (DASHES.has(ch) && c > i && !DASHES.has(run.drawn[c + 1]) && !(DIGIT.test(run.drawn[c - 1] ?? "") && DIGIT.test(run.drawn[c + 1]))) {
        brk[k] = Brk.Free;
        pen[k] = this.opt.explicitHyphenPenalty;
      }
    }
    if (this.opt.hyphenate && !soft && !run.cjkText) this.patternPoints(run, i, j, brk, pen);

    // the pieces, measured as prefixes of the whole word so that they add up to its shaped width
    const word = run.drawn.slice(i, j).join("");
    let pieceStart = 0;
    let charStart = 0;
    let chars = 0;
    let widthBefore = 0;
    for (let k = 0; k < n; k++) {
      chars += run.drawn[i + k].length;
      const last = k === n - 1;
      if (!last && brk[k] === Brk.None && !cut[k]) continue;
      const width = measure(face, word.slice(0, chars), [], run.size);
      const text = word.slice(charStart, chars);
      const unit = this.unit(run, i + pieceStart, i + k + 1, text, face, width - widthBefore, []);
      this.push(unit, this.inner);
      if (!last) {
        const hyphen = brk[k] === Brk.Hyphen;
        this.inner = {
          width: 0,
          stretch: 0,
          shrink: 0,
          brk: brk[k] as Brk,
          penalty: pen[k],
          flagged: hyphen || HARD_HYPHENS.has(run.drawn[i + k]) || DASHES.has(run.drawn[i + k]),
          hyphenWidth: hyphen ? measure(face, "-", [], run.size) : 0,
          wordSpace: false,
        };
      }
      widthBefore = width;
      pieceStart = k + 1;
      charStart = chars;
    }
    this.inner = null;
  }

  /** A hard hyphen breaks after it with two letters or digits on each side, and never before a digit (UAX #14 LB25). */
  private hyphenBreaks(run: Run, i: number, j: number, c: number): boolean {
    if (c + 1 >= j || DIGIT.test(run.drawn[c + 1])) return false;
    return ALNUM.test(run.drawn[c - 1] ?? "") && ALNUM.test(run.drawn[c - 2] ?? "") && c - 2 >= i && ALNUM.test(run.drawn[c + 1]) && c + 2 < j && ALNUM.test(run.drawn[c + 2]);
  }

  /** Hyphenation points of each run of letters (not all capitals) in clusters i..j. */
  private patternPoints(run: Run, i: number, j: number, brk: Uint8Array, pen: Float64Array): void {
    const limits = { ...hyphenationLimits(run.lang), ...this.opt.limits };
    let s = i;
    while (s < j) {
      if (!LETTER.test(run.drawn[s])) {
        s++;
        continue;
      }
      let e = s + 1;
      while (e < j && LETTER.test(run.drawn[e])) e++;
      if (e - s >= limits.minWord) {
        const segment = run.drawn.slice(s, e).join("");
        if (LOWER.test(segment)) {
          const points = hyphenationPoints(segment, run.lang, limits);
          if (points.length) {
            let at = 0;
            let p = 0;
            for (let c = s; c < e - 1 && p < points.length; c++) {
              at += run.drawn[c].length;
              if (at === points[p]) {
                if (brk[c - i] === Brk.None) {
                  brk[c - i] = Brk.Hyphen;
                  pen[c - i] = this.opt.hyphenPenalty;
                }
                p++;
              } else if (at > points[p]) p++; // a point inside a cluster (a letter and its marks): skipped
            }
          }
        }
      }
      s = e;
    }
  }

  private unit(run: Run, i: number, j: number, text: string, face: Face, advance: number, features: string[]): Unit {
    const firstChar = run.drawn[i];
    const lastChar = run.drawn[j - 1];
    const u: Unit = {
      text,
      first: classify(firstChar),
      last: classify(lastChar),
      firstChar,
      lastChar,
      multi: j - i > 1,
      face,
      size: run.size,
      features,
      advance,
      start: run.starts[i],
      end: run.ends[j - 1],
      rise: run.rise,
    };
    if (run.levels) u.level = run.levels[i];
    return u;
  }

  /** Appends a box; `inner` is the join from the previous piece of the same word. */
  private push(box: Unit, inner: Join | null): void {
    const prev = this.boxes[this.boxes.length - 1];
    if (prev) this.joins.push(inner ?? this.between(prev, box));
    this.boxes.push(box);
    this.glue = null;
  }

  /** The join between two boxes that are not pieces of one word. */
  private between(a: Unit, b: Unit): Join {
    const g = this.glue;
    if (g) {
      const breaks = g.breaks && !NO_BREAK_BEFORE.has(b.firstChar) && !NO_BREAK_AFTER.has(a.lastChar) && b.rise <= a.rise;
      return { width: g.width, stretch: g.stretch, shrink: g.shrink, brk: breaks ? Brk.Space : Brk.None, penalty: 0, flagged: false, hyphenWidth: 0, wordSpace: g.wordSpace };
    }
    // touching: a Chinese character next to Latin text or another Chinese character
    const cjk = a.face.script === "cjk" || b.face.script === "cjk";
    const breaks = cjk && b.rise <= a.rise && mayEndLine(a.lastChar) && mayStartLine(b.firstChar) && !NO_BREAK_AFTER.has(a.lastChar) && !NO_BREAK_BEFORE.has(b.firstChar);
    const bothCjk = a.face.script === "cjk" && b.face.script === "cjk";
    return {
      width: joinBetween(a, b, this.opt),
      stretch: bothCjk ? this.opt.cjkStretchEm * Math.max(a.size, b.size) : 0,
      shrink: 0,
      brk: breaks ? Brk.Free : Brk.None,
      penalty: 0,
      flagged: false,
      hyphenWidth: 0,
      wordSpace: false,
    };
  }

  finish(): WordItems {
    const { boxes } = this;
    let { joins } = this;
    let out = boxes;
    if (boxes.some((u) => u.advance > this.maxWidth)) [out, joins] = this.cutOversized(boxes, joins);
    const n = out.length;
    const boxSum = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) boxSum[k + 1] = boxSum[k] + out[k].advance;
    const m = joins.length;
    const joinSum = new Float64Array(m + 1);
    const stretchSum = new Float64Array(m + 1);
    const shrinkSum = new Float64Array(m + 1);
    for (let k = 0; k < m; k++) {
      joinSum[k + 1] = joinSum[k] + joins[k].width;
      stretchSum[k + 1] = stretchSum[k] + joins[k].stretch;
      shrinkSum[k + 1] = shrinkSum[k] + joins[k].shrink;
    }
    return { boxes: out, joins, boxSum, joinSum, stretchSum, shrinkSum };
  }

  /**
   * A piece wider than any line (a 2,000-letter string) is cut into its characters, with an
   * emergency break allowed between any two: it then fills each line from wherever it starts,
   * as Word breaks such a word at the margin, and no text runs past the margin.
   */
  private cutOversized(boxes: Unit[], joins: Join[]): [Unit[], Join[]] {
    const outBoxes: Unit[] = [];
    const outJoins: Join[] = [];
    boxes.forEach((u, k) => {
      if (k > 0) outJoins.push(joins[k - 1]);
      if (u.advance <= this.maxWidth) {
        outBoxes.push(u);
        return;
      }
      let first = true;
      let at = u.start;
      for (const ch of u.text) {
        if (!first) outJoins.push({ width: 0, stretch: 0, shrink: 0, brk: Brk.Free, penalty: EMERGENCY_PENALTY, flagged: false, hyphenWidth: 0, wordSpace: false });
        const cls = classify(ch);
        const end = Math.min(u.end, at + ch.length);
        outBoxes.push({ ...u, text: ch, first: cls, last: cls, firstChar: ch, lastChar: ch, multi: false, advance: measure(u.face, ch, u.features, u.size), start: at, end, piece: true });
        at = end;
        first = false;
      }
      outBoxes[outBoxes.length - 1].end = u.end;
    });
    return [outBoxes, outJoins];
  }
}
