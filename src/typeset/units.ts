/**
 * Itemisation: styled text -> units, the pieces the line breaker moves as wholes.
 * A unit is one Chinese character or mark, one Latin word or digit run (never split: clreq
 * §3.2.3, UAX #14), a dash or ellipsis pair (never split: clreq §3.2.3), or a run of spaces.
 *
 * What is drawn, so that nothing is drawn as an empty box:
 * - each cluster (a character and its marks) is set in the face usesCjkFace picks, or in the other
 *   face of the same weight when only that one has it (slotFor: ① ★ from the Chinese face);
 * - a letter with marks is drawn as its composed letter when the face has it (drawnForm);
 * - default-ignorable characters (bidi controls, ZWSP, ZWJ, soft hyphen, word joiner, BOM) are not
 *   drawn at all: they stay in the paragraph's text and its ranges, not in the glyph runs.
 * A character neither face has is reported before typesetting (src/fonts/coverage.ts).
 */
import type { Face } from "../fonts/registry.js";
import { advanceOf, hasGlyph } from "../fonts/shape.js";
import { classify, isDefaultIgnorable, isVariationSelector, usesCjkFace, type CharClass } from "./classify.js";

export type Weight = "regular" | "bold";
/** A face variant: weight and slope (for Chinese, the "italic" variant is a Kai face, never a slanted Song). */
export type Variant = "regular" | "bold" | "italic" | "boldItalic";
export const VARIANTS: readonly Variant[] = ["regular", "bold", "italic", "boldItalic"];

export interface Span {
  text: string;
  weight: Weight;
  /** emphasis: the italic (Latin) or Kai (Chinese) variant */
  italic?: boolean;
  /** a footnote reference: set smaller and raised (SUPERSCRIPT) */
  superscript?: boolean;
  /** BCP 47 language of the text, when it differs from the paragraph's */
  lang?: string;
  /** set in the Latin face wherever it has the glyph (labels: numbers, bullets, "(a)"), as Word sets numbering */
  preferLatin?: boolean;
}

/** The faces of one variant, by script. */
export interface ScriptFaces {
  cjk: Face;
  latin: Face;
}

/** The faces a paragraph is set in, by variant and script. */
export type FaceSet = Record<Variant, ScriptFaces>;

export function variantOf(weight: Weight, italic = false): Variant {
  if (weight === "bold") return italic ? "boldItalic" : "bold";
  return italic ? "italic" : "regular";
}

/** Superscript (footnote references): Word's proportions, 2/3 of the size, raised by 1/3 em. */
export const SUPERSCRIPT = { scale: 2 / 3, rise: 1 / 3 } as const;

export interface Unit {
  text: string;
  /** class of the unit's first and last character (kinsoku looks at both ends) */
  first: CharClass;
  last: CharClass;
  firstChar: string;
  lastChar: string;
  /** true for a unit of several characters that must keep its inner spacing (a word, a pair) */
  multi: boolean;
  face: Face;
  size: number;
  /** OpenType features the unit is shaped with */
  features: string[];
  /** natural advance in points */
  advance: number;
  /** character range in the paragraph's plain text */
  start: number;
  end: number;
  /** a cluster of a unit too wide for any line: the line may break before or after it */
  piece?: boolean;
  /** baseline shift upwards (points): superscript footnote references */
  rise: number;
  /** bidi embedding level (UAX #9) of every character of the unit, in paragraphs that have levels */
  level?: number;
}

const serials = new WeakMap<Face, number>();
let lastSerial = 0;

/** A number for each face object, for cache keys: two objects never share one (unlike ids, which a test's stand-in face may reuse). */
export function faceSerial(face: Face): number {
  let n = serials.get(face);
  if (n === undefined) serials.set(face, (n = ++lastSerial));
  return n;
}

const widthCache = new WeakMap<Face, Map<string, number>>();
/** Widths kept per face before the cache starts over (a long-running process sees endless words). */
const WIDTH_CACHE_LIMIT = 200_000;

