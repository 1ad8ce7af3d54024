/**
 * The Latin and Cyrillic composer's settings from a style: what the PDF writer passes to
 * composeParagraph beside the CJK settings, and what the DOCX writer turns into Word's
 * hyphenation settings (w:autoHyphenation, w:hyphenationZone, w:consecutiveHyphenLimit).
 */
import type { WordComposeOptions } from "../typeset/compose.js";
import type { Style } from "./style.js";

export function wordComposeOptions(style: Style, lang: string | undefined): WordComposeOptions {
  const t = style.text;
  const h = t.hyphenation;
  return {
    ...(lang !== undefined && { lang }),
    ...(h && { hyphenate: h.auto }),
    ...(h?.zone !== undefined && { hyphenationZone: h.zone }),
    ...(h?.maxConsecutive !== undefined && { maxConsecutiveHyphens: h.maxConsecutive }),
    ...(h?.minLeft !== undefined && { hyphenMinLeft: h.minLeft }),
    ...(h?.minRight !== undefined && { hyphenMinRight: h.minRight }),
    ...(h?.minWord !== undefined && { hyphenMinWord: h.minWord }),
    ...(t.wordSpacing && { wordSpaceMinEm: t.wordSpacing.minEm, wordSpaceMaxEm: t.wordSpacing.maxEm }),
    ...(t.lineBreaking && { lineBreaking: t.lineBreaking }),
    ...(t.direction === "rtl" && { direction: "rtl" as const }),
  };
}
