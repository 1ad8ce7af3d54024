/**
 * The typesetter's options as the style sets them: one derivation for every user of the
 * typesetter (the PDF writer, the table column widths both writers share).
 */
import type { Style } from "../style/style.js";
import type { ComposeOptions } from "../typeset/index.js";

export function composeOptions(style: Style): ComposeOptions {
  const t = style.text;
  return {
    cjkLatinGapEm: t.cjkLatinGapEm,
    compressAdjacentPunctuation: t.compressAdjacentPunctuation ?? true,
    hangingPunctuation: t.hangingPunctuation,
    compressLineStart: t.compressLineStart ?? false,
    compressLineEnd: t.compressLineEnd ?? false,
  };
}
