/**
 * composeParagraph: styled text + geometry -> lines of positioned glyph runs.
 * Pure function of its inputs and the font metrics: no PDF or DOCX here.
 */
import { breakLines, EPSILON } from "./break-lines.js";
import { placeLine, type ComposedLine, type LineAlign } from "./place-line.js";
import type { SpacingOptions } from "./spacing.js";
import { classify } from "./classify.js";
import { clusterize, drawnForm, faceSerial, itemize, measure, variantOf, type FaceSet, type Span, type Unit } from "./units.js";
import { usesWordComposer } from "./lang.js";
import { composeWords } from "./compose-words.js";

export interface ParagraphGeometry {
  /** text size (points) */
  size: number;
  /** full width available to the paragraph (points) */
  width: number;
  leftIndent: number;
  rightIndent: number;
  /** extra indent of the first line (points; negative for a hanging first line) */
  firstLineIndent: number;
  align: LineAlign;
}

export interface ComposedParagraph {
  lines: ComposedLine[];
  /** the paragraph's plain text (runs index into it) */
  text: string;
}

/**
 * Settings of the Latin and Cyrillic composer (paragraphs whose `lang` is not Chinese, Japanese
 * or Korean). Every field is optional; WORD_DEFAULTS gives the values used when unset.
 */
export interface WordComposeOptions {
  /** BCP 47 language of the paragraph ("en", "fr", "zh"...). Unset, or CJK: the Chinese composer, unchanged */
  lang?: string;
  /** hyphenate justified paragraphs with the language's Liang patterns (default true) */
  hyphenate?: boolean;
  /** letters kept before and after a hyphenation point, and the shortest word hyphenated (default by language: en, fr 2/3; es, ru 2/2; 5) */
  hyphenMinLeft?: number;
  hyphenMinRight?: number;
  hyphenMinWord?: number;
  /** at most this many lines in a row end with a hyphen or dash (default 3) */
  maxConsecutiveHyphens?: number;
  /** narrowest word space, em (default 0.2; Times's own space is 0.25) */
  wordSpaceMinEm?: number;
  /** word space of a line at adjustment ratio 1, em (default 0.375): optimum fit takes lines up to ratio 1.26 (TeX's tolerance 200) before it must accept wider ones */
  wordSpaceMaxEm?: number;
  /** justified paragraphs: "optimum" (Knuth-Plass, default) or "first-fit" (as Word); ragged text is always first fit */
  lineBreaking?: "optimum" | "first-fit";
  /** first fit only: hyphenate when the line would otherwise end at least this short (points; Word's default 0.25 in) */
  hyphenationZone?: number;
  /**
   * the widest word space a justified line may show, em (default 0.4): where the breaks leave
   * more, the rest goes into a slight letter spacing, at most letterSpacingMaxEm per letter
   */
  wordSpaceLimitEm?: number;
  /** the most letter spacing a line may take to keep its word spaces within the limit, em (default 0.03) */
  letterSpacingMaxEm?: number;
  /**
   * the direction of the text block (default "ltr"): the paragraph level of the bidi algorithm
   * (UAX #9 HL1: the document's direction, as Word's w:bidi) and the edge lines start from. In
   * "rtl", "start" alignment is the right edge, and run positions are measured from the line's
   * right edge to the run's right edge (the writer mirrors the page). Letters are never spaced
   * (Arabic letters join; spacing would tear them apart).
   */
  direction?: "ltr" | "rtl";
  /**
   * set the paragraph in the direction of its first strong character (UAX #9 P2, P3), not the
   * document's: short texts in another script than the document's (the English distribution
   * block and job number of an Arabic version). Positions stay in the frame's `direction`.
   */
  autoDirection?: boolean;
}

export const WORD_DEFAULTS = {
  hyphenate: true,
  maxConsecutiveHyphens: 3,
  wordSpaceMinEm: 0.2,
  wordSpaceMaxEm: 0.375,
  wordSpaceLimitEm: 0.4,
  letterSpacingMaxEm: 0.03,
  lineBreaking: "optimum",
  hyphenationZone: 18,
} as const;

