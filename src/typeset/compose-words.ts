/**
 * The Latin and Cyrillic composer: itemise into word pieces and spaces, break into lines
 * (optimum fit for justified text, first fit for ragged text or when asked), place each line.
 * If no set of lines keeps the spaces within their limits, the optimum fit is run again more
 * tolerantly (TeX's second pass, with no \emergencystretch: the widest lines are the least bad
 * ones), and first fit is the last resort. A paragraph with bidi levels (right-to-left text, or a
 * right-to-left document) is broken in logical order, then each line is reordered (bidi-line.ts).
 */
import { WORD_DEFAULTS, lineBox, type ComposedParagraph, type ComposeOptions, type ParagraphGeometry } from "./compose.js";
import { embeddingLevels, firstStrongDirection } from "./bidi.js";
import { reorderLine } from "./bidi-line.js";
import { firstFit } from "./first-fit.js";
import { OPTIMUM_DEFAULTS, optimumFit } from "./optimum-fit.js";
import { placeWordLine } from "./place-words.js";
import type { FaceSet, Span } from "./units.js";
import type { WordBreak } from "./word-fit.js";
import { wordItems, type WordOptions } from "./word-items.js";

export function composeWords(spans: Span[], faces: FaceSet, geo: ParagraphGeometry, opt: ComposeOptions): ComposedParagraph {
  const text = spans.map((s) => s.text).join("");
  const rtl = opt.direction === "rtl";
  const paragraphDirection = (opt.autoDirection && firstStrongDirection(text)) || (rtl ? "rtl" : "ltr");
  const justified = geo.align === "justify";
  const optimum = justified && (opt.lineBreaking ?? WORD_DEFAULTS.lineBreaking) === "optimum";
  // ragged text (titles, signatures, centred lines) is not hyphenated
  const hyphenate = justified && (opt.hyphenate ?? WORD_DEFAULTS.hyphenate);
  const limits = {
    ...(opt.hyphenMinLeft !== undefined && { minLeft: opt.hyphenMinLeft }),
    ...(opt.hyphenMinRight !== undefined && { minRight: opt.hyphenMinRight }),
    ...(opt.hyphenMinWord !== undefined && { minWord: opt.hyphenMinWord }),
  };
  const wo: WordOptions = {
    ...opt,
    lang: opt.lang ?? "en",
    hyphenate,
    limits,
    wordSpaceMinEm: opt.wordSpaceMinEm ?? WORD_DEFAULTS.wordSpaceMinEm,
    wordSpaceMaxEm: opt.wordSpaceMaxEm ?? WORD_DEFAULTS.wordSpaceMaxEm,
    hyphenPenalty: 50,
    explicitHyphenPenalty: 50,
    cjkStretchEm: 0.1,
    levels: embeddingLevels(text, paragraphDirection, rtl),
  };
  const narrowest = Math.max(geo.size, Math.min(lineBox(geo, 0).measure, lineBox(geo, 1).measure));
  const items = wordItems(spans, faces, geo.size, wo, narrowest);
  const widthOf = (n: number) => lineBox(geo, n).measure;
  const maxConsecutiveHyphens = opt.maxConsecutiveHyphens ?? WORD_DEFAULTS.maxConsecutiveHyphens;
  let breaks: WordBreak[] | null = null;
  if (optimum) {
    const o = { ...OPTIMUM_DEFAULTS, maxConsecutiveHyphens };
    // TeX's tolerance first; then looser ones (an unbounded tolerance keeps every node active:
    // ~20 times slower, so only as the last pass)
    for (const tolerance of [o.tolerance, 2_000, Infinity]) {
      breaks = optimumFit(items, widthOf, { ...o, tolerance });
      if (breaks) break;
    }
  }
  breaks ??= firstFit(items, widthOf, { hyphenate, hyphenationZone: opt.hyphenationZone ?? WORD_DEFAULTS.hyphenationZone, maxConsecutiveHyphens });
  const lines = breaks.map((b, n) => {
    const box = lineBox(geo, n);
    const line = placeWordLine(items, b.start, b.end, box.measure, box.indent, geo.align, n === breaks.length - 1, {
      wordSpaceLimit: (opt.wordSpaceLimitEm ?? WORD_DEFAULTS.wordSpaceLimitEm) * geo.size,
      letterSpacingMax: rtl ? 0 : (opt.letterSpacingMaxEm ?? WORD_DEFAULTS.letterSpacingMaxEm) * geo.size,
    });
    if (wo.levels) reorderLine(line, wo.levels, rtl ? "rtl" : "ltr");
    return line;
  });
  return { lines, text };
}
