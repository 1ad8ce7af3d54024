/**
 * The typesetter's options as the style sets them for a language: one derivation for every user
 * of the typesetter (the PDF writer, the table column widths both writers share). The language
 * picks the composer: Chinese rules, or words, hyphenation and optimum fit (style/word-options.ts).
 */
import type { Style } from "../style/style.js";
import { wordComposeOptions } from "../style/word-options.js";
import type { ComposeOptions } from "../typeset/index.js";

export function composeOptions(style: Style, lang?: string): ComposeOptions {
  const t = style.text;
  return {
    cjkLatinGapEm: t.cjkLatinGapEm,
    compressAdjacentPunctuation: t.compressAdjacentPunctuation ?? true,
    hangingPunctuation: t.hangingPunctuation,
    compressLineStart: t.compressLineStart ?? false,
    compressLineEnd: t.compressLineEnd ?? false,
    ...wordComposeOptions(style, lang),
  };
}