export type ComposeOptions = SpacingOptions & WordComposeOptions;

export function lineBox(geo: ParagraphGeometry, line: number): { indent: number; measure: number } {
  const indent = geo.leftIndent + (line === 0 ? geo.firstLineIndent : 0);
  return { indent, measure: geo.width - indent - geo.rightIndent };
}

/**
 * Composed paragraphs by everything they depend on (cacheKey), shared by the documents of a
 * process: a paragraph that did not change is not set again. Callers never change a composed
 * paragraph's lines or runs.
 */
const composed = new Map<string, ComposedParagraph>();
/** Characters of paragraphs kept before the cache starts over (a long-running process sees endless text): some 300 pages. */
const COMPOSED_CACHE_CHARS = 1_000_000;
let composedChars = 0;

/**
 * What a composition depends on: the options, the geometry, and per span its text, styling and
 * faces (the faces of its variant, the only ones it is set in). Texts are length-prefixed,
 * so no text can pass for another key.
 */
function cacheKey(spans: Span[], faces: FaceSet, geo: ParagraphGeometry, opt: ComposeOptions): string {
  let key = `${JSON.stringify(opt)}|${geo.size}|${geo.width}|${geo.leftIndent}|${geo.rightIndent}|${geo.firstLineIndent}|${geo.align}`;
  for (const s of spans) {
    const set = faces[variantOf(s.weight, s.italic)];
    key += `|${faceSerial(set.cjk)}|${faceSerial(set.latin)}|${s.weight}|${s.italic ? 1 : 0}${s.superscript ? 1 : 0}${s.preferLatin ? 1 : 0}|${s.lang ?? ""}|${s.text.length}:${s.text}`;
  }
  return key;
}

export function composeParagraph(spans: Span[], faces: FaceSet, geo: ParagraphGeometry, opt: ComposeOptions): ComposedParagraph {
  const key = cacheKey(spans, faces, geo, opt);
  let out = composed.get(key);
  if (!out) {
    out = composeUncached(spans, faces, geo, opt);
    if (composedChars + out.text.length > COMPOSED_CACHE_CHARS) {
      composed.clear();
      composedChars = 0;
    }
    composed.set(key, out);
    composedChars += out.text.length;
  }
  return out;
}

function composeUncached(spans: Span[], faces: FaceSet, geo: ParagraphGeometry, opt: ComposeOptions): ComposedParagraph {
  if (usesWordComposer(opt.lang)) return composeWords(spans, faces, geo, opt);
  const text = spans.map((s) => s.text).join("");
  let units = itemize(spans, faces, geo.size);
  const narrowest = Math.min(lineBox(geo, 0).measure, lineBox(geo, 1).measure);
  units = splitOversized(units, Math.max(narrowest, geo.size), text);
  const breaks = breakLines(units, (n) => lineBox(geo, n).measure, opt);
  const lines = breaks.map((b, n) => {
    const box = lineBox(geo, n);
    return placeLine(units.slice(b.start, b.end), b.hangs, box.measure, box.indent, geo.align, n === breaks.length - 1, opt);
  });
  return { lines, text };
}

/**
 * A unit wider than any line (a 2,000-letter string with no space) cannot be set whole: it is
 * cut into its clusters, marked as pieces, and the line breaker may break between any two
 * pieces (an emergency break, as Word breaks a word longer than the line at the margin). So the
 * string fills each line from wherever it starts, and no text is lost past the margin.
 * `text` is the paragraph's text (unit ranges index into it).
 */
function splitOversized(units: Unit[], maxWidth: number, text: string): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    if (u.advance <= maxWidth + EPSILON || !u.multi) {
      out.push(u);
      continue;
    }
    for (const c of clusterize(text.slice(u.start, u.end), u.start)) {
      const drawn = drawnForm(c.text, u.face);
      const cls = classify(drawn);
      out.push({
        ...u,
        text: drawn,
        first: cls,
        last: cls,
        firstChar: drawn,
        lastChar: drawn,
        multi: false,
        advance: measure(u.face, drawn, u.features, u.size),
        start: c.start,
        end: c.end,
        piece: true,
      });
    }
  }
  return out;
}