/** Advance of `text` shaped in `face` (font units per em scaled to `size`), cached per face. */
export function measure(face: Face, text: string, features: string[], size: number): number {
  let cache = widthCache.get(face);
  if (!cache) widthCache.set(face, (cache = new Map()));
  const key = features.length ? `${features.join(",")}\u0000${text}` : text;
  let units = cache.get(key);
  if (units === undefined) {
    units = advanceOf(face, text, features);
    if (cache.size >= WIDTH_CACHE_LIMIT) cache.clear();
    cache.set(key, units);
  }
  return (units * size) / face.unitsPerEm;
}

/**
 * Features for a unit. Interpuncts in the Chinese face are set full width (`fwid`): Word gives
 * the middle dot of names (斯文·于尔根松) a full em.
 */
export function featuresFor(cls: CharClass, cjk: boolean): string[] {
  if (cjk && cls === "interpunct") return ["fwid"];
  return [];
}

const glyphCache = new WeakMap<Face, Map<number, boolean>>();

/** Does the face map this code point to a glyph (cached per face)? */
export function faceHas(face: Face, cp: number): boolean {
  let cache = glyphCache.get(face);
  if (!cache) glyphCache.set(face, (cache = new Map()));
  let has = cache.get(cp);
  if (has === undefined) cache.set(cp, (has = hasGlyph(face, cp)));
  return has;
}

/** No code point missing (shared: callers only read the result). */
const NONE_MISSING: number[] = [];

function missing(face: Face, cluster: string): number[] {
  if (cluster.length === 1) {
    // one code unit, the usual case: no iterator, no array
    const cp = cluster.charCodeAt(0);
    return isVariationSelector(cp) || faceHas(face, cp) ? NONE_MISSING : [cp];
  }
  const out: number[] = [];
  for (const ch of cluster) {
    const cp = ch.codePointAt(0)!;
    if (!isVariationSelector(cp) && !faceHas(face, cp)) out.push(cp);
  }
  return out;
}

/** A compatibility ideograph: NFC would replace it by its unified twin, another glyph. */
const COMPATIBILITY_IDEOGRAPH = /[\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/u;

/** The NFC form of a cluster of several code points (a letter and its marks), when it differs. */
function composedForm(cluster: string): string | undefined {
  if (cluster.length < 2 || COMPATIBILITY_IDEOGRAPH.test(cluster)) return undefined;
  const nfc = cluster.normalize("NFC");
  return nfc !== cluster ? nfc : undefined;
}

/**
 * The code points of a cluster that the face has no glyph for (variation selectors are not drawn
 * on their own). A letter with marks counts as covered when the face has its composed form.
 */
export function missingGlyphs(face: Face, cluster: string): number[] {
  const raw = missing(face, cluster);
  if (!raw.length) return raw;
  const nfc = composedForm(cluster);
  return nfc !== undefined && !missing(face, nfc).length ? [] : raw;
}

/**
 * What is drawn for a cluster in a face: its composed (NFC) form when the face has it, e.g. é
 * for e + U+0301: the designed letter rather than a mark placed over the base, and one glyph a
 * PDF reader maps back to the letter.
 */
export function drawnForm(cluster: string, face: Face): string {
  const nfc = composedForm(cluster);
  return nfc !== undefined && !missing(face, nfc).length ? nfc : cluster;
}

/**
 * The face a cluster is set in. The Chinese face for ideographs, full-width forms and the
 * punctuation that is full width in Chinese (usesCjkFace), the Latin face for the rest; and a
 * fallback: a cluster its face lacks is set in the other face of the same weight when that face
 * has it (①, ★ and ※ from the Chinese face, é from the Latin one), so no glyph is drawn as a
 * box while one of the embedded faces has it. A cluster neither face has keeps its first face;
 * src/fonts/coverage.ts reports it before anything is drawn. `cjkPunctuation: false` for text
 * in a Latin or Cyrillic language (quotes, dashes and ellipsis from the Latin face).
 */
export function slotFor(cluster: string, set: { cjk: Face; latin: Face }, cjkPunctuation = true): "cjk" | "latin" {
  const primary = usesCjkFace(cluster, cjkPunctuation) ? "cjk" : "latin";
  if (!missingGlyphs(set[primary], cluster).length) return primary;
  const other = primary === "cjk" ? "latin" : "cjk";
  return missingGlyphs(set[other], cluster).length ? primary : other;
}

/** The slot of a cluster in a span: `slotFor`, but the Latin face first for spans that prefer it. */
export function spanSlot(cluster: string, set: ScriptFaces, span: Pick<Span, "preferLatin">): "cjk" | "latin" {
  if (span.preferLatin && !missingGlyphs(set.latin, cluster).length) return "latin";
  return slotFor(cluster, set);
}

/** The face of a cluster: `set[slotFor(cluster, set)]`. */
export function faceFor(cluster: string, set: { cjk: Face; latin: Face }): Face {
  return set[slotFor(cluster, set)];
}

/** A cluster: a character with the marks after it, and its range in the paragraph's text. */
export interface Cluster {
  /** what is drawn: the cluster's code points less the default-ignorable ones */
  text: string;
  start: number;
  end: number;
}

const ATTACHES = /[\p{M}]/u;

/**
 * Clusters of `text` (offsets from `offset`): a code point with the combining marks and
 * variation selectors after it. Default-ignorable code points (bidi controls, ZWSP, ZWJ, soft
 * hyphen...) belong to the cluster before them (or after them, at the start) but are not drawn:
 * they stay in the paragraph's text and its ranges, never in a glyph run.
 */
export function clusterize(text: string, offset = 0): Cluster[] {
  const out: Cluster[] = [];
  let pendingStart = -1; // ignorables before the first cluster
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const at = offset + i;
    i += ch.length;
    const last = out[out.length - 1];
    if (isDefaultIgnorable(cp) && !isVariationSelector(cp)) {
      if (last) last.end = offset + i;
      else if (pendingStart < 0) pendingStart = at;
      continue;
    }
    // (no combining mark below U+0300 or among the common ideographs: the regular expression is skipped there)
    if (last && (isVariationSelector(cp) || (cp >= 0x300 && (cp < 0x4e00 || cp > 0x9fff) && ATTACHES.test(ch)))) {
      last.text += ch;
      last.end = offset + i;
      continue;
    }
    out.push({ text: ch, start: pendingStart >= 0 ? pendingStart : at, end: offset + i });
    pendingStart = -1;
  }
  return out;
}

