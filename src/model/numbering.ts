/**
 * Numbers as labels: the formats of WordprocessingML's ST_NumberFormat that UN documents use,
 * computed exactly as Word computes them, so the PDF prints the numbers Word shows for the DOCX.
 */
import type { Label, Numbering, NumberFormat, NumberingLevel, NumberingScheme } from "./types.js";

export const NUMBER_FORMATS: readonly NumberFormat[] = ["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "chineseCounting", "arabicAbjad", "arabicOrdinal", "arabicLetterName", "bullet"];

/**
 * Word's arabicAbjad: the letters in abjad order (أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ), as UN
 * Arabic documents label subparagraphs (أ) (ب) (ج) where English has (a) (b) (c); هـ is written
 * with the tatweel, as printed, so the isolated heh is not read as a circle. Past 28, Word repeats
 * the letter (29 أأ).
 */
const ABJAD = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"];

/** The names of the letters in abjad order: UN Arabic subheadings ألف - باء - جيم - where English has A. B. C. */
const LETTER_NAMES = ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد", "ظاء", "غين"];

/** Ordinal adverbs: UN Arabic chapters أولا - ثانيا - where English has I. II. (then حادي عشر, ثاني عشر …) */
const ORDINALS = ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"];
const ORDINAL_UNITS = ["حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع"];

function arabicOrdinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1];
  if (n < 20) return `${ORDINAL_UNITS[n - 11]} عشر`;
  return String(n); // chapters past 19 do not occur; the number itself rather than a wrong word
}

function repeated(list: string[], n: number): string {
  return list[(n - 1) % list.length].repeat(Math.floor((n - 1) / list.length) + 1);
}

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

function roman(n: number): string {
  let s = "";
  for (const [v, r] of ROMAN) while (n >= v) (s += r), (n -= v);
  return s;
}

/** Word's letter numbering repeats the letter past Z: 26 Z, 27 AA, 28 BB (not a base-26 count). */
function letters(n: number): string {
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

const DIGITS = "〇一二三四五六七八九";

/** Word's chineseCounting: 一 … 十, 十一 … 十九, 二十, 二十一 …, 一百, 一百零一 … */
function chineseCounting(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? "" : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest);
    return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
  }
  return String(n);
}

export function formatNumber(n: number, format: NumberFormat): string {
  if (!Number.isInteger(n) || n < 1) return String(n);
  switch (format) {
    case "decimal":
      return String(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "chineseCounting":
      return chineseCounting(n);
    case "arabicAbjad":
      return repeated(ABJAD, n);
    case "arabicOrdinal":
      return arabicOrdinal(n);
    case "arabicLetterName":
      return n <= LETTER_NAMES.length ? LETTER_NAMES[n - 1] : String(n);
    case "bullet":
      return "";
  }
}

/** The label text of a level for a number: "%1" replaced by the formatted number. */
export function labelText(level: NumberingLevel, n: number): string {
  return level.format === "bullet" ? level.text : level.text.replace(/%1/g, formatNumber(n, level.format));
}

/**
 * Counters of the numbering schemes while the model is built, in document order. A heading
 * resets the deeper heading levels; paragraphs run through the whole document until restarted.
 */
export class Counters {
  private values: Record<NumberingScheme, number[]> = { heading: [], paragraph: [], list: [] };

  constructor(private readonly numbering: Numbering) {}

  /** The level definition of a scheme (the deepest one defined when the depth goes past it). */
  level(scheme: NumberingScheme, depth: number): NumberingLevel {
    const levels = this.numbering[scheme];
    return levels[Math.min(depth, levels.length) - 1];
  }

  /** The next label of `scheme` at `depth` (1-based); `value` sets the number instead of counting on. */
  next(scheme: NumberingScheme, depth: number, value?: number): Label {
    const counts = this.values[scheme];
    const n = value ?? (counts[depth - 1] ?? 0) + 1;
    counts[depth - 1] = n;
    counts.length = depth; // deeper levels start again
    return { text: labelText(this.level(scheme, depth), n), counter: { scheme, level: depth, value: n } };
  }

  restart(scheme: NumberingScheme): void {
    this.values[scheme] = [];
  }
}
