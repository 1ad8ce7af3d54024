/**
 * Itemisation: styled text -> units, the pieces the line breaker moves as wholes.
 * A unit is one Chinese character or mark, one Latin word or digit run (never split: clreq
 * §3.2.3, UAX #14), a dash or ellipsis pair (never split: clreq §3.2.3), or a run of spaces.
 */
import type { Face } from "../fonts/registry.js";
import { classify, usesCjkFace, type CharClass } from "./classify.js";

export type Weight = "regular" | "bold";

export interface Span {
  text: string;
  weight: Weight;
}

/** The faces a paragraph is set in, by weight and script. */
export interface FaceSet {
  regular: { cjk: Face; latin: Face };
  bold: { cjk: Face; latin: Face };
}

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
}

const widthCache = new WeakMap<Face, Map<string, number>>();

/** Advance of `text` shaped in `face` (font units per em scaled to `size`), cached per face. */
export function measure(face: Face, text: string, features: string[], size: number): number {
  let cache = widthCache.get(face);
  if (!cache) widthCache.set(face, (cache = new Map()));
  const key = features.length ? `${features.join(",")}\u0000${text}` : text;
  let units = cache.get(key);
  if (units === undefined) {
    units = face.font.layout(text, features).advanceWidth;
    cache.set(key, units);
  }
  return (units * size) / face.unitsPerEm;
}

/**
 * Features for a unit. Interpuncts in the Chinese face are set full width (`fwid`): Word gives
 * the middle dot of names (斯文·于尔根松) a full em.
 */
function featuresFor(cls: CharClass, cjk: boolean): string[] {
  if (cjk && cls === "interpunct") return ["fwid"];
  return [];
}

export function itemize(spans: Span[], faces: FaceSet, size: number): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  for (const span of spans) {
    const chars = clusters(span.text);
    const set = faces[span.weight];
    let i = 0;
    while (i < chars.length) {
      const ch = chars[i];
      const cls = classify(ch);
      const start = offset;
      let text = ch;
      let j = i + 1;
      if (cls === "space") {
        while (j < chars.length && classify(chars[j]) === "space") text += chars[j++];
        text = " "; // a run of spaces is one breakable space
      } else if (usesCjkFace(ch)) {
        if (cls === "paired") while (j < chars.length && chars[j] === ch) text += chars[j++];
      } else {
        // a Latin word, digit run or symbol such as S/2020/905: up to the next space or CJK character
        while (j < chars.length && classify(chars[j]) !== "space" && !usesCjkFace(chars[j])) text += chars[j++];
      }
      offset += [...chars.slice(i, j)].reduce((n, c) => n + c.length, 0);
      const cjk = usesCjkFace(ch);
      const face = cjk ? set.cjk : set.latin;
      const last = chars[j - 1];
      const features = featuresFor(cls, cjk);
      units.push({
        text,
        first: cls,
        last: classify(last),
        firstChar: ch,
        lastChar: last,
        multi: j - i > 1 && cls !== "space",
        face,
        size,
        features,
        advance: measure(face, text, features, size),
        start,
        end: offset,
      });
      i = j;
    }
  }
  return units;
}

/** Grapheme-ish clusters: a code point with the combining marks and variation selectors after it. */
export function clusters(text: string): string[] {
  const out: string[] = [];
  for (const cp of text) {
    if (out.length && /[\p{M}\u200d\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/u.test(cp)) out[out.length - 1] += cp;
    else out.push(cp);
  }
  return out;
}