export function itemize(spans: Span[], faces: FaceSet, size: number): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  for (const span of spans) {
    const chars = clusterize(span.text, offset);
    const set = faces[variantOf(span.weight, span.italic)];
    const unitSize = span.superscript ? size * SUPERSCRIPT.scale : size;
    const rise = span.superscript ? size * SUPERSCRIPT.rise : 0;
    const slotOf = chars.map((c) => spanSlot(c.text, set, span));
    const drawn = chars.map((c, k) => drawnForm(c.text, set[slotOf[k]]));
    let i = 0;
    while (i < chars.length) {
      const ch = drawn[i];
      const cls = classify(ch);
      let text = ch;
      let j = i + 1;
      const slot = cls === "space" ? "latin" : slotOf[i];
      if (cls === "space") {
        while (j < chars.length && classify(drawn[j]) === "space") j++;
        text = " "; // a run of spaces is one breakable space
      } else if (slot === "cjk") {
        if (cls === "paired") while (j < chars.length && drawn[j] === ch && slotOf[j] === slot) text += drawn[j++];
      } else {
        // a Latin word, digit run or symbol such as S/2020/905: up to the next space or character of the other face
        while (j < chars.length && classify(drawn[j]) !== "space" && slotOf[j] === slot) text += drawn[j++];
      }
      const face = set[slot];
      const cjk = slot === "cjk";
      const last = drawn[j - 1];
      const features = featuresFor(cls, cjk);
      units.push({
        text,
        first: cls,
        last: classify(last),
        firstChar: ch,
        lastChar: last,
        multi: j - i > 1 && cls !== "space",
        face,
        size: unitSize,
        features,
        advance: measure(face, text, features, unitSize),
        start: chars[i].start,
        end: chars[j - 1].end,
        rise,
      });
      i = j;
    }
    offset += span.text.length;
  }
  return units;
}

/** Grapheme-ish clusters: a code point with the combining marks and variation selectors after it (ignorables dropped). */
export function clusters(text: string): string[] {
  return clusterize(text).map((c) => c.text);
}
