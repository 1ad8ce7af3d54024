/**
 * Character classes for Chinese line composition, after W3C "Requirements for Chinese Text
 * Layout" (clreq) §3.1 (punctuation) and §3.2 (line breaking), and UAX #14 for Latin text.
 */
import { NO_LINE_END, NO_LINE_START } from "./kinsoku.js";

/** Opening brackets and quotes (clreq §3.1); the line-end prohibitions are kinsoku.ts's. */
export const OPENING = new Set([..."“‘（《〈【「『〔［｛〖〘〚(["]);
/** Closing brackets and quotes (clreq §3.1); the line-start prohibitions are kinsoku.ts's. */
export const CLOSING = new Set([..."”’）》〉】」』〕］｝〗〙〛)]}"]);
/** Pause and stop marks (clreq §3.1.2). */
export const STOPS = new Set([..."、，；：。！？．,.;:!?"]);
/** Interpuncts (·・‧, clreq §3.1.3). */
export const INTERPUNCTS = new Set([..."·・‧"]);
/** Marks Word lets hang into the right margin at line end (w:overflowPunct). */
export const HANGABLE = new Set([..."，。、；：！？"]);
/** Characters that come in inseparable pairs: the two-em dash and the six-dot ellipsis (clreq §3.2.3). */
export const PAIRED = new Set(["—", "…", "⸺"]);

/** Full-width marks whose glyph sits in the left half of the em box in Simplified Chinese fonts. */
const RIGHT_BLANK = new Set([..."，。、；：！？”’）》〉】」』〕］｝〗〙〛"]);
/** Full-width marks whose glyph sits in the right half. */
const LEFT_BLANK = new Set([..."“‘（《〈【「『〔［｛〖〘〚"]);

export function isIdeographic(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0x20000 && cp <= 0x3134f) || // Extensions B-G
    (cp >= 0xf900 && cp <= 0xfaff) || // Compatibility Ideographs
    (cp >= 0x3040 && cp <= 0x30ff) || // Kana
    (cp >= 0x3100 && cp <= 0x312f) || // Bopomofo
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul syllables
    (cp >= 0x3005 && cp <= 0x3007) // 々〆〇
  );
}

/**
 * Characters set in the Chinese face: ideographs, full-width forms and the punctuation that is
 * East Asian "ambiguous" width but full width in Chinese (quotes, dashes, ellipsis, interpuncts, bullet).
 * `cjkPunctuation: false` is for text in a Latin or Cyrillic language: only ideographs, kana,
 * hangul and the CJK and full-width blocks take the Chinese face there.
 */
export function usesCjkFace(ch: string, cjkPunctuation = true): boolean {
  const cp = ch.codePointAt(0)!;
  if (isIdeographic(cp)) return true;
  if (cp >= 0x3000 && cp <= 0x303f) return true; // CJK symbols and punctuation
  if (cp >= 0xff00 && cp <= 0xffef) return true; // half/full-width forms
  if (cp >= 0x2e80 && cp <= 0x2fdf) return true; // radicals
  if (cp >= 0x3200 && cp <= 0x33ff) return true; // enclosed CJK, compatibility
  if (cp >= 0xfe30 && cp <= 0xfe4f) return true;
  // in Latin and Cyrillic text these are the Latin face's proportional marks (Member’s, “…”, —)
  return cjkPunctuation && "“”‘’·—…•※§№".includes(ch);
}

export type CharClass =
  | "ideograph" // Chinese characters and kana
  | "opening" // opening brackets and quotes
  | "closing" // closing brackets and quotes
  | "stop" // pause and stop marks
  | "interpunct" // middle dots
  | "paired" // dash and ellipsis (come in pairs)
  | "space" // breakable white space
  | "alnum" // Latin letters and digits
  | "other"; // anything else (Latin punctuation, symbols)

const CLASSES: readonly CharClass[] = ["ideograph", "opening", "closing", "stop", "interpunct", "paired", "space", "alnum", "other"];
/** Class of each UTF-16 code unit seen (index into CLASSES, plus one; 0: not yet classified). */
const unitClass = new Uint8Array(0x10000);

/** The class of a character (a cluster: its first character decides, marks count as letters). */
export function classify(ch: string): CharClass {
  // one code unit, the usual case: looked up once per process (the typesetter asks per character)
  if (ch.length !== 1) return classifyUncached(ch);
  const code = ch.charCodeAt(0);
  const known = unitClass[code];
  if (known) return CLASSES[known - 1];
  const cls = classifyUncached(ch);
  unitClass[code] = CLASSES.indexOf(cls) + 1;
  return cls;
}

function classifyUncached(ch: string): CharClass {
  if (OPENING.has(ch)) return "opening";
  if (CLOSING.has(ch)) return "closing";
  if (STOPS.has(ch)) return "stop";
  if (INTERPUNCTS.has(ch)) return "interpunct";
  if (PAIRED.has(ch)) return "paired";
  if (ch === " " || ch === "\t") return "space";
  const cp = ch.codePointAt(0)!;
  if (isIdeographic(cp)) return "ideograph";
  if (/[\p{L}\p{N}\p{M}]/u.test(ch)) return "alnum";
  return "other";
}

const NO_START = new Set([...NO_LINE_START]);
const NO_END = new Set([...NO_LINE_END]);

/** May this character begin a line? Word's Simplified Chinese list (kinsoku.ts; clreq §3.2.1). */
export function mayStartLine(ch: string): boolean {
  return !NO_START.has(ch);
}

/** May this character end a line? Word's Simplified Chinese list (kinsoku.ts; clreq §3.2.2). */
export function mayEndLine(ch: string): boolean {
  return !NO_END.has(ch);
}

/** Blank half of a full-width mark that compression may remove (clreq §3.1.6), or none. */
export function blankSide(ch: string): "left" | "right" | "none" {
  if (RIGHT_BLANK.has(ch)) return "right";
  if (LEFT_BLANK.has(ch)) return "left";
  return "none";
}

/**
 * Default-ignorable code points (Unicode DerivedCoreProperties.txt, less the Hangul fillers, as
 * HarfBuzz and fontkit take them): bidirectional controls (LRM, RLM, ALM, embeddings, isolates),
 * ZWSP, ZWNJ, ZWJ, the soft hyphen, the word joiner, the BOM, tags. They have no appearance; the
 * typesetter draws no glyph for them (variation selectors excepted: see isVariationSelector).
 */
export function isDefaultIgnorable(cp: number): boolean {
  if (cp < 0xad) return false;
  return (
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    (cp >= 0x17b4 && cp <= 0x17b5) ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xfff0 && cp <= 0xfff8) ||
    (cp >= 0x1bca0 && cp <= 0x1bca3) ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

/** Variation selectors: default-ignorable, but they choose the glyph of the character before them. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x180b && cp <= 0x180d) || cp === 0x180f;
}
