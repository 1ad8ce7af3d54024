/**
 * The Unicode Bidirectional Algorithm (UAX #9) as the typesetter uses it, over bidi-js (a
 * complete implementation that passes the Unicode conformance tests):
 * - the paragraph's embedding levels are resolved once, on its whole text (rules P2–I2, with the
 *   paragraph level given by the document's direction: HL1, as Word's w:bidi does), before lines
 *   are broken;
 * - each line is then reordered on its own (L1, L2: bidi-line.ts), and characters with a mirrored
 *   form are drawn mirrored at odd levels (L4).
 * A paragraph of a left-to-right document without a right-to-left character has no levels at
 * all (null): it is set exactly as before bidi was known.
 */
import { createRequire } from "node:module";

export type Direction = "ltr" | "rtl";

interface BidiJs {
  getEmbeddingLevels(text: string, direction?: "ltr" | "rtl" | "auto"): { levels: Uint8Array; paragraphs: { start: number; end: number; level: number }[] };
  getMirroredCharacter(ch: string): string | null;
}

let bidi: BidiJs | undefined;

function bidiJs(): BidiJs {
  if (!bidi) {
    // bidi-js's CommonJS build exports a factory; each call makes an independent instance
    const factory = createRequire(import.meta.url)("bidi-js") as (() => BidiJs) | { default: () => BidiJs };
    bidi = (typeof factory === "function" ? factory : factory.default)();
  }
  return bidi;
}

/** Strong right-to-left characters (bidi classes R and AL) and the explicit RTL controls. */
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u200F\u202B\u202E\u2067\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Does the text hold a right-to-left character (so its lines need reordering)? */
export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}

/** The paragraph level of a direction (UAX #9 BD2: 0 left to right, 1 right to left). */
export function paragraphLevel(direction: Direction | undefined): number {
  return direction === "rtl" ? 1 : 0;
}

/**
 * Resolved embedding levels of a paragraph, one per UTF-16 code unit (rules X1–I2, the
 * paragraph level given), or null when the paragraph is left to right through and through and
 * its lines need no reordering (`always`: a right-to-left page needs every line's positions).
 */
export function embeddingLevels(text: string, direction: Direction | undefined, always = false): Uint8Array | null {
  if (!always && direction !== "rtl" && !hasRtl(text)) return null;
  return bidiJs().getEmbeddingLevels(text, direction === "rtl" ? "rtl" : "ltr").levels;
}

const STRONG = /[\p{L}\u200E\u200F]/u;

/**
 * The direction of a text's first strong character (UAX #9 P2, P3; isolates are not skipped),
 * or undefined when it has none (digits and punctuation only).
 */
export function firstStrongDirection(text: string): Direction | undefined {
  for (const ch of text) {
    if (!STRONG.test(ch)) continue;
    return hasRtl(ch) ? "rtl" : "ltr";
  }
  return undefined;
}

/** The mirrored form of a character drawn at an odd level (UAX #9 L4, BidiMirroring.txt), or the character. */
export function mirroredForm(ch: string): string {
  return bidiJs().getMirroredCharacter(ch) ?? ch;
}

/**
 * Visual order of items with levels (UAX #9 L2): from the highest level down to the lowest odd
 * level, every maximal sequence of items at that level or higher is reversed. Returns the items'
 * indices from left to right.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  if (!levels.length) return order;
  let max = 0;
  let minOdd = Infinity;
  for (const l of levels) {
    if (l > max) max = l;
    if ((l | 1) < minOdd) minOdd = l | 1; // the lowest odd level, present or not
  }
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]] < level) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < order.length && levels[order[j + 1]] >= level) j++;
      for (let a = i, b = j; a < b; a++, b--) [order[a], order[b]] = [order[b], order[a]];
      i = j + 1;
    }
  }
  return order;
}
